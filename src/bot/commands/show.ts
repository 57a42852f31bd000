import { findCase, loadHistory } from '../../db/case-repository.ts';
import { staffNames } from '../../db/org-repository.ts';
import { renderCaseDetail, renderCaseHidden, renderNotFound } from '../../messages/case-replies.ts';
import { loadViewer, sightOf } from '../../use-cases/workbench/load-viewer.ts';
import { defineCommand } from '../define-command.ts';
import { caseCommand } from '../parsing/fields.ts';

const parse = caseCommand('show', () => ({}));

/**
 * 查 #no: the case with its history, for those who may see it (the workbench's rule: office and
 * principal all, leaders and heads their departments, everyone their own, covered and first-received
 * cases); the applicant's phone is masked for anyone not handling it. Anything after the number is ignored.
 */
export const show = defineCommand({
  name: 'show',
  audience: 'staff',
  caseActions: ['view'],
  parse,
  async run(ctx, command) {
    const c = await findCase(ctx.tx, command.caseNo);
    if (!c) return renderNotFound(command.caseNo);
    const viewer = await loadViewer(ctx.tx, ctx.actor.userid, ctx.now);
    const sight = viewer ? await sightOf(ctx.tx, viewer, c, ctx.now) : { visible: false, handling: false };
    if (!sight.visible) return renderCaseHidden(c.no);
    const history = await loadHistory(ctx.tx, c.no);
    const names = await staffNames(ctx.tx, [c.handler, c.firstResponder, ...history.map((e) => e.actor)]);
    return renderCaseDetail(c, history, names, ctx.now, { maskPhone: !sight.handling, link: `${ctx.publicBaseUrl}/app/cases/${c.no}` });
  },
});
