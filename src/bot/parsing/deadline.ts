import { DEADLINE_KEYWORDS } from '../../messages/vocabulary.ts';
import { anyOf } from '../../shared/words.ts';
import { parseChinaDateTime } from './parse-date.ts';
import { clip, commandError, type ParseError } from './parse-error.ts';
import type { Token } from './tokens.ts';

/**
 * How a category treats `期限`: internal matters must have one, a service may (only the caller
 * knows if it is internal), the other classes get their deadline from the calendar.
 */
export type DeadlineRule = 'required' | 'optional' | 'forbidden';

const KEYWORD = new RegExp(`^(?:${anyOf(DEADLINE_KEYWORDS)})[:]?`, 'u');

/**
 * Finds `期限 <date [time]>` anywhere in `tokens` and removes it, so it does not end up in 事由.
 * A bare 期限 not followed by a date stays text unless the category needs a deadline
 * ("咨询 申报期限 多久" is a question, not a deadline).
 */
export function extractDeadline(
  tokens: readonly Token[],
  rule: DeadlineRule,
  now: Date,
): { rest: Token[]; dueAt: Date | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const keyword = KEYWORD.exec(tokens[k]?.norm ?? '');
    if (!keyword) continue;
    const glued = (tokens[k]?.norm ?? '').slice(keyword[0].length);
    const following = tokens.slice(k + 1);
    // A date and time take at most three tokens ("12月5日 下午 5点"); looking further is wasted work.
    const near = following.slice(0, 3).map((t) => t.norm);
    const dateTokens = glued ? [glued, ...near] : near;
    const parsed = parseChinaDateTime(dateTokens, now, { defaultTime: 'end' });
    if (parsed.consumed === 0) {
      if (glued || rule !== 'required') continue;
      const next = following[0];
      errors.push(next ? commandError('bad_date', 'register', { field: 'deadline', value: clip(next.raw) }) : commandError('internal_needs_deadline', 'register'));
      return { rest: without(tokens, k, next ? 2 : 1), dueAt: undefined, errors };
    }
    const fromFollowing = parsed.consumed - (glued ? 1 : 0);
    const value = clip([...(glued ? [glued] : []), ...following.slice(0, fromFollowing).map((t) => t.raw)].join(' '));
    const rest = without(tokens, k, 1 + fromFollowing);
    if (rule === 'forbidden') errors.push(commandError('deadline_not_allowed', 'register', { value }));
    else if (!parsed.ok) errors.push(commandError('bad_date', 'register', { field: 'deadline', value }));
    else if (parsed.date.getTime() < now.getTime()) errors.push(commandError('deadline_in_past', 'register', { value }));
    else return { rest, dueAt: parsed.date, errors };
    return { rest, dueAt: undefined, errors };
  }
  if (rule === 'required') errors.push(commandError('internal_needs_deadline', 'register'));
  return { rest: [...tokens], dueAt: undefined, errors };
}

function without(tokens: readonly Token[], start: number, count: number): Token[] {
  return [...tokens.slice(0, start), ...tokens.slice(start + count)];
}
