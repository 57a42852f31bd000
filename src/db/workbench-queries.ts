import { Prisma } from './generated/client.ts';
import { ACTIVE_STATUSES, type CaseRecord, type CaseStatus } from '../domain/case/case.ts';
import type { TimeLimitClass } from '../domain/time-limit-class.ts';
import type { CaseScope } from '../domain/org/visibility.ts';
import { toCaseRecord } from './case-repository.ts';
import type { Tx } from './transaction.ts';

type Num = number | bigint;
const n = (v: Num | null | undefined): number => Number(v ?? 0);

/** The workbench's case list filters (GET /app/cases). */
export interface CaseFilter {
  status?: CaseStatus;
  cls?: TimeLimitClass;
  department?: string;
  handler?: string;
  overdue?: boolean;
  /** Received in [from, to). */
  from?: Date;
  to?: Date;
  /** Applicant or matter contains this. */
  q?: string;
}

function scopeWhere(scope: CaseScope): Prisma.CaseWhereInput {
  if (scope.all) return {};
  return {
    OR: [
      ...(scope.departments.length > 0 ? [{ department: { in: [...scope.departments] } }] : []),
      { handler: { in: [...scope.handlers] } },
      { firstResponder: scope.userid },
    ],
  };
}

/** One page of the cases a viewer may see, newest first; `next` is the `after` of the following page. */
export async function listVisibleCases(db: Tx, scope: CaseScope, f: CaseFilter, now: Date, page: { limit: number; after?: number }): Promise<{ cases: CaseRecord[]; next: number | null }> {
  const and: Prisma.CaseWhereInput[] = [scopeWhere(scope)];
  if (f.status) and.push({ status: f.status });
  if (f.cls) and.push({ class: f.cls });
  if (f.department) and.push({ department: f.department });
  if (f.handler) and.push({ handler: f.handler });
  if (f.overdue) and.push({ status: { in: [...ACTIVE_STATUSES] }, pausedAt: null, dueAt: { lt: now } });
  if (f.from || f.to) and.push({ receivedAt: { ...(f.from && { gte: f.from }), ...(f.to && { lt: f.to }) } });
  if (f.q) and.push({ OR: [{ applicant: { contains: f.q } }, { matter: { contains: f.q } }] });
  if (page.after !== undefined) and.push({ no: { lt: page.after } });
  const rows = await db.case.findMany({ where: { AND: and }, orderBy: { no: 'desc' }, take: page.limit + 1 });
  const cases = rows.slice(0, page.limit).map(toCaseRecord);
  return { cases, next: rows.length > page.limit ? (cases.at(-1)?.no ?? null) : null };
}

/** A department's open cases, overdue (earliest deadline) first, paused ones last; at most `limit`. */
export async function listDepartmentOpenCases(db: Tx, department: string, limit: number): Promise<CaseRecord[]> {
  const rows = await db.case.findMany({
    where: { department, status: { in: [...ACTIVE_STATUSES] } },
    orderBy: [{ pausedAt: { sort: 'desc', nulls: 'first' } }, { dueAt: { sort: 'asc', nulls: 'last' } }, { no: 'asc' }],
    take: limit,
  });
  return rows.map(toCaseRecord);
}

export interface DepartmentFigures {
  department: string;
  open: number;
  overdue: number;
  /** Closed in the period, and on time among them. */
  closed: number;
  onTime: number;
  complaints: number;
  records: number;
}

/** Every department's figures for the 全局 page: open and overdue now; closed, on time, complaints and records in [from, to). */
export async function departmentFigures(db: Tx, now: Date, from: Date, to: Date): Promise<DepartmentFigures[]> {
  const active = Prisma.join([...ACTIVE_STATUSES]);
  const open = await db.$queryRaw<{ department: string; open: Num; overdue: Num }[]>`
    SELECT "department", count(*) AS open,
           count(*) FILTER (WHERE "pausedAt" IS NULL AND "dueAt" < ${now}) AS overdue
    FROM "Case" WHERE "status" IN (${active}) GROUP BY "department"`;
  const closed = await db.$queryRaw<{ department: string; closed: Num; onTime: Num }[]>`
    SELECT "department", count(*) AS closed, count(*) FILTER (WHERE "onTime") AS "onTime"
    FROM "CaseOutcome" WHERE "at" >= ${from} AND "at" < ${to} GROUP BY "department"`;
  const complaints = await db.$queryRaw<{ department: string | null; count: Num }[]>`
    SELECT COALESCE(c."aboutDepartment", k."department") AS department, count(*) AS count
    FROM "Complaint" c LEFT JOIN "Case" k ON k."no" = c."caseNo"
    WHERE c."at" >= ${from} AND c."at" < ${to} GROUP BY 1`;
  const records = await db.$queryRaw<{ department: string | null; count: Num }[]>`
    SELECT "department", count(*) AS count FROM "AccountabilityRecord"
    WHERE "at" >= ${from} AND "at" < ${to} GROUP BY "department"`;
  const out = new Map<string, DepartmentFigures>();
  const get = (d: string) => out.get(d) ?? out.set(d, { department: d, open: 0, overdue: 0, closed: 0, onTime: 0, complaints: 0, records: 0 }).get(d)!;
  for (const r of open) Object.assign(get(r.department), { open: n(r.open), overdue: n(r.overdue) });
  for (const r of closed) Object.assign(get(r.department), { closed: n(r.closed), onTime: n(r.onTime) });
  for (const r of complaints) if (r.department) get(r.department).complaints = n(r.count);
  for (const r of records) if (r.department) get(r.department).records = n(r.count);
  return [...out.values()];
}

/** One department's closed and on-time counts in [from, to) (部室: this month beside last month). */
export async function onTimeCounts(db: Tx, department: string, from: Date, to: Date): Promise<{ closed: number; onTime: number }> {
  const [row] = await db.$queryRaw<{ closed: Num; onTime: Num }[]>`
    SELECT count(*) AS closed, count(*) FILTER (WHERE "onTime") AS "onTime"
    FROM "CaseOutcome" WHERE "department" = ${department} AND "at" >= ${from} AND "at" < ${to}`;
  return { closed: n(row?.closed), onTime: n(row?.onTime) };
}

/** Per China month (YYYY-MM) since `from`: cases received, closed, and closed on time. */
export async function monthlyTrend(db: Tx, from: Date): Promise<{ month: string; received: number; closed: number; onTime: number }[]> {
  const received = await db.$queryRaw<{ month: string; count: Num }[]>`
    SELECT to_char(("receivedAt" AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month, count(*) AS count
    FROM "Case" WHERE "receivedAt" >= ${from} GROUP BY 1`;
  const closed = await db.$queryRaw<{ month: string; closed: Num; onTime: Num }[]>`
    SELECT to_char(("at" AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month, count(*) AS closed, count(*) FILTER (WHERE "onTime") AS "onTime"
    FROM "CaseOutcome" WHERE "at" >= ${from} GROUP BY 1`;
  const months = new Map<string, { month: string; received: number; closed: number; onTime: number }>();
  const get = (m: string) => months.get(m) ?? months.set(m, { month: m, received: 0, closed: 0, onTime: 0 }).get(m)!;
  for (const r of received) get(r.month).received = n(r.count);
  for (const r of closed) Object.assign(get(r.month), { closed: n(r.closed), onTime: n(r.onTime) });
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export interface PendingDecision {
  kind: 'refusal' | 'extension';
  caseNo: number;
  id: number;
  since: Date;
  reason: string;
  days?: number;
}

/** Decisions waiting for `userid`: refusal filings addressed (or escalated) to them and extension requests. */
export async function listDecisionsWaitingFor(db: Tx, userid: string): Promise<PendingDecision[]> {
  const filings = await db.refusalFiling.findMany({
    where: { OR: [{ status: 'pending', leader: userid }, { status: 'escalated', escalatedTo: userid }] },
    select: { id: true, caseNo: true, createdAt: true, reason: true },
    orderBy: { id: 'asc' },
  });
  const extensions = await db.extensionRequest.findMany({
    where: { status: 'pending', leader: userid },
    select: { id: true, caseNo: true, createdAt: true, reason: true, days: true },
    orderBy: { id: 'asc' },
  });
  return [
    ...filings.map((f) => ({ kind: 'refusal' as const, caseNo: f.caseNo, id: f.id, since: f.createdAt, reason: f.reason })),
    ...extensions.map((e) => ({ kind: 'extension' as const, caseNo: e.caseNo, id: e.id, since: e.createdAt, reason: e.reason, days: e.days })),
  ].sort((a, b) => a.since.getTime() - b.since.getTime());
}

/** How many of a department's open cases are overdue now (待办's line for heads). */
export async function countOverdueIn(db: Tx, department: string, now: Date): Promise<number> {
  return db.case.count({ where: { department, status: { in: [...ACTIVE_STATUSES] }, pausedAt: null, dueAt: { lt: now } } });
}
