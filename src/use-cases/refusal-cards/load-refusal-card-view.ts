import type { Tx } from '../../db/transaction.ts';
import type { RefusalFilingRecord } from '../../domain/case/refusal.ts';
import type { CaseRecord } from '../../domain/case/case.ts';
import { latestEvent } from '../../db/case-repository.ts';
import { staffNames } from '../../db/org-repository.ts';
import { nameOf } from '../../messages/format.ts';
import type { CardRole, RefusalCardState, RefusalCardView } from '../../messages/cards/refusal-card.ts';

/** Everything a refusal card shows, read in the caller's transaction. */
export async function loadRefusalCardView(
  tx: Tx,
  input: { taskId: string; role: CardRole; filing: RefusalFilingRecord; case: CaseRecord; now: Date },
): Promise<{ view: RefusalCardView; names: ReadonlyMap<string, string> }> {
  const { filing: f, case: c } = input;
  const names = await staffNames(tx, [f.filer, f.leader, ...(f.escalatedTo ? [f.escalatedTo] : []), ...(f.decidedBy ? [f.decidedBy] : [])]);
  const view: RefusalCardView = {
    taskId: input.taskId,
    role: input.role,
    caseNo: c.no,
    applicant: c.applicant,
    matter: c.matter,
    cls: c.cls,
    receivedAt: c.receivedAt,
    dueAt: c.dueAt,
    reason: f.reason,
    filerName: nameOf(names, f.filer),
    leaderName: nameOf(names, f.leader),
    escalationNote: input.role === 'principal' ? await escalationNote(tx, c.no, f.id) : null,
    now: input.now,
  };
  return { view, names };
}

/** The leader's 上报 note, kept in the case history (the filing has no column for it). */
async function escalationNote(tx: Tx, caseNo: number, filingId: number): Promise<string | null> {
  const event = await latestEvent(tx, caseNo, 'refusal_escalated');
  const detail = (event?.detail ?? {}) as { filingId?: unknown; note?: unknown };
  return detail.filingId === filingId && typeof detail.note === 'string' && detail.note.trim() ? detail.note.trim() : null;
}

/** The state a card should show for the filing as it is now, seen from the card's recipient. */
export function cardStateOf(role: CardRole, f: RefusalFilingRecord, names: ReadonlyMap<string, string>): RefusalCardState {
  const by = nameOf(names, f.decidedBy ?? '');
  switch (f.status) {
    case 'pending':
      return { kind: 'open' };
    case 'escalated':
      return role === 'principal' ? { kind: 'open' } : { kind: 'escalated', principalName: nameOf(names, f.escalatedTo ?? ''), at: f.escalatedAt ?? f.createdAt };
    case 'approved':
      return { kind: 'approved', byName: by, at: f.decidedAt ?? f.createdAt, noticeDueAt: f.noticeDueAt };
    case 'overturned':
      return { kind: 'overturned', byName: by, at: f.decidedAt ?? f.createdAt, instruction: f.instruction };
    case 'lapsed':
      return { kind: 'lapsed' };
  }
}

/** Whether a card's recipient may still decide on it: the leader while pending, the principal once escalated. */
export function isOpenFor(role: CardRole, f: RefusalFilingRecord): boolean {
  return role === 'leader' ? f.status === 'pending' : f.status === 'escalated';
}
