import { DATE_BEFORE_SUFFIX, DATE_CONTINUES, SHEET_DATE_FORMS } from '../messages/key-task-vocabulary.ts';
import type { SheetCell } from './read-workbook.ts';

/** A calendar day read from the table; `hasYear` false when it was written without one (6月30日). */
export type SheetDate = { ok: true; date: string; hasYear: boolean } | { ok: false; reason: 'unreadable' | 'no_such_day' };

/** A date at the start of a text and how many characters it took (a trailing 前 included). */
export type LeadingDate = SheetDate & { length: number };

// Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was, so serials from 61 on
// are days since 1899-12-30. Only serials of 2000–2099 are taken as dates: a small number is a typo.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const SERIAL_2000 = 36526;
const SERIAL_2100 = 73051;
const DAY_MS = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'YYYY-MM-DD' if that day exists. */
function dayOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function lastDayOf(y: number, m: number): string {
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/**
 * The date a text starts with: 2026-06-30, 2026/6/30, 2026.6.30, 20260630, 2026年6月30日, 6月30日,
 * 6/30, 6.30, 6月底, 2026年底, 年底; a 前 after it is taken too. `year` is the table's year, for a date
 * written without one. Null when the text does not start with a date.
 */
export function leadingDate(text: string, year: number): LeadingDate | null {
  for (const form of SHEET_DATE_FORMS) {
    const m = form.pattern.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    if (DATE_CONTINUES.test(rest)) continue;
    const suffix = DATE_BEFORE_SUFFIX.exec(rest)?.[0] ?? '';
    const length = m[0].length + suffix.length;
    const n = (i: number) => Number(m[i]);
    let date: string | null;
    let hasYear = true;
    switch (form.parts) {
      case 'ymd':
        date = dayOf(n(1), n(2), n(3));
        break;
      case 'md':
        date = dayOf(year, n(1), n(2));
        hasYear = false;
        break;
      case 'ym_end':
        date = n(2) >= 1 && n(2) <= 12 ? lastDayOf(n(1), n(2)) : null;
        break;
      case 'm_end':
        date = n(1) >= 1 && n(1) <= 12 ? lastDayOf(year, n(1)) : null;
        hasYear = false;
        break;
      case 'y_end':
        date = `${n(1)}-12-31`;
        break;
      case 'end_of_year':
        date = `${year}-12-31`;
        hasYear = false;
        break;
    }
    return date === null ? { ok: false, reason: 'no_such_day', length } : { ok: true, date, hasYear, length };
  }
  return null;
}

/** A whole cell read as a date: a real Excel date, a serial number, or text in one of the forms above. */
export function cellDate(cell: SheetCell, year: number): SheetDate {
  switch (cell.kind) {
    case 'date':
      return { ok: true, date: cell.date, hasYear: true };
    case 'number': {
      const v = cell.value;
      if (Number.isInteger(v) && v >= SERIAL_2000 && v < SERIAL_2100) {
        return { ok: true, date: new Date(EXCEL_EPOCH_MS + v * DAY_MS).toISOString().slice(0, 10), hasYear: true };
      }
      // 20260630 typed as a number.
      return Number.isInteger(v) ? textDate(String(v), year) : { ok: false, reason: 'unreadable' };
    }
    case 'text':
      return textDate(cell.text, year);
    default:
      return { ok: false, reason: 'unreadable' };
  }
}

function textDate(raw: string, year: number): SheetDate {
  const text = raw.normalize('NFKC').trim();
  const found = leadingDate(text, year);
  if (!found || found.length !== text.length) return { ok: false, reason: 'unreadable' };
  return found.ok ? { ok: true, date: found.date, hasYear: found.hasYear } : { ok: false, reason: found.reason };
}
