import type { LeaveCommand } from './command.ts';
import { parseChinaDateTime, type ChinaDateTimeOptions } from './parse-date.ts';
import { clip, commandError, type ParseContext, type ParseError, type ParseResult } from './parse-error.ts';
import { joinRaw, normalize, type Token } from './tokens.ts';

const RANGE_WORDS = /^(?:至|到|~|-|—|–)$/u;
const GLUED_RANGE = /^(.+?)(?:至|到|~|—|–)(.+)$/u;

/** 请假 起 止 [事由]: 起 without a time starts at 00:00, 止 without a time ends at 23:59:59.999. */
export function parseLeave(args: readonly Token[], ctx: ParseContext): ParseResult {
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
  const command: LeaveCommand = { type: 'leave', from: from.date, to: to.date };
  if (reason !== '') command.reason = reason;
  return { ok: true, command };
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
