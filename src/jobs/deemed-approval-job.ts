import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import { FROM_STATUSES } from '../domain/case/decision.ts';
import { isOfficeOpen, nextOpening } from '../domain/reminders/office-hours.ts';
import { CaseChangedConcurrentlyError, listLapsedInstructions } from '../db/case-repository.ts';
import { findDepartment, staffNames } from '../db/org-repository.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import { deemApproveIfDue } from '../use-cases/deem-approval.ts';
import { renderDeemedApprovalNotice } from '../messages/deemed-replies.ts';
import type { Job } from './job.ts';

/** Statuses in which an unanswered 请示 can lapse (a pending refusal filing lapses with it). */
const LAPSING = [...FROM_STATUSES.deemApprove];

/** Cases deemed per run; more than this wait for the next minute's run, which finds them first (oldest deadline first). */
const BATCH = 200;

/**
 * R3 §5: a request for instructions (请示) unanswered at its deadline is deemed approved, at the
 * deadline itself (a legal fact, not a message, so it does not wait for office hours). The use case
 * tells the handler, the head and the office; this job adds the supervising leader. The messages wait
 * for the office to open unless the case is urgent.
 */
export const deemedApprovalJob: Job = {
  name: 'deemed-approval',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now, log }) {
    const due = await listLapsedInstructions(db, LAPSING, now, BATCH);
    let deemed = 0;
    const notBefore = isOfficeOpen(calendar, policy.officeHours, now) ? undefined : nextOpening(calendar, policy.officeHours, now);
    for (const c of due) {
      try {
        const done = await inTransaction(db, async (tx) => {
          const messages: OutboundMessage[] = [];
          const result = await deemApproveIfDue({ tx, calendar, send: (m) => messages.push(m) }, c.no, now);
          if (result.kind !== 'deemed') return false;
          const dept = await findDepartment(tx, c.department);
          const names = await staffNames(tx, [result.case.handler]);
          if (dept?.leader) {
            const content = renderDeemedApprovalNotice(result.case, dept.name, names, now);
            messages.push({ key: `deemed:${c.no}:${dept.leader}`, toUser: dept.leader, kind: 'text', payload: { content } });
          }
          const wait = c.urgent ? undefined : notBefore;
          await enqueueOutbound(tx, messages.map((m) => (wait ? { ...m, notBefore: wait } : m)));
          return true;
        });
        if (done) deemed++;
      } catch (err) {
        // Another instance deemed it first: its transaction won, ours changed nothing.
        if (err instanceof CaseChangedConcurrentlyError) log.info({ caseNo: c.no }, 'deemed approval already taken by another run');
        else throw err;
      }
    }
    return { due: due.length, sent: deemed };
  },
};
