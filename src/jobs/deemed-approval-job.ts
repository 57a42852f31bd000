import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import { FROM_STATUSES } from '../domain/case/decision.ts';
import { isOfficeOpen, nextOpening } from '../domain/reminders/office-hours.ts';
import { CaseChangedConcurrentlyError } from '../db/case-repository.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import { deemApproveIfDue } from '../use-cases/deem-approval.ts';
import { renderDeemedApprovalNotice } from '../messages/deemed-replies.ts';
import type { Job } from './job.ts';

/** Statuses in which an unanswered 请示 can lapse (a pending refusal filing lapses with it). */
const LAPSING = [...FROM_STATUSES.deemApprove];

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
    const due = await db.case.findMany({
      where: { status: { in: LAPSING }, dueAt: { lt: now }, class: 'instruction', pausedAt: null },
      select: { no: true, urgent: true, department: true },
      orderBy: { dueAt: 'asc' },
      take: 200,
    });
    let deemed = 0;
    const notBefore = isOfficeOpen(calendar, policy.officeHours, now) ? undefined : nextOpening(calendar, policy.officeHours, now);
    for (const c of due) {
      try {
        const done = await db.$transaction(async (tx) => {
          const messages: OutboundMessage[] = [];
          const result = await deemApproveIfDue({ tx, calendar, send: (m) => messages.push(m) }, c.no, now);
          if (result.kind !== 'deemed') return false;
          const dept = await tx.department.findUnique({ where: { key: c.department } });
          const names = new Map((await tx.staff.findMany({ where: { userid: result.case.handler } })).map((s) => [s.userid, s.name]));
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
