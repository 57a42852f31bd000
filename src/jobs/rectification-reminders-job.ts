import { dueRectificationReminders } from '../domain/satisfaction/rectification-reminders.ts';
import { reminderHorizon } from '../domain/reminders/due-reminders.ts';
import { recordAccountability } from '../db/accountability.ts';
import { loadCasesByNo } from '../db/case-deadline-queries.ts';
import { findDepartment } from '../db/org-repository.ts';
import { openRectificationsDueBy } from '../db/rating-repository.ts';
import { claimReminders, type ReminderClaim } from '../db/reminder-claims.ts';
import type { Tx } from '../db/transaction.ts';
import { renderRectificationReminder } from '../messages/satisfaction-replies.ts';
import type { Job } from './job.ts';

/**
 * 回访 整改: the person credited with a case rated 不满意 hears of the rectification the working day
 * before its deadline; once it is late, they and their head hear of it and it is recorded for the office.
 */
export const rectificationRemindersJob: Job = {
  name: 'rectification-reminders',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now, claimed }) {
    const open = await openRectificationsDueBy(db, reminderHorizon(calendar, now));
    const due = dueRectificationReminders(open, now, calendar, policy);
    const fresh = await claimed.unclaimed(db, due.map((r) => r.key));
    if (fresh.size === 0) return { open: open.length, due: due.length, sent: 0 };
    const byNo = new Map(open.map((r) => [r.caseNo, r]));
    const cases = await loadCasesByNo(db, due.map((r) => r.caseNo));
    const claims: ReminderClaim[] = [];
    for (const r of due.filter((x) => fresh.has(x.key))) {
      const rating = byNo.get(r.caseNo);
      const c = cases.get(r.caseNo);
      if (!rating || !c) continue;
      const late = r.kind === 'rectify_late';
      const head = late ? ((await findDepartment(db, rating.department))?.head ?? null) : null;
      const to = [...new Set([rating.person, ...(head ? [head] : [])])];
      const content = renderRectificationReminder(c, rating, late, now);
      claims.push({
        key: r.key,
        caseNo: r.caseNo,
        kind: r.kind,
        toUsers: to,
        messages: to.map((u) => ({ key: `${r.key}:${u}`, toUser: u, kind: 'text' as const, payload: { content } })),
        ...(late
          ? {
              onWon: async (tx: Tx) => {
                await recordAccountability(tx, {
                  key: `rectification_late:${r.caseNo}`,
                  at: now,
                  kind: 'rectification_late',
                  subject: rating.person,
                  person: rating.person,
                  department: rating.department,
                  caseNo: r.caseNo,
                  detail: { dueAt: rating.rectifyDueAt?.toISOString() ?? null },
                });
              },
            }
          : {}),
      });
    }
    const won = await claimReminders(db, claims, now);
    claimed.add(claims.map((c) => c.key));
    return { open: open.length, due: due.length, sent: won.length };
  },
};
