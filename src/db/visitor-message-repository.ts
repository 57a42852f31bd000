import type { Tx } from './transaction.ts';

export interface VisitorMessageRecord {
  id: number;
  department: string;
  caseNo: number;
  createdAt: Date;
  toldUser: string | null;
  toldAt: Date | null;
}

export async function insertVisitorMessage(tx: Tx, m: { department: string; caseNo: number; at: Date }): Promise<void> {
  await tx.visitorMessage.create({ data: { department: m.department, caseNo: m.caseNo, createdAt: m.at } });
}

/** 留言卡 messages nobody of the department has been told of yet, oldest first. */
export async function listUntoldVisitorMessages(db: Tx, limit = 200): Promise<VisitorMessageRecord[]> {
  return db.visitorMessage.findMany({ where: { toldAt: null }, orderBy: { id: 'asc' }, take: limit });
}

/** Marks it told, once: false when another run (or instance) told someone first. */
export async function markVisitorMessageTold(tx: Tx, id: number, userid: string | null, at: Date): Promise<boolean> {
  const { count } = await tx.visitorMessage.updateMany({ where: { id, toldAt: null }, data: { toldUser: userid, toldAt: at } });
  return count === 1;
}
