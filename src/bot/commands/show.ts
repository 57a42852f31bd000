import { findCase, loadHistory } from '../../db/case-repository.ts';
import { staffNames } from '../../db/org-repository.ts';
import { renderCaseDetail, renderNotFound } from '../../messages/case-replies.ts';
import { defineCommand } from '../define-command.ts';
import { caseCommand } from '../parsing/fields.ts';

const parse = caseCommand('show', () => ({}));

/** 查 #no: the case with its history. Anything after the number is ignored: it has nothing to say. */
export const show = defineCommand({
  name: 'show',
  audience: 'staff',
  caseActions: ['view'],
  parse,
  async run(ctx, command) {
    const c = await findCase(ctx.tx, command.caseNo);
    if (!c) return renderNotFound(command.caseNo);
    const history = await loadHistory(ctx.tx, c.no);
    const names = await staffNames(ctx.tx, [c.handler, c.firstResponder, ...history.map((e) => e.actor)]);
    return renderCaseDetail(c, history, names, ctx.now);
  },
});
