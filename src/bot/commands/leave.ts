import { registerAbsence } from '../../use-cases/register-absence.ts';
import { renderLeaveRegistered, renderLeaveRejected, renderPassedOn } from '../../messages/absence-replies.ts';
import { DATE_WORDS } from '../../messages/vocabulary.ts';
import { anyOf } from '../../shared/words.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import { parseChinaDateTime, type ChinaDateTimeOptions } from '../parsing/parse-date.ts';
import { clip, commandError, type ParseContext, type ParseError } from '../parsing/parse-error.ts';
import { joinRaw, normalize, type Token } from '../parsing/tokens.ts';

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
    const r = await registerAbsence(ctx, command);
    if (r.kind === 'rejected') return renderLeaveRejected(r.problems, ctx.now);
    const cover = r.cover && r.cover.via !== 'handler' ? { name: r.names.get(r.cover.userid) ?? r.cover.userid, via: r.cover.via } : null;
    const name = (u: string) => r.names.get(u) ?? u;
    const passedOn = renderPassedOn(r.passedOn.map((p) => ({ absent: name(p.absent), to: p.to && p.to.via !== 'handler' ? { name: name(p.to.userid), via: p.to.via } : null })));
    return renderLeaveRegistered(r.absence, cover, r.handover.length, ctx.now, passedOn);
  },
});

const RANGE_WORDS = new RegExp(`^(?:${anyOf(DATE_WORDS.rangeWords)})$`, 'u');
// Glued, a hyphen is part of a date (12-01), so it does not split one token into two dates.
const GLUED_RANGE = new RegExp(`^(.+?)(?:${anyOf(DATE_WORDS.rangeWords.filter((w) => w !== '-'))})(.+)$`, 'u');

/** 请假 起 止 [事由]: 起 without a time starts at 00:00, 止 without a time ends at 23:59:59.999. */
function parseLeave(args: readonly Token[], ctx: ParseContext): Parsed<LeaveFields> {
  const errors: ParseError[] = [];
  let rest = splitGluedRange(args);
  if (rest.length === 0) {
    errors.push(commandError('missing_field', 'leave', { field: 'from' }), commandError('missing_field', 'leave', { field: 'to' }));
    return { ok: false, errors };
  }
  const from = takeDate(rest, 'from', { defaultTime: 'start' }, ctx.now, errors);
  rest = from.rest;
  if (RANGE_WORDS.test(rest[0]?.norm ?? '')) rest = rest.slice(1);
  const to = rest.length > 0 ? takeDate(rest, 'to', { defaultTime: 'end' }, ctx.now, errors) : undefined;
  if (!to) errors.push(commandError('missing_field', 'leave', { field: 'to' }));
  if (from.date && to?.date && to.date.getTime() < from.date.getTime()) errors.push(commandError('leave_end_before_start', 'leave'));

  if (errors.length > 0 || !from.date || !to?.date) return { ok: false, errors };
  const reason = joinRaw(to.rest);
  const fields: LeaveFields = { from: from.date, to: to.date };
  if (reason !== '') fields.reason = reason;
  return { ok: true, fields };
}

function takeDate(
  tokens: Token[],
  field: 'from' | 'to',
  options: ChinaDateTimeOptions,
  now: Date,
  errors: ParseError[],
): { date?: Date; rest: Token[] } {
  const parsed = parseChinaDateTime(
    tokens.map((t) => t.norm),
    now,
    options,
  );
  // Something unreadable in a date position is taken as the (bad) date, so it is named in the answer.
  const used = Math.max(parsed.consumed, 1);
  if (parsed.ok) return { date: parsed.date, rest: tokens.slice(used) };
  errors.push(commandError('bad_date', 'leave', { field, value: clip(joinRaw(tokens.slice(0, used))) }));
  return { rest: tokens.slice(used) };
}

/** "12月1日至12月3日", "今天到明天": one token holding both dates. */
function splitGluedRange(args: readonly Token[]): Token[] {
  const [first, ...others] = args;
  const match = first ? GLUED_RANGE.exec(first.norm) : null;
  if (!first || !match?.[1] || !match[2]) return [...args];
  const part = (text: string, gapBefore: ' ' | '\n'): Token => ({ raw: text, norm: normalize(text), index: first.index, gapBefore });
  return [part(match[1], first.gapBefore), part(match[2], ' '), ...others];
}
