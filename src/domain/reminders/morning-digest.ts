import { chinaDateOf } from '../calendar/china-time.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { ReminderCase } from './due-reminders.ts';
import { isOfficeOpen, openingOn } from './office-hours.ts';
import type { RecipientRole } from './pick-current.ts';
import type { ReminderPolicy } from './reminder-policy.ts';

export type DigestSection = 'overdue' | 'due_today' | 'awaiting';

export interface DigestEntry {
  caseNo: number;
  section: DigestSection;
  roles: RecipientRole[];
}

/** A case waiting on a leader's decision (REFUSAL_PENDING, ESCALATED). */
export interface AwaitingCase {
  no: number;
  /** Since when it waits (the filing, or its escalation). */
  since: Date;
}

/** Today's morning digest instant (office opening), or null while the office is closed. */
export function morningDigestInstant(calendar: WorkCalendar, policy: ReminderPolicy, now: Date): Date | null {
  return isOfficeOpen(calendar, policy.officeHours, now) ? openingOn(chinaDateOf(now), policy.officeHours) : null;
}

/**
 * What a department head's morning digest lists besides overdue cases (which come from the ladder's
 * overdue_digest rung): cases due later today, and cases waiting on a leader's decision. Only what
 * was there at the digest instant (office opening) counts, so a digest sent late after downtime says
 * what the 09:00 one would have said, and a case arriving at 14:00 does not start a "morning" digest.
 */
export function headDigestEntries(cases: readonly ReminderCase[], awaiting: readonly AwaitingCase[], now: Date, instant: Date): DigestEntry[] {
  const today = chinaDateOf(now);
  const entries: DigestEntry[] = [];
  for (const c of cases) {
    if (c.status !== 'OPEN' || c.dueAt === null || c.pausedAt !== null || c.receivedAt > instant) continue;
    if (chinaDateOf(c.dueAt) === today && c.dueAt > now) entries.push({ caseNo: c.no, section: 'due_today', roles: ['head'] });
  }
  for (const a of awaiting) if (a.since <= instant) entries.push({ caseNo: a.no, section: 'awaiting', roles: ['head'] });
  return entries;
}

export type PersonalDigest = Record<DigestSection, number[]>;

/** One digest per person: every case once per section, sections in a fixed order, case numbers ascending. */
export function groupDigests(items: readonly { userid: string; caseNo: number; section: DigestSection }[]): Map<string, PersonalDigest> {
  const out = new Map<string, PersonalDigest>();
  for (const it of items) {
    let d = out.get(it.userid);
    if (!d) out.set(it.userid, (d = { overdue: [], due_today: [], awaiting: [] }));
    if (!d[it.section].includes(it.caseNo)) d[it.section].push(it.caseNo);
  }
  for (const d of out.values()) for (const s of Object.values(d)) s.sort((a, b) => a - b);
  return out;
}
