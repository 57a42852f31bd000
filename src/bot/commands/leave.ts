import { registerAbsence, type RegisterAbsenceResult } from '../../use-cases/register-absence.ts';
import { renderLeaveRegistered, renderLeaveRejected, renderPassedOn } from '../../messages/absence-replies.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import type { ParseContext, ParseError } from '../parsing/parse-error.ts';
import { parseDateRange } from '../parsing/date-range.ts';
import { joinRaw, type Token } from '../parsing/tokens.ts';

interface LeaveFields {
  from: Date;
  to: Date;
  reason?: string;
}

/** 请假 起 止 [事由] (R7): the absence is stored; whoever covers gets the handover note. */
export const leave = defineCommand({
  name: 'leave',
  audience: 'staff',
  parse: parseLeave,
  async run(ctx, command) {
    return leaveAnswer(await registerAbsence(ctx, command), ctx.now);
  },
});

/** The answer to a registered (or refused) absence: typed as 请假, or approved in WeCom's 审批. */
export function leaveAnswer(r: RegisterAbsenceResult, now: Date): string {
  if (r.kind === 'rejected') return renderLeaveRejected(r.problems, now);
  const cover = r.cover && r.cover.via !== 'handler' ? { name: r.names.get(r.cover.userid) ?? r.cover.userid, via: r.cover.via } : null;
  const name = (u: string) => r.names.get(u) ?? u;
  const passedOn = renderPassedOn(r.passedOn.map((p) => ({ absent: name(p.absent), to: p.to && p.to.via !== 'handler' ? { name: name(p.to.userid), via: p.to.via } : null })));
  return renderLeaveRegistered(r.absence, cover, r.handover.length, now, passedOn);
}

/** 请假 起 止 [事由]: 起 without a time starts at 00:00, 止 without a time ends at 23:59:59.999. */
function parseLeave(args: readonly Token[], ctx: ParseContext): Parsed<LeaveFields> {
  const errors: ParseError[] = [];
  const period = parseDateRange(args, 'leave', ctx.now, errors);
  if (errors.length > 0 || !period.from || !period.to) return { ok: false, errors };
  const reason = joinRaw(period.rest);
  const fields: LeaveFields = { from: period.from, to: period.to };
  if (reason !== '') fields.reason = reason;
  return { ok: true, fields };
}
