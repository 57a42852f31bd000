import { statementDueAt } from '../domain/accountability/record-decision.ts';
import { isOfficeOpen } from '../domain/reminders/office-hours.ts';
import { claimUntoldRecords, hasUntoldRecords } from '../db/accountability.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import { inTransaction } from '../db/transaction.ts';
import { renderRecordNotice } from '../messages/accountability-replies.ts';
import type { Job } from './job.ts';

/**
 * 责任追究制: the person concerned hears of each record made about them, in office hours, one
 * message per person listing what is new; from then they have 3 working days to explain (申辩)
 * before the office decides.
 */
export const accountabilityNoticesJob: Job = {
  name: 'accountability-notices',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now }) {
    if (!isOfficeOpen(calendar, policy.officeHours, now) || !(await hasUntoldRecords(db, now))) return { sent: 0 };
    const dueAt = statementDueAt(now, calendar);
    return inTransaction(db, async (tx) => {
      const records = await claimUntoldRecords(tx, now, dueAt);
      const byPerson = new Map<string, typeof records>();
      for (const r of records) if (r.person) byPerson.set(r.person, [...(byPerson.get(r.person) ?? []), r]);
      // Each record is claimed once, so its number keys the one message that tells it.
      const messages = [...byPerson].map(([person, mine]) => ({
        key: `records-told:${mine[0]?.id}:${person}`,
        toUser: person,
        kind: 'text' as const,
        payload: { content: renderRecordNotice(mine, dueAt, now) },
      }));
      await enqueueOutbound(tx, messages);
      return { records: records.length, sent: messages.length };
    });
  },
};
