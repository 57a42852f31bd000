import { loadFilingsWithClocks, markFilingLapse, type FilingRow } from '../db/refusal-filing-repository.ts';
import { loadOrgSnapshot } from '../db/org-snapshot.ts';
import { loadCasesByNo, type ReminderCaseRow } from '../db/case-deadline-queries.ts';
import { recordAccountability, recordLateWrittenNotice } from '../db/accountability.ts';
import type { Tx } from '../db/transaction.ts';
import { dueFilingReminders, type OtherReminder } from '../domain/reminders/other-clocks.ts';
import { reminderHorizon } from '../domain/reminders/due-reminders.ts';
import { resolveRecipients, type OrgView, type Recipient } from '../domain/reminders/resolve-recipients.ts';
import { claimReminders, type ReminderClaim } from '../db/reminder-claims.ts';
import { coveringNote, renderNoticeOverdue, renderNoticeReminder, renderRefusalReminder, renderRefusalUndecided } from '../messages/clock-replies.ts';
import type { Job } from './job.ts';

/**
 * Refusal filings (R6): an undecided filing reminds its leader after half a working day and the
 * principal after one, and once the case's deadline has passed it is recorded against whoever should
 * have decided (§4). An approved one reminds the filer of the 7-day written notice, and a missed
 * notice is alerted to the handler, the head and the leader and recorded (§3).
 */
export const refusalRemindersJob: Job = {
  name: 'refusal-reminders',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now, claimed }) {
    const filings = await loadFilingsWithClocks(db, now, reminderHorizon(calendar, now));
    const cases = await loadCasesByNo(db, filings.map((f) => f.caseNo));
    const due = dueFilingReminders(
      filings.map((f) => ({
        ...f,
        noticePending: f.status === 'approved',
        caseDueAt: cases.get(f.caseNo)?.dueAt ?? null,
        noticeLateRecorded: f.noticeLateAt !== null,
        undecidedRecorded: f.undecidedAt !== null,
      })),
      now,
      calendar,
      policy,
    );
    const fresh = await claimed.unclaimed(db, due.map((r) => r.key));
    if (fresh.size === 0) return { filings: filings.length, due: due.length, sent: 0 };

    const { org, names } = await loadOrgSnapshot(db, now);
    const byId = new Map(filings.map((f) => [f.id, f]));
    const claims: ReminderClaim[] = [];
    for (const r of due) {
      const f = byId.get(r.filingId!);
      const c = f && cases.get(f.caseNo);
      if (!fresh.has(r.key) || !f || !c) continue;
      const people = recipientsOf(r, f, c, org);
      const info = { caseNo: f.caseNo, filer: f.filer, leader: f.leader, reason: f.reason, createdAt: f.createdAt, applicant: c.applicant, handler: c.handler };
      const decider = f.status === 'escalated' ? (f.escalatedTo ?? f.leader) : f.leader;
      const content = (p: Recipient) => {
        switch (r.kind) {
          case 'refusal_leader':
          case 'refusal_principal':
            return renderRefusalReminder(r.kind, info, names);
          case 'refusal_undecided':
            return renderRefusalUndecided(info, decider, r.deadline!, names, now);
          case 'notice_overdue':
            return renderNoticeOverdue(info, r.deadline!, p.role === 'handler', names, now) + (p.coveringFor ? coveringNote(names.get(p.coveringFor) ?? p.coveringFor) : '');
          default:
            return renderNoticeReminder(r.kind as 'notice_day_before' | 'notice_due', info, r.deadline!, now) + (p.coveringFor ? coveringNote(names.get(p.coveringFor) ?? p.coveringFor) : '');
        }
      };
      claims.push({
        key: r.key,
        caseNo: r.caseNo,
        kind: r.kind,
        toUsers: people.map((p) => p.userid),
        messages: people.map((p) => ({ key: `${r.key}:${p.userid}`, toUser: p.userid, kind: 'text' as const, payload: { content: content(p) } })),
        ...lapseRecord(r, f, c, decider, now),
      });
    }
    const won = await claimReminders(db, claims, now);
    claimed.add(claims.map((c) => c.key));
    return { filings: filings.length, due: due.length, sent: won.length };
  },
};

/** The accountability record a lapse alert carries (R8), written with the alert's claim, once per filing. */
function lapseRecord(r: OtherReminder, f: FilingRow, c: ReminderCaseRow, decider: string, now: Date): { onWon?: (tx: Tx) => Promise<void> } {
  if (r.kind === 'notice_overdue') {
    return {
      onWon: async (tx) => {
        await recordLateWrittenNotice(tx, { filingId: f.id, caseNo: c.no, handler: c.handler, department: c.department, noticeDueAt: f.noticeDueAt }, now);
        await markFilingLapse(tx, f.id, { noticeLateAt: now });
      },
    };
  }
  if (r.kind === 'refusal_undecided') {
    return {
      onWon: async (tx) => {
        await recordAccountability(tx, {
          key: `refusal_undecided:${f.id}`,
          at: now,
          kind: 'refusal_undecided',
          subject: decider,
          department: c.department,
          person: decider,
          caseNo: c.no,
          detail: { filingId: f.id, filedAt: f.createdAt.toISOString(), filer: f.filer, caseDueAt: c.dueAt?.toISOString() ?? null, status: f.status },
        });
        await markFilingLapse(tx, f.id, { undecidedAt: now });
      },
    };
  }
  return {};
}

function recipientsOf(r: OtherReminder, f: FilingRow, c: ReminderCaseRow, org: OrgView): Recipient[] {
  return resolveRecipients(r.recipients, { handler: c.handler, department: c.department, filer: f.filer, leader: f.leader }, org);
}
