import { staffNames } from '../../db/org-repository.ts';
import { transferCase } from '../../use-cases/transfer-case.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderTransferred } from '../../messages/first-inquiry-replies.ts';
import type { CommandHandler } from './handler.ts';
import { refusedReply } from './refused-reply.ts';

export const handleTransfer: CommandHandler<'transfer'> = async (ctx, command) => {
  const r = await transferCase(ctx, { caseNo: command.caseNo, target: command.target, ...(command.note ? { note: command.note } : {}) });
  if (r.kind === 'not_found') return renderNotFound(r.no);
  if (r.kind === 'refused') return refusedReply(ctx, r.case, r.reasons);
  const names = await staffNames(ctx.tx, [r.case.handler]);
  return renderTransferred(r.case, r.departmentName, r.departmentAway, r.case.firstResponder === ctx.actor.userid, names);
};
