import { endAbsence } from '../../use-cases/end-absence.ts';
import { renderLeaveEnded, renderNoLeaveToEnd } from '../../messages/absence-replies.ts';
import type { CommandHandler } from './handler.ts';

export const handleEndLeave: CommandHandler<'endLeave'> = async (ctx) => {
  const r = await endAbsence(ctx);
  if (r.kind === 'none') return renderNoLeaveToEnd();
  return renderLeaveEnded(
    r.absences,
    r.told.map((u) => r.names.get(u) ?? u),
    ctx.now,
  );
};
