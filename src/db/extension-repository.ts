import type { ExtensionRecord, ExtensionStatus } from '../domain/case/extension.ts';
import type { Db, Tx } from './transaction.ts';

type Row = Awaited<ReturnType<Db['extensionRequest']['findUniqueOrThrow']>>;

function toRecord(r: Row): ExtensionRecord {
  return {
    id: r.id,
    caseNo: r.caseNo,
    requester: r.requester,
    days: r.days,
    reason: r.reason,
    leader: r.leader,
    status: r.status as ExtensionStatus,
    oldDueAt: r.oldDueAt,
    newDueAt: r.newDueAt,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    note: r.note,
    taskId: r.taskId,
    createdAt: r.createdAt,
    version: r.version,
  };
}

export async function insertExtension(tx: Tx, e: { caseNo: number; requester: string; days: number; reason: string; leader: string; oldDueAt: Date; at: Date }): Promise<ExtensionRecord> {
  const row = await tx.extensionRequest.create({
    data: { caseNo: e.caseNo, requester: e.requester, days: e.days, reason: e.reason, leader: e.leader, oldDueAt: e.oldDueAt, status: 'pending', createdAt: e.at },
  });
  return toRecord(row);
}

/** The card's task_id, known once the request has its id. */
export async function setExtensionTaskId(tx: Tx, id: number, taskId: string): Promise<void> {
  await tx.extensionRequest.update({ where: { id }, data: { taskId } });
}

/** The case's request still waiting for the leader, if any (there is at most one). */
export async function findPendingExtension(db: Tx, caseNo: number): Promise<ExtensionRecord | null> {
  const row = await db.extensionRequest.findFirst({ where: { caseNo, status: 'pending' }, orderBy: { id: 'desc' } });
  return row ? toRecord(row) : null;
}

/** The case's latest request, decided or not. */
export async function findLatestExtension(db: Tx, caseNo: number): Promise<ExtensionRecord | null> {
  const row = await db.extensionRequest.findFirst({ where: { caseNo }, orderBy: { id: 'desc' } });
  return row ? toRecord(row) : null;
}

export async function findExtension(db: Tx, id: number): Promise<ExtensionRecord | null> {
  const row = await db.extensionRequest.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

export async function findExtensionByTaskId(db: Tx, taskId: string): Promise<ExtensionRecord | null> {
  const row = await db.extensionRequest.findUnique({ where: { taskId } });
  return row ? toRecord(row) : null;
}

export type ExtensionPatch = Partial<Pick<ExtensionRecord, 'status' | 'newDueAt' | 'decidedBy' | 'decidedAt' | 'note'>>;

/** Writes a decision only if nobody decided since it was read (a click and a typed command together decide once). */
export async function updateExtension(tx: Tx, before: ExtensionRecord, patch: ExtensionPatch): Promise<boolean> {
  const { count } = await tx.extensionRequest.updateMany({ where: { id: before.id, version: before.version }, data: { ...patch, version: { increment: 1 } } });
  return count === 1;
}

/** The last click's ResponseCode (each code serves one update of the leader's copy of the card). */
export async function recordExtensionClickCode(tx: Tx, taskId: string, code: string, at: Date): Promise<void> {
  await tx.extensionRequest.update({ where: { taskId }, data: { responseCode: code, responseCodeAt: at } });
}
