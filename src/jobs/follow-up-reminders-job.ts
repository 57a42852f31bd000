import { loadCasesByNo } from '../db/case-deadline-queries.ts';
import { loadOpenFollowUpsDueBy } from '../db/follow-up-repository.ts';
import { loadOrgSnapshot } from '../db/org-snapshot.ts';
import { claimReminders, type ReminderClaim } from '../db/reminder-claims.ts';
import { reminderHorizon } from '../domain/reminders/due-reminders.ts';
import { dueFollowUpReminders } from '../domain/reminders/other-clocks.ts';
import { resolveRecipients } from '../domain/reminders/resolve-recipients.ts';
import { coveringNote } from '../messages/clock-replies.ts';
import { renderDeemedNoticeReminder } from '../messages/deemed-replies.ts';
import type { Job } from './job.ts';

/** R3 §5: after a deemed approval the handler (or whoever covers them) is reminded of the written answer on its due day. */
export const followUpRemindersJob: Job = {
  name: 'follow-up-reminders',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now, claimed }) {
    const followUps = await loadOpenFollowUpsDueBy(db, now, reminderHorizon(calendar, now));
    const due = dueFollowUpReminders(followUps, now, calendar, policy);
    const fresh = await claimed.unclaimed(db, due.map((r) => r.key));
    if (fresh.size === 0) return { followUps: followUps.length, due: due.length, sent: 0 };

    const { org, names } = await loadOrgSnapshot(db, now);
    const cases = await loadCasesByNo(db, due.map((r) => r.caseNo!));
    const claims: ReminderClaim[] = [];
    for (const r of due) {
      const c = cases.get(r.caseNo!);
      if (!fresh.has(r.key) || !c) continue;
      const people = resolveRecipients(r.recipients, { handler: c.handler, department: c.department }, org);
      const text = renderDeemedNoticeReminder(c, r.deadline!, now);
      claims.push({
        key: r.key,
        caseNo: c.no,
        kind: r.kind,
        toUsers: people.map((p) => p.userid),
        messages: people.map((p) => ({
          key: `${r.key}:${p.userid}`,
          toUser: p.userid,
          kind: 'text' as const,
          payload: { content: text + (p.coveringFor ? coveringNote(names.get(p.coveringFor) ?? p.coveringFor) : '') },
        })),
      });
    }
    const won = await claimReminders(db, claims, now);
    claimed.add(claims.map((c) => c.key));
    return { followUps: followUps.length, due: due.length, sent: won.length };
  },
};
