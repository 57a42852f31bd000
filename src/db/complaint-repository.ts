import type { ComplaintChannel, ComplaintRecord, ComplaintStatus } from '../domain/complaint/complaint.ts';
import type { Page } from './page.ts';
import type { Tx } from './transaction.ts';
import type { Db } from './transaction.ts';



type Row = Awaited<ReturnType<Db['complaint']['findUniqueOrThrow']>>;

function toRecord(r: Row): ComplaintRecord {
  const { sourceKey: _sourceKey, ...rest } = r;
  return { ...rest, status: r.status as ComplaintStatus, channel: r.channel as ComplaintChannel };
}

/** Stores a complaint unless the same inbound message already did (sourceKey is unique). */
export async function insertComplaint(
  db: Tx,
  c: {
    complainant: string;
    content: string;
    caseNo: number | null;
    at: Date;
    dueAt: Date;
    sourceKey: string;
    public?: { aboutDepartment: string | null; aboutPerson: string | null; contactName: string; contactPhone: string | null; trackToken: string };
  },
): Promise<{ record: ComplaintRecord; created: boolean }> {
  const existing = await db.complaint.findUnique({ where: { sourceKey: c.sourceKey } });
  if (existing) return { record: toRecord(existing), created: false };
  const { public: from, ...rest } = c;
  const data = { ...rest, status: 'OPEN', ...(from ? { channel: 'public', ...from } : {}) };
  return { record: toRecord(await db.complaint.create({ data })), created: true };
}

/** The office's worklist: open complaints first (soonest answer due), then the latest answered; at most `limit`. */
export async function listComplaintsForOffice(db: Tx, limit: number): Promise<ComplaintRecord[]> {
  const open = await db.complaint.findMany({ where: { status: 'OPEN' }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: limit });
  const answered = await db.complaint.findMany({ where: { status: { not: 'OPEN' } }, orderBy: { id: 'desc' }, take: Math.max(0, limit - open.length) });
  return [...open, ...answered].map(toRecord);
}

export async function findComplaint(db: Tx, id: number): Promise<ComplaintRecord | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const row = await db.complaint.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

/** Records the office's answer once: false when someone answered it in the meantime. */
export async function storeAnswer(db: Tx, id: number, a: { answer: string; answeredBy: string; answeredAt: Date; upheld: boolean }): Promise<boolean> {
  const { count } = await db.complaint.updateMany({ where: { id, status: 'OPEN' }, data: { ...a, status: 'ANSWERED' } });
  return count === 1;
}

/** One page of complaints by id; `next` is the `after` of the following page, null on the last. */
export async function listComplaints(db: Tx, filter: { status?: ComplaintStatus; overdueAt?: Date }, page: Page): Promise<{ complaints: ComplaintRecord[]; next: number | null }> {
  const rows = await db.complaint.findMany({
    where: {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.overdueAt ? { status: 'OPEN', dueAt: { lt: filter.overdueAt } } : {}),
      ...(page.after !== undefined ? { id: { gt: page.after } } : {}),
    },
    orderBy: { id: 'asc' },
    take: page.limit + 1,
  });
  const more = rows.length > page.limit;
  const complaints = rows.slice(0, page.limit).map(toRecord);
  return { complaints, next: more ? (complaints.at(-1)?.id ?? null) : null };
}

/** Open complaints whose answer falls due by `horizon` (the complaint reminders). */
export async function loadOpenComplaintsDueBy(db: Tx, horizon: Date) {
  return db.complaint.findMany({
    where: { status: 'OPEN', dueAt: { lte: horizon } },
    select: { id: true, status: true, at: true, dueAt: true, content: true },
    orderBy: { id: 'asc' },
  });
}
