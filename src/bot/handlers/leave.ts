import { registerAbsence } from '../../use-cases/register-absence.ts';
import { renderLeaveRefused, renderLeaveRegistered } from '../../messages/absence-replies.ts';
import type { CommandHandler } from './handler.ts';

export const handleLeave: CommandHandler<'leave'> = async (ctx, command) => {
  const r = await registerAbsence(ctx, command);
  if (r.kind === 'refused') return renderLeaveRefused(r.problems, ctx.now);
  const cover = r.cover && r.cover.via !== 'handler' ? { name: r.names.get(r.cover.userid) ?? r.cover.userid, via: r.cover.via } : null;
  return renderLeaveRegistered(r.absence, cover, r.handover.length, ctx.now);
};
