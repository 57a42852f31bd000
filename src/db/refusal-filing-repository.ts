import type { Tx } from './transaction.ts';
import type { Db } from './transaction.ts';
import type { FilingStatus, RefusalFilingRecord, RefusalVerdict } from '../domain/case/refusal.ts';


type Row = Awaited<ReturnType<Db['refusalFiling']['findUniqueOrThrow']>>;

function toRecord(r: Row): RefusalFilingRecord {
  const { noticeLateAt: _late, undecidedAt: _undecided, ...rest } = r;
  return { ...rest, status: r.status as FilingStatus, decision: r.decision as RefusalVerdict | null };
}

export async function insertFiling(tx: Tx, f: { caseNo: number; filer: string; reason: string; leader: string; at: Date }): Promise<RefusalFilingRecord> {
  const row = await tx.refusalFiling.create({
    data: { caseNo: f.caseNo, filer: f.filer, reason: f.reason, leader: f.leader, status: 'pending', createdAt: f.at },
  });
  return toRecord(row);
}

/** The case's latest filing: the one a decision is about (earlier ones were decided). */
export async function findCurrentFiling(db: Tx, caseNo: number): Promise<RefusalFilingRecord | null> {
  const row = await db.refusalFiling.findFirst({ where: { caseNo }, orderBy: { id: 'desc' } });
  return row ? toRecord(row) : null;
}

export async function findFiling(db: Tx, id: number): Promise<RefusalFilingRecord | null> {
  const row = await db.refusalFiling.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

export type FilingPatch = Partial<Pick<RefusalFilingRecord, 'status' | 'escalatedTo' | 'escalatedAt' | 'decidedBy' | 'decidedAt' | 'decision' | 'instruction' | 'noticeDueAt' | 'noticeGivenAt' | 'noticeToken'>>;

/**
 * Writes a decision only if nobody decided since the filing was read: a leader's text command and
 * a card click arriving together decide it once. Returns false if it lost that race.
 */
export async function updateFiling(tx: Tx, before: RefusalFilingRecord, patch: FilingPatch): Promise<boolean> {
  const { count } = await tx.refusalFiling.updateMany({ where: { id: before.id, version: before.version }, data: { ...patch, version: { increment: 1 } } });
  return count === 1;
}

export interface FilingRow {
  id: number;
  caseNo: number;
  filer: string;
  leader: string;
  escalatedTo: string | null;
  reason: string;
  status: string;
  createdAt: Date;
  escalatedAt: Date | null;
  decidedAt: Date | null;
  noticeDueAt: Date | null;
  noticeLateAt: Date | null;
  undecidedAt: Date | null;
}

/**
 * Refusal filings with a clock running: undecided ones (pending, escalated), and approved ones whose
 * written notice is not given yet (告知 #no) and falls due by `horizon`: before it passes, or after it
 * until the miss is recorded (noticeLateAt), which stops that clock.
 */
export async function loadFilingsWithClocks(db: Tx, _now: Date, horizon: Date): Promise<FilingRow[]> {
  return db.refusalFiling.findMany({
    where: { OR: [{ status: { in: ['pending', 'escalated'] } }, { status: 'approved', noticeGivenAt: null, noticeLateAt: null, noticeDueAt: { lte: horizon } }] },
    select: {
      id: true,
      caseNo: true,
      filer: true,
      leader: true,
      escalatedTo: true,
      reason: true,
      status: true,
      createdAt: true,
      escalatedAt: true,
      decidedAt: true,
      noticeDueAt: true,
      noticeLateAt: true,
      undecidedAt: true,
    },
    orderBy: { id: 'asc' },
  });
}

/** Stops one of a filing's lapse clocks once its miss is recorded (否定报备 §3, §4). */
export async function markFilingLapse(tx: Tx, id: number, lapse: { noticeLateAt: Date } | { undecidedAt: Date }): Promise<void> {
  await tx.refusalFiling.update({ where: { id }, data: lapse });
}
