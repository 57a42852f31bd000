/**
 * 延期 (限时办结制): a handler who cannot finish in time asks the supervising leader, before the
 * deadline, for more working days; the leader approves or refuses. Once the deadline has passed there
 * is nothing left to extend: the case is overdue, and stays so.
 */
import { chinaDateOf } from '../calendar/china-time.ts';
import { addWorkingDays } from '../calendar/deadline.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { CaseRecord } from './case.ts';
import { eventOf, gate, type Decision, type Reason, type TransitionContext } from './decision.ts';

/** The most working days one request may ask for (a longer need is a matter for the leader to raise). */
export const MAX_EXTENSION_DAYS = 30;

export type ExtensionStatus = 'pending' | 'approved' | 'refused';
export type ExtensionVerdict = 'approve' | 'refuse';

/** A request for an extension as stored (ExtensionRequest). */
export interface ExtensionRecord {
  id: number;
  caseNo: number;
  requester: string;
  days: number;
  reason: string;
  leader: string;
  status: ExtensionStatus;
  oldDueAt: Date;
  newDueAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  note: string | null;
  taskId: string | null;
  createdAt: Date;
  version: number;
}

/** The deadline moved on by `days` working days, at the same time of day. */
export function extendedDueAt(dueAt: Date, days: number, calendar: WorkCalendar): { dueAt: Date; provisional: boolean } {
  const from = chinaDateOf(dueAt);
  const to = addWorkingDays(calendar, from, days);
  // China keeps no daylight saving time: whole days keep the time of day.
  const natural = Math.round((Date.parse(`${to.date}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return { dueAt: new Date(dueAt.getTime() + natural * 86_400_000), provisional: to.provisional };
}

function deadlineReasons(c: CaseRecord, now: Date): Reason[] {
  if (c.dueAt === null) return [{ code: 'no_deadline' }];
  if (now.getTime() > c.dueAt.getTime()) return [{ code: 'deadline_passed', dueAt: c.dueAt }];
  return [];
}

/** 延期 #no 天数 理由: asks the leader; nothing changes until they decide. */
export function decideRequestExtension(
  c: CaseRecord,
  cmd: { days: number; reason: string; leader: string | null; pending: ExtensionRecord | null },
  t: TransitionContext,
): Decision<{ leader: string }> {
  const reasons = gate('extend', c, t);
  // R3 §5: a 请示 unanswered by its deadline is approved by it; that deadline is not the unit's to move.
  if (c.cls === 'instruction') reasons.push({ code: 'instruction_no_extension' });
  else reasons.push(...deadlineReasons(c, t.now));
  if (cmd.pending) reasons.push({ code: 'extension_pending', days: cmd.pending.days, leader: cmd.pending.leader });
  if (cmd.leader === null) reasons.push({ code: 'no_leader' });
  if (reasons.length > 0 || cmd.leader === null) return { ok: false, reasons };
  return {
    ok: true,
    leader: cmd.leader,
    patch: {},
    event: eventOf(t, 'extension_requested', { days: cmd.days, reason: cmd.reason, leader: cmd.leader, dueAt: c.dueAt?.toISOString() ?? null }),
  };
}

/**
 * 同意延期 / 不同意延期: only the leader the request went to decides. Approving moves the deadline by the
 * requested working days, and only while it has not passed; refusing changes nothing but the request.
 */
export function decideExtensionRequest(
  c: CaseRecord,
  cmd: { verdict: ExtensionVerdict; extension: ExtensionRecord; note?: string },
  t: TransitionContext,
): Decision<{ newDueAt: Date | null }> {
  const reasons = gate('decideExtension', c, t, cmd.extension.leader);
  if (cmd.verdict === 'approve') reasons.push(...deadlineReasons(c, t.now));
  if (reasons.length > 0) return { ok: false, reasons };
  const base = { extensionId: cmd.extension.id, days: cmd.extension.days, note: cmd.note ?? null };
  if (cmd.verdict === 'refuse') return { ok: true, newDueAt: null, patch: {}, event: eventOf(t, 'extension_refused', base) };
  const due = extendedDueAt(c.dueAt!, cmd.extension.days, t.calendar);
  return {
    ok: true,
    newDueAt: due.dueAt,
    patch: { dueAt: due.dueAt, dueProvisional: c.dueProvisional || due.provisional },
    event: eventOf(t, 'extension_approved', { ...base, from: c.dueAt!.toISOString(), to: due.dueAt.toISOString() }),
  };
}
