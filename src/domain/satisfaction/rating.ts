/**
 * 回访 (好差评): after a case is finished, the applicant's rating is recorded once. 不满意 or worse
 * opens a rectification (整改) with a deadline, and is an accountability record the office decides
 * on (it may find the rating unfair: 不予追究); both feed the evaluation.
 */
import { chinaDateOf, endOfChinaDay } from '../calendar/china-time.ts';
import { addWorkingDays } from '../calendar/deadline.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { CaseStatus } from '../case/case.ts';

/** Ratings at or below this are dissatisfied: 不满意 (2) and 非常不满意 (1). */
export const DISSATISFIED_AT_MOST = 2;
/** Working days to rectify after a dissatisfied rating. */
export const RECTIFY_WORKING_DAYS = 5;

export interface RatingRecord {
  caseNo: number;
  rating: number;
  note: string | null;
  by: string;
  at: Date;
  person: string;
  department: string;
  rectifyDueAt: Date | null;
  rectifiedAt: Date | null;
  rectifiedNote: string | null;
}

export type RatingReason =
  | { code: 'not_finished'; status: CaseStatus }
  | { code: 'already_rated'; rating: number; at: Date }
  | { code: 'not_allowed' };

/** 回访: the office, or whoever handled the case, once it is finished (DONE). */
export function decideRating(c: { status: CaseStatus }, existing: RatingRecord | null, may: boolean): RatingReason[] {
  const reasons: RatingReason[] = [];
  if (!may) reasons.push({ code: 'not_allowed' });
  if (c.status !== 'DONE') reasons.push({ code: 'not_finished', status: c.status });
  if (existing) reasons.push({ code: 'already_rated', rating: existing.rating, at: existing.at });
  return reasons;
}

export function rectifyDueAt(at: Date, calendar: WorkCalendar): Date {
  return endOfChinaDay(addWorkingDays(calendar, chinaDateOf(at), RECTIFY_WORKING_DAYS).date);
}

export type RectifyReason = { code: 'no_rectification' } | { code: 'already_rectified'; at: Date } | { code: 'not_allowed' };

/** 整改 #no 说明: whoever was credited with the case (or their head) reports the rectification, once. */
export function decideRectified(r: RatingRecord | null, may: boolean): RectifyReason[] {
  const reasons: RectifyReason[] = [];
  if (!r || r.rectifyDueAt === null) return [{ code: 'no_rectification' }];
  if (!may) reasons.push({ code: 'not_allowed' });
  if (r.rectifiedAt) reasons.push({ code: 'already_rectified', at: r.rectifiedAt });
  return reasons;
}
