import { loadFilingsWithClocks, type FilingRow } from '../db/refusal-filing-repository.ts';
import { loadOrgSnapshot } from '../db/org-snapshot.ts';
import { loadCasesByNo, type ReminderCaseRow } from '../db/case-deadline-queries.ts';
import { dueFilingReminders, type OtherReminder } from '../domain/reminders/other-clocks.ts';
import { reminderHorizon } from '../domain/reminders/due-reminders.ts';
import { resolveRecipients, type OrgView, type Recipient } from '../domain/reminders/resolve-recipients.ts';
import { claimReminders, type ReminderClaim } from '../db/reminder-claims.ts';
import { coveringNote, renderNoticeReminder, renderRefusalReminder } from '../messages/clock-replies.ts';
import type { Job } from './job.ts';

/**
 * Refusal filings (R6): an undecided filing reminds its leader after half a working day and the
 * principal after one; an approved one reminds the filer of the 7-day written notice.
 */
export const refusalRemindersJob: Job = {
  name: 'refusal-reminders',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now, claimed }) {
    const filings = await loadFilingsWithClocks(db, now, reminderHorizon(calendar, now));
    const due = dueFilingReminders(
      filings.map((f) => ({ ...f, noticePending: f.status === 'approved' })),
      now,
      calendar,
      policy,
    );
    const fresh = await claimed.unclaimed(db, due.map((r) => r.key));
    if (fresh.size === 0) return { filings: filings.length, due: due.length, sent: 0 };

    const { org, names } = await loadOrgSnapshot(db, now);
    const byId = new Map(filings.map((f) => [f.id, f]));
    const cases = await loadCasesByNo(db, filings.map((f) => f.caseNo));
    const claims: ReminderClaim[] = [];
    for (const r of due) {
      const f = byId.get(r.filingId!);
      const c = f && cases.get(f.caseNo);
      if (!fresh.has(r.key) || !f || !c) continue;
      const people = recipientsOf(r, f, c, org);
      const info = { caseNo: f.caseNo, filer: f.filer, leader: f.leader, reason: f.reason, createdAt: f.createdAt, applicant: c.applicant };
      const content = (p: Recipient) =>
        r.kind === 'refusal_leader' || r.kind === 'refusal_principal'
          ? renderRefusalReminder(r.kind, info, names)
          : renderNoticeReminder(r.kind as 'notice_day_before' | 'notice_due', info, r.deadline!, now) + (p.coveringFor ? coveringNote(names.get(p.coveringFor) ?? p.coveringFor) : '');
      claims.push({
        key: r.key,
        caseNo: r.caseNo,
        kind: r.kind,
        toUsers: people.map((p) => p.userid),
        messages: people.map((p) => ({ key: `${r.key}:${p.userid}`, toUser: p.userid, kind: 'text' as const, payload: { content: content(p) } })),
      });
    }
    const won = await claimReminders(db, claims, now);
    claimed.add(claims.map((c) => c.key));
    return { filings: filings.length, due: due.length, sent: won.length };
  },
};

function recipientsOf(r: OtherReminder, f: FilingRow, c: ReminderCaseRow, org: OrgView): Recipient[] {
  return resolveRecipients(r.recipients, { handler: c.handler, department: c.department, filer: f.filer, leader: f.leader }, org);
}
