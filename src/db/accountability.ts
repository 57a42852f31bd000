import type { AccountabilityKind, AccountabilityRecordView, NewAccountabilityRecord, RecordDecision, Responsible } from '../domain/accountability/accountability-record.ts';
import { chinaDateOf } from '../domain/calendar/china-time.ts';
import type { Tx } from './transaction.ts';

/** R8: records a violation for the office to decide on. Returns false if it was already recorded. */
export async function recordAccountability(tx: Tx, r: NewAccountabilityRecord): Promise<boolean> {
  const { count } = await tx.accountabilityRecord.createMany({
    data: [
      {
        key: r.key,
        at: r.at,
        kind: r.kind,
        subject: r.subject,
        department: r.department ?? null,
        person: r.person ?? null,
        caseNo: r.caseNo ?? null,
        complaintId: r.complaintId ?? null,
        detail: (r.detail ?? {}) as object,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

/**
 * R8: a case past its deadline is recorded once (key `overdue:<no>`), whoever sees it first: the
 * scheduler when it raises the overdue alert, or 办结 when a late case is finished. It is recorded
 * against whoever was to act when it went overdue: the B holder who covered for an absent handler,
 * not the absent handler (AB岗 §4, 责任追究制 §1).
 */
export async function recordOverdue(
  tx: Tx,
  c: { no: number; handler: string; department: string; dueAt: Date | null },
  at: Date,
  responsible: Responsible,
  detail: Record<string, unknown> = {},
): Promise<boolean> {
  return recordAccountability(tx, {
    key: `overdue:${c.no}`,
    at,
    kind: 'overdue',
    subject: responsible.person,
    person: responsible.person,
    department: c.department,
    caseNo: c.no,
    detail: { dueAt: c.dueAt?.toISOString() ?? null, handler: c.handler, coveredFor: responsible.coveredFor, ...detail },
  });
}

type RecordRow = Awaited<ReturnType<Tx['accountabilityRecord']['findUniqueOrThrow']>>;

function toView(r: RecordRow): AccountabilityRecordView {
  return {
    id: r.id,
    at: r.at,
    kind: r.kind as AccountabilityKind,
    subject: r.subject,
    department: r.department,
    person: r.person,
    caseNo: r.caseNo,
    complaintId: r.complaintId,
    detail: (r.detail ?? {}) as Record<string, unknown>,
    notifiedAt: r.notifiedAt,
    statementDueAt: r.statementDueAt,
    statement: r.statement,
    statementAt: r.statementAt,
    decision: r.decision as RecordDecision | null,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
  };
}

/** The office's worklist (记录与投诉): undecided records first, then the latest decided; at most `limit`. */
export async function listRecordsForOffice(db: Tx, limit: number): Promise<AccountabilityRecordView[]> {
  const rows = await db.accountabilityRecord.findMany({ orderBy: [{ decidedAt: { sort: 'desc', nulls: 'first' } }, { id: 'desc' }], take: limit });
  return rows.map(toView);
}

export async function findRecord(db: Tx, id: number): Promise<AccountabilityRecordView | null> {
  const r = await db.accountabilityRecord.findUnique({ where: { id } });
  return r ? toView(r) : null;
}

/** Stores the office's decision once; false when another decision came first. */
export async function storeDecision(
  tx: Tx,
  id: number,
  d: { decision: RecordDecision; decidedBy: string; decidedAt: Date; note: string | null; person: string | null; department: string | null },
): Promise<boolean> {
  const { count } = await tx.accountabilityRecord.updateMany({
    where: { id, decision: null },
    data: {
      decision: d.decision,
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt,
      decisionNote: d.note,
      ...(d.person !== null ? { person: d.person } : {}),
      ...(d.department !== null ? { department: d.department } : {}),
    },
  });
  return count === 1;
}

/** Stores the written explanation once, before any decision; false when it came too late or twice. */
export async function storeStatement(tx: Tx, id: number, text: string, at: Date): Promise<boolean> {
  const { count } = await tx.accountabilityRecord.updateMany({ where: { id, decision: null, statementAt: null }, data: { statement: text, statementAt: at } });
  return count === 1;
}

/**
 * Claims the records whose person concerned has not been told yet, marking them told now with the
 * given statement deadline; each record is claimed by one instance (the UPDATE … WHERE notifiedAt IS NULL decides).
 */
export async function claimUntoldRecords(tx: Tx, now: Date, statementDueAt: Date): Promise<AccountabilityRecordView[]> {
  const rows = await tx.accountabilityRecord.updateManyAndReturn({
    where: { notifiedAt: null, person: { not: null }, decision: null, at: { lte: now } },
    data: { notifiedAt: now, statementDueAt },
  });
  return rows.map(toView).sort((a, b) => a.id - b.id);
}

/** Whether any record waits to be told to its person concerned (a cheap look before claiming). */
export async function hasUntoldRecords(db: Tx, now: Date): Promise<boolean> {
  return (await db.accountabilityRecord.findFirst({ where: { notifiedAt: null, person: { not: null }, decision: null, at: { lte: now } }, select: { id: true } })) !== null;
}

/**
 * R9 §1 with R8: a key task's milestone or deadline that passed undone, recorded once per checkpoint
 * (key from keyTaskLateKey), whoever sees it first: the scheduler when it tells the owner, the head
 * and the 牵头领导, or 进展 when it is reported done after its date.
 */
export async function recordKeyTaskLate(
  tx: Tx,
  task: { id: number; year: number; seq: string; title: string; owner: string; department: string },
  c: { kind: 'milestone' | 'deadline'; milestone: number | null; due: Date; target: string | null },
  key: string,
  at: Date,
): Promise<boolean> {
  return recordAccountability(tx, {
    key,
    at,
    kind: 'key_task_late',
    subject: task.owner,
    person: task.owner,
    department: task.department,
    detail: {
      taskId: task.id,
      year: task.year,
      seq: task.seq,
      title: task.title,
      item: c.kind,
      milestone: c.milestone,
      target: c.target,
      due: chinaDateOf(c.due),
      dueAt: c.due.toISOString(),
    },
  });
}

/** 否定报备 §3: the written notice came late (or not at all); recorded once per filing, against the handler. */
export function recordLateWrittenNotice(
  tx: Tx,
  x: { filingId: number; caseNo: number; handler: string; department: string; noticeDueAt: Date | null },
  now: Date,
  detail: Record<string, unknown> = {},
): Promise<boolean> {
  return recordAccountability(tx, {
    key: `late_written_notice:${x.filingId}`,
    at: now,
    kind: 'late_written_notice',
    subject: x.handler,
    department: x.department,
    person: x.handler,
    caseNo: x.caseNo,
    detail: { filingId: x.filingId, noticeDueAt: x.noticeDueAt?.toISOString() ?? null, ...detail },
  });
}
