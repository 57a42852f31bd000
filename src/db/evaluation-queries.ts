/**
 * The facts of an evaluation period, aggregated in the database: the process receives one row per
 * person and department (and one per accountability record), never one per case, so a year of a
 * million cases costs the same memory as a month of ten.
 */
import type { AccountabilityKind, RecordDecision } from '../domain/accountability/accountability-record.ts';
import type { OutcomeSums, PersonCounts, RecordFact } from '../domain/evaluation/evaluate.ts';
import type { Tx } from './transaction.ts';

type Num = number | bigint | null;
const n = (v: Num): number => (v === null ? 0 : Number(v));

/** Closed cases of [from, to), per credited person and their department at the time. */
export async function outcomeSums(tx: Tx, from: Date, to: Date): Promise<OutcomeSums[]> {
  const rows = await tx.$queryRaw<{ person: string; department: string; handled: Num; covered: Num; onTime: Num; overdueDays: Num; immediate: Num }[]>`
    SELECT "credited" AS person, "creditedDepartment" AS department, count(*) AS handled,
           count(*) FILTER (WHERE "coveredFor" IS NOT NULL) AS covered,
           count(*) FILTER (WHERE "onTime") AS "onTime",
           sum("overdueDays") AS "overdueDays",
           count(*) FILTER (WHERE "immediate") AS immediate
    FROM "CaseOutcome" WHERE "at" >= ${from} AND "at" < ${to}
    GROUP BY "credited", "creditedDepartment"`;
  return rows.map((r) => ({ person: r.person, department: r.department, handled: n(r.handled), covered: n(r.covered), onTime: n(r.onTime), overdueDays: n(r.overdueDays), immediate: n(r.immediate) }));
}

/** Every accountability record made in [from, to), by number. */
export async function recordFacts(tx: Tx, from: Date, to: Date): Promise<RecordFact[]> {
  // Raw: a year may hold a hundred thousand records, and these six columns are all the evaluation reads.
  const rows = await tx.$queryRaw<{ id: number; kind: string; person: string | null; department: string | null; decision: string | null; caseNo: number | null }[]>`
    SELECT "id", "kind", "person", "department", "decision", "caseNo" FROM "AccountabilityRecord"
    WHERE "at" >= ${from} AND "at" < ${to} ORDER BY "id"`;
  return rows.map((r) => ({ ...r, kind: r.kind as AccountabilityKind, decision: r.decision as RecordDecision | null }));
}

/**
 * Complaints of [from, to) about a case, counted against the case's handler and department;
 * refusal filings decided in the period (overturned: a refusal that should not have been filed);
 * written notices due in the period and whether they were given in time; ratings of the period.
 */
export async function personCounts(tx: Tx, from: Date, to: Date): Promise<PersonCounts[]> {
  const complaints = await tx.$queryRaw<{ person: string; department: string; count: Num }[]>`
    SELECT c."handler" AS person, c."department" AS department, count(*) AS count
    FROM "Complaint" p JOIN "Case" c ON c."no" = p."caseNo"
    WHERE p."at" >= ${from} AND p."at" < ${to}
    GROUP BY c."handler", c."department"`;
  const filings = await tx.$queryRaw<{ person: string; department: string; overturned: Num; notices: Num; noticesOnTime: Num }[]>`
    SELECT f."filer" AS person, c."department" AS department,
           count(*) FILTER (WHERE f."status" = 'overturned' AND f."decidedAt" >= ${from} AND f."decidedAt" < ${to}) AS overturned,
           count(*) FILTER (WHERE f."noticeDueAt" >= ${from} AND f."noticeDueAt" < ${to}) AS notices,
           count(*) FILTER (WHERE f."noticeDueAt" >= ${from} AND f."noticeDueAt" < ${to} AND f."noticeGivenAt" IS NOT NULL AND f."noticeGivenAt" <= f."noticeDueAt") AS "noticesOnTime"
    FROM "RefusalFiling" f JOIN "Case" c ON c."no" = f."caseNo"
    WHERE (f."decidedAt" >= ${from} AND f."decidedAt" < ${to}) OR (f."noticeDueAt" >= ${from} AND f."noticeDueAt" < ${to})
    GROUP BY f."filer", c."department"`;
  const ratings = await tx.$queryRaw<{ person: string; department: string; count: Num; total: Num }[]>`
    SELECT "person", "department", count(*) AS count, sum("rating") AS total
    FROM "CaseRating" WHERE "at" >= ${from} AND "at" < ${to}
    GROUP BY "person", "department"`;
  return [
    ...complaints.map((r) => ({ person: r.person, department: r.department, complaintsReceived: n(r.count) })),
    ...filings.map((r) => ({ person: r.person, department: r.department, refusalsOverturned: n(r.overturned), writtenNotices: n(r.notices), writtenNoticesOnTime: n(r.noticesOnTime) })),
    ...ratings.map((r) => ({ person: r.person, department: r.department, ratings: n(r.count), ratingSum: n(r.total) })),
  ];
}
