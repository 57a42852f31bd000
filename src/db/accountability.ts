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

/** 否定报备 §3: the written notice came late (or not at all); recorded once per filing, against the handler. */
export function recordLateWrittenNotice(
  tx: Tx,
  x: { filingId: number; caseNo: number; handler: string; department: string; noticeDueAt: Date | null },
  now: Date,
  detail: Record<string, unknown> = {},
): Promise<boolean> {
  return recordAccountability(tx, {
    key: `late_written_notice:${x.filingId}`,
    at: now,
    kind: 'late_written_notice',
    subject: x.handler,
    department: x.department,
    caseNo: x.caseNo,
    detail: { filingId: x.filingId, noticeDueAt: x.noticeDueAt?.toISOString() ?? null, ...detail },
  });
}
