import type { NewAccountabilityRecord, Responsible } from '../domain/accountability/accountability-record.ts';
import type { Tx } from './transaction.ts';

/** R8: records a violation for the office to decide on. Returns false if it was already recorded. */
export async function recordAccountability(tx: Tx, r: NewAccountabilityRecord): Promise<boolean> {
  const { count } = await tx.accountabilityRecord.createMany({
    data: [
      {
        key: r.key,
        at: r.at,
        kind: r.kind,
        subject: r.subject,
        department: r.department ?? null,
        person: r.person ?? null,
        caseNo: r.caseNo ?? null,
        complaintId: r.complaintId ?? null,
        detail: (r.detail ?? {}) as object,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

/**
 * R8: a case past its deadline is recorded once (key `overdue:<no>`), whoever sees it first: the
 * scheduler when it raises the overdue alert, or 办结 when a late case is finished. It is recorded
 * against whoever was to act when it went overdue: the B holder who covered for an absent handler,
 * not the absent handler (AB岗 §4, 责任追究制 §1).
 */
export async function recordOverdue(
  tx: Tx,
  c: { no: number; handler: string; department: string; dueAt: Date | null },
  at: Date,
  responsible: Responsible,
  detail: Record<string, unknown> = {},
): Promise<boolean> {
  return recordAccountability(tx, {
    key: `overdue:${c.no}`,
    at,
    kind: 'overdue',
    subject: responsible.person,
    person: responsible.person,
    department: c.department,
    caseNo: c.no,
    detail: { dueAt: c.dueAt?.toISOString() ?? null, handler: c.handler, coveredFor: responsible.coveredFor, ...detail },
  });
}
