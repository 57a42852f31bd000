import { finishCase } from '../../use-cases/finish-case.ts';
import { renderFinished, renderNotFound } from '../../messages/case-replies.ts';
import type { CommandHandler } from './handler.ts';
import { refusedReply } from './refused-reply.ts';

export const handleFinish: CommandHandler<'finish'> = async (ctx, command) => {
  const r = await finishCase(ctx, command.caseNo, command.result);
  if (r.kind === 'not_found') return renderNotFound(r.no);
  if (r.kind === 'refused') return refusedReply(ctx, r.case, r.reasons);
  return renderFinished(r.case, ctx.now, r.onTime);
};
