/**
 * The facts a closed case contributes to the evaluation (R9, and R1: 岗位责任制 履行情况作为年度考核内容),
 * fixed when it closes so that later changes of the organization do not rewrite them. Credit goes to
 * whoever actually acted: the handler, or the B holder (or head) who covered for an absent handler,
 * whose work is then also visible as covered work (AB岗 §4: B 对执行 A 岗工作结果负有相应责任).
 */
import { chinaDateOf } from '../calendar/china-time.ts';
import { workingDaysBetween } from '../calendar/deadline.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { CaseEventRecord, CaseRecord } from '../case/case.ts';
import { wasOnTime } from '../case/due.ts';
import type { TimeLimitClass } from '../time-limit-class.ts';

export type OutcomeKind = 'done' | 'referred_out' | 'refused' | 'deemed_approved';

export interface CaseOutcomeRecord {
  caseNo: number;
  kind: OutcomeKind;
  at: Date;
  cls: TimeLimitClass;
  receivedAt: Date;
  dueAt: Date | null;
  provisional: boolean;
  pausedMs: number;
  onTime: boolean;
  overdueDays: number;
  immediate: boolean;
  credited: string;
  creditedDepartment: string;
  coveredFor: string | null;
  handler: string;
  department: string;
}

/** Who acted, as the caller resolved it at that moment. */
export interface Acted {
  userid: string;
  department: string;
  /** The absent handler `userid` covered for, if so. */
  coveredFor: string | null;
}

/**
 * The outcome of `c` closing at `at`. `judgedAt` is the instant the work was done for the on-time
 * question (for a refusal, when it was filed: the leader's time to decide is not the handler's).
 */
export function outcomeOf(
  c: CaseRecord,
  input: { kind: OutcomeKind; at: Date; acted: Acted; history: readonly CaseEventRecord[]; calendar: WorkCalendar; judgedAt?: Date; immediate?: boolean },
): CaseOutcomeRecord {
  const judgedAt = input.judgedAt ?? input.at;
  // The same rule as 办结 (a paused clock does not run late); a deemed approval is late by definition.
  const onTime = input.kind !== 'deemed_approved' && wasOnTime(c, judgedAt);
  return {
    caseNo: c.no,
    kind: input.kind,
    at: input.at,
    cls: c.cls,
    receivedAt: c.receivedAt,
    dueAt: c.dueAt,
    provisional: c.dueProvisional,
    pausedMs: pausedMs(input.history, judgedAt),
    onTime,
    // A paused case stopped running late when it was paused (R5).
    overdueDays: onTime || c.dueAt === null ? 0 : lateWorkingDays(input.calendar, c.dueAt, c.pausedAt && c.pausedAt < judgedAt ? c.pausedAt : judgedAt),
    immediate: input.immediate === true,
    credited: input.acted.userid,
    creditedDepartment: input.acted.department,
    coveredFor: input.acted.coveredFor,
    handler: c.handler,
    department: c.department,
  };
}

/** Working days from the deadline to `at`; a case finished on the weekend after a Friday deadline is one day late. */
export function lateWorkingDays(calendar: WorkCalendar, dueAt: Date, at: Date): number {
  if (at.getTime() <= dueAt.getTime()) return 0;
  return Math.max(1, workingDaysBetween(calendar, chinaDateOf(dueAt), chinaDateOf(at)).count);
}

/** Time the clock stood still waiting for materials (R5): from each notice to the materials being complete. */
export function pausedMs(history: readonly CaseEventRecord[], until: Date): number {
  let total = 0;
  let since: Date | null = null;
  for (const e of history) {
    if (e.at.getTime() > until.getTime()) break;
    if (e.action === 'materials_requested' && since === null) since = e.at;
    if (e.action === 'materials_completed' && since !== null) {
      total += e.at.getTime() - since.getTime();
      since = null;
    }
  }
  if (since !== null) total += until.getTime() - since.getTime();
  return total;
}
