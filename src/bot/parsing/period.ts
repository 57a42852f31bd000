import { chinaDateOf } from '../../domain/calendar/china-time.ts';
import { halfPeriod, monthPeriod, previousMonth, yearPeriod, type Period } from '../../domain/evaluation/period.ts';
import { PERIOD_WORDS as W } from '../../messages/vocabulary.ts';
import { anyOf, ownValue } from '../../shared/words.ts';

const YEAR_AND_HALF = new RegExp(`^(\\d{4})${W.year}?(${anyOf([...Object.keys(W.halves), W.yearEnd])})?$`, 'u');
const YEAR_AND_MONTH = new RegExp(`^(\\d{4})(?:-|${W.year})(\\d{1,2})${W.month}?$`, 'u');
const MONTH = new RegExp(`^(\\d{1,2})${W.month}$`, 'u');

/**
 * A period as people name it: 2026, 2026年, 2026上半年, 2026年下半年, 2026年终, 2026-12, 2026年12月,
 * 12月 (this year's), 上半年, 下半年, 年中, 年终, 今年, 去年, 本月, 上月. Undefined when it is none.
 */
export function parsePeriod(word: string, now: Date): Period | undefined {
  const [y, m] = chinaDateOf(now).split('-').map(Number) as [number, number];
  const half = ownValue(W.halves, word);
  if (half) return halfPeriod(y, half);
  if (word === W.yearEnd || word === W.thisYear) return yearPeriod(y);
  if (word === W.lastYear) return yearPeriod(y - 1);
  if (word === W.thisMonth) return monthPeriod(y, m);
  if (word === W.lastMonth) return previousMonth({ year: y, month: m });
  const ym = YEAR_AND_MONTH.exec(word);
  if (ym) return month(Number(ym[1]), Number(ym[2]));
  const yh = YEAR_AND_HALF.exec(word);
  if (yh) {
    const year = Number(yh[1]);
    if (year < 2000 || year > 2999) return undefined;
    const h = yh[2] ? ownValue(W.halves, yh[2]) : undefined;
    return h ? halfPeriod(year, h) : yearPeriod(year);
  }
  const mo = MONTH.exec(word);
  if (mo) return month(y, Number(mo[1]));
  return undefined;
}

function month(year: number, month: number): Period | undefined {
  return month >= 1 && month <= 12 && year >= 2000 && year <= 2999 ? monthPeriod(year, month) : undefined;
}
