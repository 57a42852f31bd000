import type { Tx } from './transaction.ts';
import type { Db } from './transaction.ts';

/** What the notice said, as kept for the printed 一次性告知书 (a snapshot: later catalog edits do not change it). */
export interface NoticeItems {
  materials: string[];
  /** Random part of the notice's link, so that notices cannot be enumerated by number. */
  token: string;
  outsideFirstNotice: string[];
  serviceCode: string | null;
  serviceName: string | null;
  promisedDays: number | null;
}

export interface MaterialsNoticeRecord {
  number: string;
  caseNo: number;
  round: number;
  at: Date;
  actor: string;
  items: NoticeItems;
  basis: string | null;
  procedure: string | null;
  /** The case's time-limit class when the notice was given. */
  timeLimit: string | null;
  fulfilledAt: Date | null;
}

type Row = Awaited<ReturnType<Db['materialsNotice']['findUniqueOrThrow']>>;

function toRecord(r: Row): MaterialsNoticeRecord {
  const { id: _id, items, ...rest } = r;
  return { ...rest, items: items as unknown as NoticeItems };
}

export async function listNotices(db: Tx, caseNo: number): Promise<MaterialsNoticeRecord[]> {
  const rows = await db.materialsNotice.findMany({ where: { caseNo }, orderBy: { round: 'asc' } });
  return rows.map(toRecord);
}

export async function insertNotice(tx: Tx, n: Omit<MaterialsNoticeRecord, 'fulfilledAt'>): Promise<void> {
  await tx.materialsNotice.create({ data: { ...n, items: n.items as unknown as object } });
}

export async function findNotice(db: Tx, number: string): Promise<MaterialsNoticeRecord | null> {
  const row = await db.materialsNotice.findUnique({ where: { number } });
  return row ? toRecord(row) : null;
}

/** 补齐 answers every notice still open on the case. */
export async function markNoticesFulfilled(tx: Tx, caseNo: number, at: Date): Promise<void> {
  await tx.materialsNotice.updateMany({ where: { caseNo, fulfilledAt: null }, data: { fulfilledAt: at } });
}
