/**
 * Dates and times as staff type them, in China time (fixed UTC+08:00, no DST since 1991), so
 * nothing here reads the process TZ. Never throws: anything unreadable is `{ ok: false }`.
 */
import { addDays as addChinaDays, chinaDateOf, chinaInstant, endOfChinaDay, weekdayOf } from '../../domain/calendar/china-time.ts';
import { DATE_WORDS } from '../../messages/vocabulary.ts';
import { anyOf } from '../../shared/words.ts';
import { normalize } from './tokens.ts';

export interface ChinaDateTimeOptions {
  /** Without a time: 'end' = 23:59:59.999 of that day (deadlines), 'start' = 00:00 (leave start). */
  readonly defaultTime: 'end' | 'start';
}

/**
 * `consumed` = how many leading tokens made up the date and time (1 to 3: `12月5日`, `17:30`,
 * or `下午` `5点`); on failure, how many looked like a date (0 when the first token does not).
 */
export type ChinaDateTimeResult = { ok: true; date: Date; consumed: number; hasTime: boolean } | { ok: false; consumed: number };

interface Day {
  y: number;
  m: number;
  d: number;
}
interface Clock {
  h: number;
  m: number;
}
type DaySpec =
  | { kind: 'absolute'; y: number | undefined; m: number; d: number }
  | { kind: 'relative'; days: number }
  | { kind: 'weekday'; which: 'this' | 'next' | 'coming'; weekday: number }
  | { kind: 'month_end' };

const W = DATE_WORDS;
const DAY_SUFFIX = `(?:${anyOf(W.daySuffixes)})?`;
const WITH_YEAR = new RegExp(`^(\\d{4})(?:[-/.]|${W.year})(\\d{1,2})(?:[-/.]|${W.month})(\\d{1,2})(?!\\d)${DAY_SUFFIX}`, 'u');
const WITHOUT_YEAR = new RegExp(`^(\\d{1,2})(?:[-/]|${W.month})(\\d{1,2})(?!\\d)${DAY_SUFFIX}`, 'u');
const RELATIVE = new RegExp(`^(${anyOf(Object.keys(W.relativeDays))})`, 'u');
const WEEKDAY = new RegExp(`^(${anyOf(Object.keys(W.weeks))})(${anyOf(Object.keys(W.weekdays))})`, 'u');
const MONTH_END = new RegExp(`^${W.monthEnd}`, 'u');
const SUFFIX = new RegExp(`(?:${anyOf(W.beforeSuffixes)})$`, 'u');

const PERIODS = anyOf(Object.keys(W.periods));
const CN_NUMBER = `[${Object.keys(W.digits).join('')}${W.ten}]{1,3}`;
const TIME = new RegExp(
  `^(${PERIODS})?(?:(\\d{1,2}):(\\d{2})(?::\\d{2})?|(\\d{1,2}|${CN_NUMBER})[${W.hourMarks.join('')}](?:(${W.half})|(\\d{1,2}|${CN_NUMBER})${W.minuteMark}?|${anyOf(W.onTheHour)})?)$`,
  'u',
);
const PERIOD_ONLY = new RegExp(`^(?:${PERIODS})$`, 'u');

export function parseChinaDateTime(input: string | readonly string[], now: Date, options: ChinaDateTimeOptions): ChinaDateTimeResult {
  const whole = typeof input === 'string';
  const tokens = (whole ? input.split(/\s+/u) : [...input]).map(prepare).filter((t) => !whole || t !== '');
  // No instant to count from (an invalid clock): nothing can be read relative to it.
  if (Number.isNaN(now.getTime())) return { ok: false, consumed: 0 };
  const scan = scanDateTime(tokens, chinaDayOf(now));
  if (!scan.day || scan.clock === 'invalid' || (whole && scan.consumed < tokens.length)) return { ok: false, consumed: scan.consumed };
  const clock = scan.clock ?? (options.defaultTime === 'end' ? undefined : { h: 0, m: 0 });
  const date = instantOf(scan.day, clock);
  return { ok: true, date, consumed: scan.consumed, hasTime: scan.clock !== undefined };
}

function prepare(token: string): string {
  return normalize(token).toLowerCase().replace(SUFFIX, '');
}

interface Scan {
  consumed: number;
  /** Undefined when nothing readable or the date does not exist (2月30日). */
  day?: Day;
  clock?: Clock | 'invalid';
}

function scanDateTime(tokens: readonly string[], today: Day): Scan {
  const first = tokens[0];
  if (first === undefined || first === '') return { consumed: 0 };
  const dated = matchDay(first);
  if (!dated) {
    // A time alone ("17:30", "下午 5点") means today.
    const timeOnly = scanTime(tokens, 0);
    if (!timeOnly) return { consumed: 0 };
    return { consumed: timeOnly.consumed, day: today, clock: timeOnly.clock };
  }
  const day = resolveDay(dated.spec, today);
  const rest = dated.rest.replace(/^t/u, '');
  if (rest !== '') {
    const clock = matchTime(rest) ?? 'invalid';
    return { consumed: 1, day, clock };
  }
  const time = scanTime(tokens, 1);
  return time ? { consumed: 1 + time.consumed, day, clock: time.clock } : { consumed: 1, day };
}

/** A time starting at tokens[at]: one token ("17:30", "下午5点") or a period and a time ("下午" "5点"). */
function scanTime(tokens: readonly string[], at: number): { consumed: number; clock: Clock | 'invalid' } | undefined {
  const first = tokens[at];
  if (first === undefined) return undefined;
  const single = matchTime(first);
  if (single) return { consumed: 1, clock: single };
  const second = tokens[at + 1];
  if (PERIOD_ONLY.test(first) && second !== undefined) {
    const joined = matchTime(first + second);
    if (joined) return { consumed: 2, clock: joined };
  }
  return undefined;
}

function matchDay(text: string): { spec: DaySpec; rest: string } | undefined {
  const full = WITH_YEAR.exec(text);
  if (full) return { spec: { kind: 'absolute', y: Number(full[1]), m: Number(full[2]), d: Number(full[3]) }, rest: text.slice(full[0].length) };
  const short = WITHOUT_YEAR.exec(text);
  if (short) return { spec: { kind: 'absolute', y: undefined, m: Number(short[1]), d: Number(short[2]) }, rest: text.slice(short[0].length) };
  const relative = RELATIVE.exec(text);
  if (relative) return { spec: { kind: 'relative', days: W.relativeDays[relative[1] ?? ''] ?? 0 }, rest: text.slice(relative[0].length) };
  const week = WEEKDAY.exec(text);
  const which = week ? W.weeks[week[1] ?? ''] : undefined;
  const weekday = week ? W.weekdays[week[2] ?? ''] : undefined;
  if (week && which && weekday) return { spec: { kind: 'weekday', which, weekday }, rest: text.slice(week[0].length) };
  const monthEnd = MONTH_END.exec(text);
  if (monthEnd) return { spec: { kind: 'month_end' }, rest: text.slice(monthEnd[0].length) };
  return undefined;
}

/** A month-day without a year is the next such date on or after today (so 1月3日 in late December is next year). */
function resolveDay(spec: DaySpec, today: Day): Day | undefined {
  if (spec.kind === 'relative') return addDays(today, spec.days);
  if (spec.kind === 'month_end') return { ...today, d: new Date(Date.UTC(today.y, today.m, 0)).getUTCDate() };
  if (spec.kind === 'weekday') {
    // Monday = 1 … Sunday = 7; a week runs Monday to Sunday. 周五 alone is the next Friday on or after today.
    const todayWeekday = weekdayOf(isoOf(today)) || 7;
    if (spec.which === 'coming') return addDays(today, (spec.weekday - todayWeekday + 7) % 7);
    return addDays(today, spec.weekday - todayWeekday + (spec.which === 'next' ? 7 : 0));
  }
  let y = spec.y;
  if (y === undefined) {
    const beforeToday = spec.m < today.m || (spec.m === today.m && spec.d < today.d);
    y = beforeToday ? today.y + 1 : today.y;
  }
  return isExistingDay(y, spec.m, spec.d) ? { y, m: spec.m, d: spec.d } : undefined;
}

/** A time of day, 'invalid' when it has the shape of one but cannot exist (25:00, 上午15点), else undefined. */
function matchTime(text: string): Clock | 'invalid' | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const [, period, colonHour, colonMinute, hourWord, half, minuteWord] = match;
  const hour = chineseOrArabic(colonHour ?? hourWord ?? '');
  const minute = half ? 30 : chineseOrArabic(colonMinute ?? minuteWord ?? '0');
  if (hour === undefined || minute === undefined || minute > 59) return 'invalid';
  const h = withPeriod(period, hour);
  return h === undefined || h > 23 ? 'invalid' : { h, m: minute };
}

/** 下午5点 = 17:00; 中午1点 = 13:00; 凌晨12点 = 0:00; 上午15点 makes no sense. */
function withPeriod(periodWord: string | undefined, hour: number): number | undefined {
  const period = periodWord === undefined ? undefined : W.periods[periodWord];
  switch (period) {
    case undefined:
      return hour;
    case 'smallHours':
      return hour === 12 ? 0 : hour < 12 ? hour : undefined;
    case 'morning':
      return hour <= 12 ? hour : undefined;
    case 'noon':
      return hour >= 1 && hour <= 3 ? hour + 12 : hour >= 11 ? hour : undefined;
    case 'evening':
      return hour < 12 ? hour + 12 : hour > 12 ? hour : undefined;
    case 'afternoon':
      return hour < 12 ? hour + 12 : hour;
  }
}

const CN_DIGITS = W.digits;

/** "17", "五", "十", "十二", "二十三", "零五" → number; anything else undefined. */
function chineseOrArabic(text: string): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text);
  const chars = Array.from(text);
  const ten = chars.indexOf(W.ten);
  if (ten === -1) {
    if (chars.length === 1) return CN_DIGITS[text];
    if (chars.length === 2 && CN_DIGITS[chars[0] ?? ''] === 0) return CN_DIGITS[chars[1] ?? ''];
    return undefined;
  }
  const tens = ten === 0 ? 1 : ten === 1 ? CN_DIGITS[chars[0] ?? ''] : undefined;
  const onesText = chars.slice(ten + 1).join('');
  const ones = onesText === '' ? 0 : onesText.length === 1 ? CN_DIGITS[onesText] : undefined;
  if (tens === undefined || ones === undefined || tens === 0) return undefined;
  return tens * 10 + ones;
}

function chinaDayOf(instant: Date): Day {
  return dayOf(chinaDateOf(instant));
}

function addDays(day: Day, n: number): Day {
  return dayOf(addChinaDays(isoOf(day), n));
}

function dayOf(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function isoOf(day: Day): string {
  return `${String(day.y).padStart(4, '0')}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

// Date.UTC maps years 0-99 to 19xx, so only four-digit years of this era are taken.
function isExistingDay(y: number, m: number, d: number): boolean {
  if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function instantOf(day: Day, clock: Clock | undefined): Date {
  if (!clock) return endOfChinaDay(isoOf(day));
  return chinaInstant(isoOf(day), `${String(clock.h).padStart(2, '0')}:${String(clock.m).padStart(2, '0')}`);
}
