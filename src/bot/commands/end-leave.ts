import { endAbsence } from '../../use-cases/end-absence.ts';
import { renderLeaveEnded, renderNoLeaveToEnd } from '../../messages/absence-replies.ts';
import { defineCommand } from '../define-command.ts';
import { noArguments } from '../parsing/fields.ts';

/** 销假 (R7): back; whoever was to cover is told. */
export const endLeave = defineCommand({
  name: 'endLeave',
  audience: 'staff',
  parse: noArguments,
  async run(ctx) {
    const r = await endAbsence(ctx);
    if (r.kind === 'none') return renderNoLeaveToEnd();
    return renderLeaveEnded(
      r.absences,
      r.told.map((u) => r.names.get(u) ?? u),
      ctx.now,
    );
  },
});
