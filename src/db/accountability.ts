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
