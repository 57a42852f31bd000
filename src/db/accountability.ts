import { chinaDateOf } from '../domain/calendar/china-time.ts';
import type { NewAccountabilityRecord } from '../domain/accountability/accountability-record.ts';
import type { Tx } from './transaction.ts';

/** R8: records a violation for the office to decide on. Returns false if it was already recorded. */
export async function recordAccountability(tx: Tx, r: NewAccountabilityRecord): Promise<boolean> {
  const { count } = await tx.accountabilityRecord.createMany({
    data: [{ key: r.key, at: r.at, kind: r.kind, subject: r.subject, department: r.department ?? null, caseNo: r.caseNo ?? null, complaintId: r.complaintId ?? null, detail: (r.detail ?? {}) as object }],
    skipDuplicates: true,
  });
  return count === 1;
}

/**
 * R8: a case past its deadline is recorded once (key `overdue:<no>`), whoever sees it first: the
 * scheduler when it raises the overdue alert, or 办结 when a late case is finished.
 */
export async function recordOverdue(
  tx: Tx,
  c: { no: number; handler: string; department: string; dueAt: Date | null },
  at: Date,
  detail: Record<string, unknown> = {},
): Promise<boolean> {
  return recordAccountability(tx, {
    key: `overdue:${c.no}`,
    at,
    kind: 'overdue',
    subject: c.handler,
    department: c.department,
    caseNo: c.no,
    detail: { dueAt: c.dueAt?.toISOString() ?? null, ...detail },
  });
}

/**
 * R9 §1 with R8: a key task's milestone or deadline that passed undone, recorded once per checkpoint
 * (key from keyTaskLateKey), whoever sees it first: the scheduler when it tells the owner, the head
 * and the 牵头领导, or 进展 when it is reported done after its date.
 */
export async function recordKeyTaskLate(
  tx: Tx,
  task: { id: number; year: number; seq: string; title: string; owner: string; department: string },
  c: { kind: 'milestone' | 'deadline'; milestone: number | null; due: Date; target: string | null },
  key: string,
  at: Date,
): Promise<boolean> {
  return recordAccountability(tx, {
    key,
    at,
    kind: 'key_task_late',
    subject: task.owner,
    department: task.department,
    detail: {
      taskId: task.id,
      year: task.year,
      seq: task.seq,
      title: task.title,
      item: c.kind,
      milestone: c.milestone,
      target: c.target,
      due: chinaDateOf(c.due),
      dueAt: c.due.toISOString(),
    },
  });
}
