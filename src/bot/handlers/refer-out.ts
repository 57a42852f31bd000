import { referOutCase } from '../../use-cases/refer-out-case.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderReferredOut } from '../../messages/first-inquiry-replies.ts';
import type { CommandHandler } from './handler.ts';
import { refusedReply } from './refused-reply.ts';

export const handleReferOut: CommandHandler<'referOut'> = async (ctx, command) => {
  const r = await referOutCase(ctx, command);
  if (r.kind === 'not_found') return renderNotFound(r.no);
  if (r.kind === 'refused') return refusedReply(ctx, r.case, r.reasons);
  return renderReferredOut(r.case, command.competentBody, command.explanation);
};
