import type { Db } from './open-database.ts';

export type AccountabilityKind = 'overdue' | 'deemed_approval' | 'second_round_materials' | 'complaint_upheld' | 'shirked_referral';

export interface NewAccountabilityRecord {
  /** Unique per violation, e.g. `overdue:12`: the same violation is recorded once, however often it is seen. */
  key: string;
  at: Date;
  kind: AccountabilityKind;
  /** The person accountable (userid), or the department key when the unit is (deemed approval). */
  subject: string;
  department?: string | null;
  caseNo?: number | null;
  complaintId?: number | null;
  detail?: Record<string, unknown>;
}

/** R8: records a violation for the office to decide on. Returns false if it was already recorded. */
export async function recordAccountability(tx: Pick<Db, 'accountabilityRecord'>, r: NewAccountabilityRecord): Promise<boolean> {
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
  tx: Pick<Db, 'accountabilityRecord'>,
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
