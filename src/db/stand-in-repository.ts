import type { StandInRecord } from '../domain/coverage/stand-in.ts';
import type { Tx } from './transaction.ts';

export async function insertStandIn(tx: Tx, s: { department: string; userid: string; from: Date; to: Date; createdBy: string; at: Date }): Promise<StandInRecord> {
  return tx.standIn.create({ data: { department: s.department, userid: s.userid, from: s.from, to: s.to, createdBy: s.createdBy, createdAt: s.at } });
}

/** A department's stand-ins that have not ended before `since` (older ones cannot clash with a new one). */
export async function listStandInsOf(db: Tx, department: string, since: Date): Promise<StandInRecord[]> {
  return db.standIn.findMany({ where: { department, to: { gte: since } }, orderBy: { from: 'asc' } });
}

/** Who stands in for the department at `at` (顶岗), if anyone. */
export async function standInAt(db: Tx, department: string, at: Date): Promise<string | null> {
  const row = await db.standIn.findFirst({
    where: { department, from: { lte: at }, to: { gte: at }, OR: [{ endedAt: null }, { endedAt: { gt: at } }] },
    orderBy: { id: 'desc' },
    select: { userid: true },
  });
  return row?.userid ?? null;
}

/** Every department's stand-in at `at` (the reminders' organization snapshot). */
export async function standInsAt(db: Tx, at: Date): Promise<Map<string, string>> {
  const rows = await db.standIn.findMany({
    where: { from: { lte: at }, to: { gte: at }, OR: [{ endedAt: null }, { endedAt: { gt: at } }] },
    orderBy: { id: 'asc' },
    select: { department: true, userid: true },
  });
  return new Map(rows.map((r) => [r.department, r.userid]));
}
