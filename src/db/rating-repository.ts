import type { RatingRecord } from '../domain/satisfaction/rating.ts';
import type { Tx } from './transaction.ts';

export async function findRating(db: Tx, caseNo: number): Promise<RatingRecord | null> {
  return db.caseRating.findUnique({ where: { caseNo } });
}

/** Stores the case's one rating; false when it was rated in the meantime. */
export async function insertRating(tx: Tx, r: RatingRecord): Promise<boolean> {
  const { count } = await tx.caseRating.createMany({ data: [r], skipDuplicates: true });
  return count === 1;
}

export async function storeRectified(tx: Tx, caseNo: number, at: Date, note: string): Promise<boolean> {
  const { count } = await tx.caseRating.updateMany({ where: { caseNo, rectifyDueAt: { not: null }, rectifiedAt: null }, data: { rectifiedAt: at, rectifiedNote: note } });
  return count === 1;
}

/** Rectifications still open whose deadline falls by `horizon` (their reminders). */
export async function openRectificationsDueBy(db: Tx, horizon: Date): Promise<RatingRecord[]> {
  return db.caseRating.findMany({ where: { rectifyDueAt: { lte: horizon }, rectifiedAt: null }, orderBy: { caseNo: 'asc' } });
}

/** Who was credited with a closed case (its outcome), for the rating. */
export async function creditedFor(db: Tx, caseNo: number): Promise<{ person: string; department: string } | null> {
  const o = await db.caseOutcome.findUnique({ where: { caseNo }, select: { credited: true, creditedDepartment: true } });
  return o ? { person: o.credited, department: o.creditedDepartment } : null;
}
