import type { FollowUpRecord } from '../domain/case/deemed-approval.ts';
import type { Tx } from './transaction.ts';

/** Records what a closed case still owes; once per case and kind (a second call changes nothing). */
export async function insertFollowUp(tx: Tx, f: { caseNo: number; kind: string; dueAt: Date; at: Date }): Promise<void> {
  await tx.caseFollowUp.createMany({ data: [{ caseNo: f.caseNo, kind: f.kind, dueAt: f.dueAt, createdAt: f.at }], skipDuplicates: true });
}

export async function findFollowUp(db: Tx, caseNo: number, kind: string): Promise<FollowUpRecord | null> {
  return db.caseFollowUp.findUnique({ where: { caseNo_kind: { caseNo, kind } } });
}

/** Marks it done once: false when it already was. */
export async function completeFollowUp(tx: Tx, id: number, by: string, at: Date): Promise<boolean> {
  const { count } = await tx.caseFollowUp.updateMany({ where: { id, doneAt: null }, data: { doneAt: at, doneBy: by } });
  return count === 1;
}

/** Follow-ups not done yet that fall due by `horizon` and have not passed (their reminders). */
export async function loadOpenFollowUpsDueBy(db: Tx, now: Date, horizon: Date): Promise<FollowUpRecord[]> {
  return db.caseFollowUp.findMany({ where: { doneAt: null, dueAt: { gte: now, lte: horizon } }, orderBy: { id: 'asc' } });
}
