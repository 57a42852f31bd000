import { loadOpenComplaintsDueBy } from '../db/complaint-repository.ts';
import { loadOrgSnapshot } from '../db/org-snapshot.ts';
import { dueComplaintReminders } from '../domain/reminders/other-clocks.ts';
import { reminderHorizon } from '../domain/reminders/due-reminders.ts';
import { resolveRecipients } from '../domain/reminders/resolve-recipients.ts';
import { claimReminders, type ReminderClaim } from '../db/reminder-claims.ts';
import { renderComplaintReminder } from '../messages/clock-replies.ts';
import type { Job } from './job.ts';

/** Efficiency complaints (R2 §6): the office head hears of an answer due the next working day, and of a late one. */
export const complaintRemindersJob: Job = {
  name: 'complaint-reminders',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now, claimed }) {
    const complaints = await loadOpenComplaintsDueBy(db, reminderHorizon(calendar, now));
    const due = dueComplaintReminders(complaints, now, calendar, policy);
    const fresh = await claimed.unclaimed(db, due.map((r) => r.key));
    if (fresh.size === 0) return { complaints: complaints.length, due: due.length, sent: 0 };

    const { org } = await loadOrgSnapshot(db, now);
    // The office head, or whoever covers them while they are away (R7).
    const officeHead = resolveRecipients(['office_head'], { handler: '', department: '' }, org).map((p) => p.userid);
    const byId = new Map(complaints.map((c) => [c.id, c]));
    const claims: ReminderClaim[] = due
      .filter((r) => fresh.has(r.key) && officeHead.length > 0)
      .map((r) => {
        const content = renderComplaintReminder(r.kind as 'complaint_day_before' | 'complaint_overdue', byId.get(r.complaintId!)!, now);
        return {
          key: r.key,
          caseNo: null,
          kind: r.kind,
          toUsers: officeHead,
          messages: officeHead.map((u) => ({ key: `${r.key}:${u}`, toUser: u, kind: 'text' as const, payload: { content } })),
        };
      });
    const won = await claimReminders(db, claims, now);
    claimed.add(claims.map((c) => c.key));
    return { complaints: complaints.length, due: due.length, sent: won.length };
  },
};
