/**
 * China time helpers. China uses a fixed UTC+08:00 with no DST (none since 1991), so every
 * conversion is plain offset arithmetic on UTC fields; nothing here reads the process TZ.
 * Calendar dates are 'YYYY-MM-DD' strings.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM_PATTERN = /^(\d{2}):(\d{2})$/;

/** Milliseconds of UTC midnight of `date`; throws on a malformed or non-existent date (e.g. 2026-02-30). */
function utcMidnight(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    // Date.UTC silently rolls 02-30 into March; the round trip catches that.
    if (new Date(ms).toISOString().slice(0, 10) === date) return ms;
  }
  throw new Error(`Invalid date '${date}': expected an existing YYYY-MM-DD date`);
}

function assertValidInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid Date instant');
  return ms;
}

/** The calendar date in China of an instant, e.g. 2026-12-02T14:15Z → '2026-12-02'. */
export function chinaDateOf(instant: Date): string {
  return new Date(assertValidInstant(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of `date` in China (23:59:59.999+08:00): the legal 24:00 cut-off (民法典 art. 203). */
export function endOfChinaDay(date: string): Date {
  return new Date(utcMidnight(date) + DAY_MS - 1 - CHINA_OFFSET_MS);
}

/** The instant of wall-clock time `hhmm` ('HH:MM') on `date` in China. */
export function chinaInstant(date: string, hhmm: string): Date {
  const match = HHMM_PATTERN.exec(hhmm);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) throw new Error(`Invalid time '${hhmm}': expected HH:MM`);
  return new Date(utcMidnight(date) + (hour * 60 + minute) * 60_000 - CHINA_OFFSET_MS);
}

/** `date` moved by `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`addDays: n must be an integer, got ${n}`);
  return new Date(utcMidnight(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of `date`: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

/** Wall-clock hour and minute of an instant in China. */
export function chinaTimeOfDay(instant: Date): { hour: number; minute: number } {
  const shifted = new Date(assertValidInstant(instant) + CHINA_OFFSET_MS);
  return { hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes() };
}
