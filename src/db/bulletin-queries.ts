import type { AccountabilityKind, RecordDecision } from '../domain/accountability/accountability-record.ts';
import type { BulletinFacts } from '../domain/evaluation/bulletin.ts';
import type { Tx } from './transaction.ts';

type Num = number | bigint | null;

/** Overdue records of [from, to) with their cases' deadline and closing: the bulletin lists them by name. */
export async function overdueOfMonth(tx: Tx, from: Date, to: Date): Promise<BulletinFacts['overdue']> {
  const rows = await tx.$queryRaw<{ recordId: number; caseNo: number; person: string | null; department: string | null; dueAt: Date | null; closedAt: Date | null }[]>`
    SELECT r."id" AS "recordId", r."caseNo" AS "caseNo", r."person" AS person, r."department" AS department, c."dueAt" AS "dueAt", c."closedAt" AS "closedAt"
    FROM "AccountabilityRecord" r JOIN "Case" c ON c."no" = r."caseNo"
    WHERE r."kind" = 'overdue' AND r."at" >= ${from} AND r."at" < ${to}
    ORDER BY r."id"`;
  return rows;
}

/** Records the office decided in [from, to). */
export async function decidedInMonth(tx: Tx, from: Date, to: Date): Promise<BulletinFacts['decided']> {
  const rows = await tx.accountabilityRecord.findMany({
    where: { decidedAt: { gte: from, lt: to }, decision: { not: null } },
    select: { id: true, kind: true, person: true, department: true, decision: true, decidedAt: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => ({ recordId: r.id, kind: r.kind as AccountabilityKind, person: r.person, department: r.department, decision: r.decision as RecordDecision, decidedAt: r.decidedAt as Date }));
}

/** Complaints received in [from, to), those answered, and those found true. */
export async function complaintsOfMonth(tx: Tx, from: Date, to: Date): Promise<BulletinFacts['complaints']> {
  const [row] = await tx.$queryRaw<{ received: Num; answered: Num; upheld: Num }[]>`
    SELECT count(*) AS received, count(*) FILTER (WHERE "status" = 'ANSWERED') AS answered, count(*) FILTER (WHERE "upheld") AS upheld
    FROM "Complaint" WHERE "at" >= ${from} AND "at" < ${to}`;
  return { received: Number(row?.received ?? 0), answered: Number(row?.answered ?? 0), upheld: Number(row?.upheld ?? 0) };
}
