import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import { isOfficeOpen } from '../domain/reminders/office-hours.ts';
import { CaseChangedConcurrentlyError } from '../db/case-repository.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import { inTransaction } from '../db/transaction.ts';
import { listUntoldVisitorMessages } from '../db/visitor-message-repository.ts';
import { tellFirstBack } from '../use-cases/public/tell-first-back.ts';
import type { Job } from './job.ts';

/** 留言卡 (R7 §6): while the office is open, the first of a department at work hears of the messages left while it was out. */
export const visitorMessagesJob: Job = {
  name: 'visitor-messages',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now, log }) {
    if (!isOfficeOpen(calendar, policy.officeHours, now)) return { waiting: 0, sent: 0 };
    const waiting = await listUntoldVisitorMessages(db);
    let sent = 0;
    for (const m of waiting) {
      try {
        const told = await inTransaction(db, async (tx) => {
          const out: OutboundMessage[] = [];
          const done = await tellFirstBack({ tx, now, send: (msg) => out.push(msg) }, m);
          await enqueueOutbound(tx, out);
          return done;
        });
        if (told) sent++;
      } catch (err) {
        // Someone changed the case meanwhile; the next run looks again.
        if (err instanceof CaseChangedConcurrentlyError) log.info({ caseNo: m.caseNo }, 'visitor message case changed meanwhile');
        else throw err;
      }
    }
    return { waiting: waiting.length, sent };
  },
};
