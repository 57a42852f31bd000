import { loadOrgSnapshot } from '../db/org-snapshot.ts';
import { loadCasesDueBy, type ReminderCaseRow } from '../db/case-deadline-queries.ts';
import type { Tx } from '../db/transaction.ts';
import { chinaDateOf } from '../domain/calendar/china-time.ts';
import { workingDaysBetween } from '../domain/calendar/deadline.ts';
import { dueReminders, overdueDayOne, reminderHorizon, type DueReminder } from '../domain/reminders/due-reminders.ts';
import { isOfficeOpen } from '../domain/reminders/office-hours.ts';
import { resolveRecipients } from '../domain/reminders/resolve-recipients.ts';
import { responsibleIn } from '../domain/accountability/responsible.ts';
import { claimReminders, type ReminderClaim } from '../db/reminder-claims.ts';
import { recordOverdue } from '../db/accountability.ts';
import { renderCaseReminder } from '../messages/reminder-replies.ts';
import type { Job, JobDeps } from './job.ts';

/**
 * The deadline ladder of each case (day before, due day, before closing, overdue, the leader on the
 * second overdue day). Overdue digests go out through the morning digest job, one message per person.
 */
export const caseRemindersJob: Job = {
  name: 'case-reminders',
  schedule: '* * * * *',
  async run(deps) {
    const { db, calendar, policy, now, claimed } = deps;
    // While the office is closed only urgent cases may remind, so only they are read.
    const onlyUrgent = !isOfficeOpen(calendar, policy.officeHours, now);
    const cases = await loadCasesDueBy(db, reminderHorizon(calendar, now), { onlyUrgent });
    const due = dueReminders(cases, now, calendar, policy).filter((r) => r.kind !== 'overdue_digest');
    const fresh = await claimed.unclaimed(db, due.map((r) => r.key));
    if (fresh.size === 0) return { cases: cases.length, due: due.length, sent: 0 };

    const { org, names } = await loadOrgSnapshot(db, now);
    const byNo = new Map(cases.map((c) => [c.no, c]));
    const claims = due.filter((r) => fresh.has(r.key)).map((r) => claimFor(deps, r, byNo.get(r.caseNo)!, org, names));
    const won = await claimReminders(db, claims, now);
    claimed.add(claims.map((c) => c.key));
    return { cases: cases.length, due: due.length, sent: won.length };
  },
};

function claimFor(deps: JobDeps, r: DueReminder, c: ReminderCaseRow, org: Parameters<typeof resolveRecipients>[2], names: Map<string, string>): ReminderClaim {
  const { calendar, policy, now } = deps;
  const people = resolveRecipients(r.recipients, { handler: c.handler, department: c.department, firstResponder: c.firstResponder }, org);
  const overdueDays = r.kind === 'overdue_leader' ? workingDaysBetween(calendar, overdueDayOne(calendar, policy, r.dueAt), chinaDateOf(now)).count + 1 : 0;
  const kind = r.kind as Exclude<DueReminder['kind'], 'overdue_digest'>;
  const extra = { minutesBeforeClose: policy.dueSoonMinutesBeforeClose, overdueDays, link: `${deps.publicBaseUrl}/app/cases/${c.no}` };
  return {
    key: r.key,
    caseNo: r.caseNo,
    kind: r.kind,
    ...(r.kind === 'overdue' || r.kind === 'overdue_leader' ? { onWon: (tx: Tx) => recordOverdue(tx, { ...c, dueAt: r.dueAt }, now, responsibleIn(org, c.handler)).then(() => undefined) } : {}),
    toUsers: people.map((p) => p.userid),
    messages: people.map((p) => ({
      key: `${r.key}:${p.userid}`,
      toUser: p.userid,
      kind: 'text' as const,
      payload: { content: renderCaseReminder(kind, c, p, names, now, extra) },
    })),
  };
}
