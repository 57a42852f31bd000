import { findCase, loadHistory } from '../../db/case-repository.ts';
import { staffNames } from '../../db/org-repository.ts';
import { renderCaseDetail, renderNotFound } from '../../messages/case-replies.ts';
import type { CommandHandler } from './handler.ts';

export const handleShow: CommandHandler<'show'> = async (ctx, command) => {
  const c = await findCase(ctx.tx, command.caseNo);
  if (!c) return renderNotFound(command.caseNo);
  const history = await loadHistory(ctx.tx, c.no);
  const names = await staffNames(ctx.tx, [c.handler, c.firstResponder, ...history.map((e) => e.actor)]);
  return renderCaseDetail(c, history, names, ctx.now);
};
