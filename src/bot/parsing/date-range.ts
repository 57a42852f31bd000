/** `起 止`, as 请假 and 顶岗 take it: two dates (or one word holding both), 起 from 00:00, 止 to 23:59:59.999. */
import type { CommandName } from '../../messages/command-texts.ts';
import { DATE_WORDS } from '../../messages/vocabulary.ts';
import { anyOf } from '../../shared/words.ts';
import { parseChinaDateTime, type ChinaDateTimeOptions } from './parse-date.ts';
import { clip, commandError, type ParseError } from './parse-error.ts';
import { joinRaw, normalize, type Token } from './tokens.ts';

const RANGE_WORDS = new RegExp(`^(?:${anyOf(DATE_WORDS.rangeWords)})$`, 'u');
// Glued, a hyphen is part of a date (12-01), so it does not split one token into two dates.
const GLUED_RANGE = new RegExp(`^(.+?)(?:${anyOf(DATE_WORDS.rangeWords.filter((w) => w !== '-'))})(.+)$`, 'u');

/** Reads 起 and 止 from the front of `args`; every mistake goes to `errors`. `rest` is what follows 止. */
export function parseDateRange(args: readonly Token[], command: CommandName, now: Date, errors: ParseError[]): { from?: Date; to?: Date; rest: Token[] } {
  let rest = splitGluedRange(args, now);
  if (rest.length === 0) {
    errors.push(commandError('missing_field', command, { field: 'from' }), commandError('missing_field', command, { field: 'to' }));
    return { rest: [] };
  }
  const from = takeDate(rest, command, 'from', { defaultTime: 'start' }, now, errors);
  rest = from.rest;
  if (RANGE_WORDS.test(rest[0]?.norm ?? '')) rest = rest.slice(1);
  const to = rest.length > 0 ? takeDate(rest, command, 'to', { defaultTime: 'end' }, now, errors) : undefined;
  if (!to) errors.push(commandError('missing_field', command, { field: 'to' }));
  if (from.date && to?.date && to.date.getTime() < from.date.getTime()) errors.push(commandError('leave_end_before_start', command));
  return { ...(from.date ? { from: from.date } : {}), ...(to?.date ? { to: to.date } : {}), rest: to?.rest ?? [] };
}

function takeDate(
  tokens: Token[],
  command: CommandName,
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
  errors.push(commandError('bad_date', command, { field, value: clip(joinRaw(tokens.slice(0, used))) }));
  return { rest: tokens.slice(used) };
}

/** "12月1日至12月3日", "今天到明天", "12月2日-12月4日": one token holding both dates. */
function splitGluedRange(args: readonly Token[], now: Date): Token[] {
  const [first, ...others] = args;
  if (!first) return [...args];
  const part = (text: string, gapBefore: string): Token => ({ raw: text, norm: normalize(text), index: first.index, gapBefore });
  const match = GLUED_RANGE.exec(first.norm);
  if (match?.[1] && match[2]) return [part(match[1], first.gapBefore), part(match[2], ' '), ...others];
  // A hyphen also writes a date (12-02), so it splits the token only where both halves are dates.
  for (let i = first.norm.indexOf('-'); i > 0; i = first.norm.indexOf('-', i + 1)) {
    const [left, right] = [first.norm.slice(0, i), first.norm.slice(i + 1)];
    if (parseChinaDateTime(left, now, { defaultTime: 'start' }).ok && parseChinaDateTime(right, now, { defaultTime: 'end' }).ok) {
      return [part(left, first.gapBefore), part(right, ' '), ...others];
    }
  }
  return [...args];
}
