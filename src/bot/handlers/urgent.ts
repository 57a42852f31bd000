import { staffNames } from '../../db/org-repository.ts';
import { markUrgent } from '../../use-cases/mark-urgent.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderUrgentRecorded } from '../../messages/first-inquiry-replies.ts';
import type { CommandHandler } from './handler.ts';
import { refusedReply } from './refused-reply.ts';

export const handleUrgent: CommandHandler<'urgent'> = async (ctx, command) => {
  const r = await markUrgent(ctx, command);
  if (r.kind === 'not_found') return renderNotFound(r.no);
  if (r.kind === 'refused') return refusedReply(ctx, r.case, r.reasons);
  const names = await staffNames(ctx.tx, r.principal ? [r.principal] : []);
  return renderUrgentRecorded(r.case, r.principal, r.alerted, names);
};
