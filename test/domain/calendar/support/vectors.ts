import { readFileSync } from 'node:fs';
import { chinaDateOf, endOfChinaDay } from '../../../../src/domain/calendar/china-time.ts';
import { addWorkingDays, computeDueAt, naturalDaysDueAt } from '../../../../src/domain/calendar/deadline.ts';
import type { WorkCalendar } from '../../../../src/domain/calendar/work-calendar.ts';
import { WORKING_DAYS_BY_CLASS, type TimeLimitClass } from '../../../../src/domain/time-limit-class.ts';

export interface Vector {
  id: string;
  received_at: string;
  rule: string;
  expected_due: string;
  needs_2027_data?: boolean;
}

export interface VectorResult {
  id: string;
  dueAt: string;
  provisional: boolean;
}

export function loadVectors(): Vector[] {
  const url = new URL('../../../fixtures/calendar/vectors.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: Vector[] }).cases;
}

/** Working-day rules go through computeDueAt when a class has that count, natural-day rules through naturalDaysDueAt. */
export function evaluateVector(calendar: WorkCalendar, vector: Vector): VectorResult {
  const receivedAt = new Date(vector.received_at);
  const working = /^(\d+)wd$/.exec(vector.rule);
  const natural = /^(\d+)d natural$/.exec(vector.rule);
  let result: { dueAt: Date | null; provisional: boolean };
  if (working) {
    const n = Number(working[1]);
    const cls = (Object.keys(WORKING_DAYS_BY_CLASS) as Exclude<TimeLimitClass, 'internal'>[]).find(
      (c) => WORKING_DAYS_BY_CLASS[c] === n,
    );
    if (cls) {
      result = computeDueAt({ receivedAt, cls, calendar });
    } else {
      const last = addWorkingDays(calendar, chinaDateOf(receivedAt), n);
      result = { dueAt: endOfChinaDay(last.date), provisional: last.provisional };
    }
  } else if (natural) {
    result = naturalDaysDueAt(receivedAt, Number(natural[1]), calendar);
  } else {
    throw new Error(`Unknown rule '${vector.rule}' in vector ${vector.id}`);
  }
  if (!result.dueAt) throw new Error(`No due date for vector ${vector.id}`);
  return { id: vector.id, dueAt: result.dueAt.toISOString(), provisional: result.provisional };
}

/** What a vector should give: 24:00 China time of the expected day (vectors write it as 23:59:59+08:00). */
export function expectedResult(vector: Vector): VectorResult {
  const dueAt = new Date(new Date(vector.expected_due).getTime() + 999).toISOString();
  return { id: vector.id, dueAt, provisional: vector.needs_2027_data === true };
}
