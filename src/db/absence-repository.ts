import type { AbsenceRecord } from '../domain/absence/absence.ts';
import type { Tx } from './transaction.ts';


/** A person's absences that have not ended before `since` (older ones cannot clash with anything new). */
export async function listAbsencesOf(db: Tx, userid: string, since: Date): Promise<AbsenceRecord[]> {
  return db.absence.findMany({
    where: { userid, to: { gte: since } },
    select: { id: true, userid: true, from: true, to: true, endedAt: true, reason: true },
    orderBy: { from: 'asc' },
  });
}

export async function insertAbsence(db: Tx, a: { userid: string; from: Date; to: Date; reason: string | null; createdAt: Date; source?: string }): Promise<AbsenceRecord> {
  return db.absence.create({
    data: a,
    select: { id: true, userid: true, from: true, to: true, endedAt: true, reason: true },
  });
}

/** 销假: the absence stops counting from `at` on (the row stays, for the record). */
export async function endAbsence(db: Tx, id: number, at: Date): Promise<void> {
  await db.absence.update({ where: { id }, data: { endedAt: at } });
}

/** The absence an approved 审批 form registered (source "approval:<SpNo>"), if any. */
export async function findAbsenceBySource(db: Tx, source: string): Promise<AbsenceRecord | null> {
  return db.absence.findUnique({ where: { source }, select: { id: true, userid: true, from: true, to: true, endedAt: true, reason: true } });
}
