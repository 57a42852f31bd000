/** The periods an evaluation covers, in China time: a year, a half year (年中, 年终), or a month (通报). */
import { chinaInstant } from '../calendar/china-time.ts';

export type PeriodKind = 'year' | 'half' | 'month';

export interface Period {
  /** `2026`, `2026-H1`, `2026-H2`, `2026-12`: the key of the API and of a frozen result. */
  key: string;
  kind: PeriodKind;
  year: number;
  /** 1 or 2 for a half, 1–12 for a month. */
  part: number;
  from: Date;
  /** Exclusive. */
  to: Date;
}

const KEY = /^(\d{4})(?:-(H[12]|\d{2}))?$/u;

/** The period named by an API key, or undefined when the key is not one. */
export function periodOf(key: string): Period | undefined {
  const m = KEY.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2999) return undefined;
  const part = m[2];
  if (part === undefined) return build(year, 'year', 0, 1, 12);
  if (part === 'H1') return build(year, 'half', 1, 1, 6);
  if (part === 'H2') return build(year, 'half', 2, 7, 12);
  const month = Number(part);
  return month >= 1 && month <= 12 ? build(year, 'month', month, month, month) : undefined;
}

export function yearPeriod(year: number): Period {
  return build(year, 'year', 0, 1, 12);
}

export function halfPeriod(year: number, half: 1 | 2): Period {
  return half === 1 ? build(year, 'half', 1, 1, 6) : build(year, 'half', 2, 7, 12);
}

export function monthPeriod(year: number, month: number): Period {
  return build(year, 'month', month, month, month);
}

/** The month before the one `now` is in (the monthly bulletin covers it). */
export function previousMonth(now: { year: number; month: number }): Period {
  return now.month === 1 ? monthPeriod(now.year - 1, 12) : monthPeriod(now.year, now.month - 1);
}

function build(year: number, kind: PeriodKind, part: number, firstMonth: number, lastMonth: number): Period {
  const key = kind === 'year' ? String(year) : kind === 'half' ? `${year}-H${part}` : `${year}-${String(part).padStart(2, '0')}`;
  const from = chinaInstant(`${year}-${pad(firstMonth)}-01`, '00:00');
  const to = lastMonth === 12 ? chinaInstant(`${year + 1}-01-01`, '00:00') : chinaInstant(`${year}-${pad(lastMonth + 1)}-01`, '00:00');
  return { key, kind, year, part, from, to };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
