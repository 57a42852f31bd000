import { chinaDateOf } from '../calendar/china-time.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { DueReminder, ReminderCase } from './due-reminders.ts';
import { isOfficeOpen, openingOn } from './office-hours.ts';
import type { RecipientRole } from './pick-current.ts';
import type { ReminderPolicy } from './reminder-policy.ts';

/** Sections in their order: overdue, due today, due on a later day (the day-before rung), waiting on a leader. */
export type DigestSection = 'overdue' | 'due_today' | 'due_next' | 'awaiting';
const SECTIONS: readonly DigestSection[] = ['overdue', 'due_today', 'due_next', 'awaiting'];

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

/**
 * A reminder of the case ladder that belongs to the morning: due by the digest instant (office
 * opening), so it goes out with the digest, once, instead of as a message of its own.
 */
export function isMorningReminder(r: Pick<DueReminder, 'dueInstant' | 'kind'>, instant: Date | null): boolean {
  return instant !== null && (r.kind === 'overdue_digest' || r.dueInstant <= instant);
}

/** The digest section of a morning rung: overdue ones, else by the day the case is due. */
export function sectionOfReminder(r: Pick<DueReminder, 'kind' | 'dueAt'>, now: Date): DigestSection {
  if (r.kind === 'overdue' || r.kind === 'overdue_leader' || r.kind === 'overdue_digest') return 'overdue';
  return chinaDateOf(r.dueAt) === chinaDateOf(now) ? 'due_today' : 'due_next';
}

export type PersonalDigest = Record<DigestSection, number[]>;

/**
 * One digest per person: every case once, in its first section in the fixed order (a case that is
 * overdue is not also listed as due), case numbers ascending.
 */
export function groupDigests(items: readonly { userid: string; caseNo: number; section: DigestSection }[]): Map<string, PersonalDigest> {
  const out = new Map<string, PersonalDigest>();
  const order = [...items].sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section));
  for (const it of order) {
    let d = out.get(it.userid);
    if (!d) out.set(it.userid, (d = { overdue: [], due_today: [], due_next: [], awaiting: [] }));
    if (!SECTIONS.some((s) => d[s].includes(it.caseNo))) d[it.section].push(it.caseNo);
  }
  for (const d of out.values()) for (const s of Object.values(d)) s.sort((a, b) => a - b);
  return out;
}
