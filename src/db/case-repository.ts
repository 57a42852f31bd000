import type { Tx } from './transaction.ts';
import type { Db } from './transaction.ts';
import type { CaseEventRecord, CaseRecord, CaseStatus, Channel } from '../domain/case/case.ts';
import { ACTIVE_STATUSES } from '../domain/case/case.ts';
import type { TimeLimitClass } from '../domain/time-limit-class.ts';

type CaseRow = Awaited<ReturnType<Db['case']['findUniqueOrThrow']>>;
export class CaseChangedConcurrentlyError extends Error {
  constructor(readonly no: number) {
    super(`Case ${no} was changed by someone else in the meantime`);
  }
}

export function toCaseRecord(row: CaseRow): CaseRecord {
  return {
    no: row.no,
    status: row.status as CaseStatus,
    cls: row.class as TimeLimitClass,
    channel: row.channel as Channel,
    applicant: row.applicant,
    phone: row.phone,
    matter: row.matter,
    serviceCode: row.serviceCode,
    department: row.department,
    firstResponder: row.firstResponder,
    handler: row.handler,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    dueProvisional: row.dueProvisional,
    pausedAt: row.pausedAt,
    closedAt: row.closedAt,
    result: row.result,
    urgent: row.urgent,
    version: row.version,
  };
}

export type NewCase = Omit<CaseRecord, 'no' | 'version' | 'closedAt' | 'result' | 'pausedAt' | 'urgent'> & { sourceKey: string };

/** Inserts a case unless one already came from the same inbound message (sourceKey is unique). */
export async function insertCase(tx: Tx, c: NewCase): Promise<{ record: CaseRecord; created: boolean }> {
  const existing = await tx.case.findUnique({ where: { sourceKey: c.sourceKey } });
  if (existing) return { record: toCaseRecord(existing), created: false };
  const row = await tx.case.create({
    data: {
      no: await nextCaseNo(tx),
      status: c.status,
      class: c.cls,
      channel: c.channel,
      applicant: c.applicant,
      phone: c.phone,
      matter: c.matter,
      serviceCode: c.serviceCode,
      department: c.department,
      firstResponder: c.firstResponder,
      handler: c.handler,
      receivedAt: c.receivedAt,
      dueAt: c.dueAt,
      dueProvisional: c.dueProvisional,
      sourceKey: c.sourceKey,
    },
  });
  return { record: toCaseRecord(row), created: true };
}

/**
 * The next case number, taken under the counter row's lock in the caller's transaction: registrations
 * queue for it one after another, and a rolled-back or crashed one gives its number back. At least
 * one more than any case there is (rows a benchmark inserted by the column's default).
 */
async function nextCaseNo(tx: Tx): Promise<number> {
  const [row] = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "Counter" ("name", "value") VALUES ('case', (SELECT COALESCE(MAX("no"), 0) + 1 FROM "Case"))
    ON CONFLICT ("name") DO UPDATE SET "value" = GREATEST("Counter"."value" + 1, (SELECT COALESCE(MAX("no"), 0) + 1 FROM "Case"))
    RETURNING "value"`;
  return Number(row!.value);
}

export async function findCase(db: Tx, no: number): Promise<CaseRecord | null> {
  if (!Number.isSafeInteger(no) || no <= 0 || no > 2_147_483_647) return null;
  const row = await db.case.findUnique({ where: { no } });
  return row ? toCaseRecord(row) : null;
}

export type CasePatch = Partial<Omit<CaseRecord, 'no' | 'version' | 'receivedAt' | 'firstResponder'>>;

/** Writes a change only if nobody changed the case since it was read (optimistic version check). */
export async function updateCase(tx: Tx, before: CaseRecord, patch: CasePatch): Promise<CaseRecord> {
  const { cls, ...rest } = patch;
  const { count } = await tx.case.updateMany({
    where: { no: before.no, version: before.version },
    data: { ...rest, ...(cls ? { class: cls } : {}), version: { increment: 1 } },
  });
  if (count !== 1) throw new CaseChangedConcurrentlyError(before.no);
  return { ...before, ...patch, version: before.version + 1 };
}

/** The history is append-only: there is no update or delete of events anywhere. */
export async function appendEvent(tx: Tx, no: number, event: CaseEventRecord): Promise<void> {
  await tx.caseEvent.create({
    data: { caseNo: no, at: event.at, actor: event.actor, action: event.action, detail: event.detail as object },
  });
}

export async function loadHistory(db: Tx, no: number): Promise<CaseEventRecord[]> {
  const rows = await db.caseEvent.findMany({ where: { caseNo: no }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({ at: r.at, actor: r.actor, action: r.action, detail: r.detail as Record<string, unknown> }));
}

/** The latest event of one kind in a case's history, or null. */
export async function latestEvent(db: Tx, no: number, action: string): Promise<CaseEventRecord | null> {
  const r = await db.caseEvent.findFirst({ where: { caseNo: no, action }, orderBy: { id: 'desc' } });
  return r ? { at: r.at, actor: r.actor, action: r.action, detail: r.detail as Record<string, unknown> } : null;
}

/**
 * Open 请示 cases past their deadline with a running clock, in the statuses that can lapse (R3 §5),
 * oldest deadline first; at most `limit` (the job takes the rest on its next run).
 */
export async function listLapsedInstructions(db: Tx, statuses: readonly CaseStatus[], now: Date, limit: number): Promise<{ no: number; urgent: boolean; department: string }[]> {
  return db.case.findMany({
    where: { status: { in: [...statuses] }, dueAt: { lt: now }, class: 'instruction', pausedAt: null },
    select: { no: true, urgent: true, department: true },
    orderBy: { dueAt: 'asc' },
    take: limit,
  });
}

/** Active cases a person handles or first took (R4: the first responder keeps sight of it). */
export async function listActiveCasesFor(db: Tx, userids: string[]): Promise<CaseRecord[]> {
  const rows = await db.case.findMany({
    where: {
      status: { in: [...ACTIVE_STATUSES] },
      OR: [{ handler: { in: userids } }, { firstResponder: { in: userids } }],
    },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { no: 'asc' }],
  });
  return rows.map(toCaseRecord);
}
