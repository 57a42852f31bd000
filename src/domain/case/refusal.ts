/** 否定报备制 (R6): staff never refuse by themselves; the supervising leader (or the principal) decides. */
import { naturalDaysDueAt } from '../calendar/deadline.ts';
import type { CaseRecord } from './case.ts';
import { eventOf, gate, type Decision, type Reason, type TransitionContext } from './decision.ts';

/** R6 §3: the applicant is told in writing within 7 (natural) days of an approved refusal. */
export const REFUSAL_NOTICE_DAYS = 7;

export type RefusalVerdict = 'approve' | 'overturn' | 'escalate';
export type FilingStatus = 'pending' | 'escalated' | 'approved' | 'overturned' | 'lapsed';

/** A refusal filing (否定报备) as stored: who filed it, with whom, and how it was decided. */
export interface RefusalFilingRecord {
  id: number;
  caseNo: number;
  filer: string;
  reason: string;
  leader: string;
  status: FilingStatus;
  escalatedTo: string | null;
  escalatedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decision: RefusalVerdict | null;
  instruction: string | null;
  noticeDueAt: Date | null;
  noticeGivenAt: Date | null;
  /** Random part of the printable 不予受理告知书's link (set on approval). */
  noticeToken: string | null;
  createdAt: Date;
  version: number;
}

/** 拒绝: files the refusal with the supervising leader of the handler's department. */
export function decideRefuse(c: CaseRecord, cmd: { reason: string; leader: string | null }, t: TransitionContext): Decision<{ leader: string }> {
  const reasons = gate('refuse', c, t);
  if (cmd.leader === null) reasons.push({ code: 'no_leader' });
  if (reasons.length > 0 || cmd.leader === null) return { ok: false, reasons };
  return {
    ok: true,
    leader: cmd.leader,
    patch: { status: 'REFUSAL_PENDING' },
    event: eventOf(t, 'refusal_filed', { reason: cmd.reason, leader: cmd.leader }),
  };
}

export interface RefusalDecisionInput {
  decision: RefusalVerdict;
  instruction?: string;
  note?: string;
  filing: { id: number; leader: string; escalatedTo: string | null };
  principal: string | null;
}

export type RefusalDecided = { filingStatus: FilingStatus; noticeDueAt: Date | null; escalatedTo: string | null };

/**
 * 同意 / 纠正 / 上报. A pending filing is decided by the leader it is addressed to; once escalated,
 * only by the principal, who approves or overturns (there is nobody further up to send it to).
 */
export function decideRefusalDecision(c: CaseRecord, cmd: RefusalDecisionInput, t: TransitionContext): Decision<RefusalDecided> {
  const escalated = c.status === 'ESCALATED';
  const action = escalated ? 'decideEscalated' : 'decideRefusal';
  const reasons: Reason[] = gate(action, c, t, escalated ? (cmd.filing.escalatedTo ?? cmd.principal) : cmd.filing.leader);
  if (cmd.decision === 'overturn' && !cmd.instruction?.trim()) reasons.push({ code: 'missing_instruction' });
  if (cmd.decision === 'escalate' && escalated) reasons.push({ code: 'wrong_status', status: c.status, action: 'decideRefusal' });
  if (cmd.decision === 'escalate' && !escalated && (cmd.principal === null || cmd.principal === t.actor)) reasons.push({ code: 'no_principal' });
  if (reasons.length > 0) return { ok: false, reasons };

  const by = escalated ? 'principal' : 'leader';
  const base = { filingId: cmd.filing.id, by, note: cmd.note ?? null };
  if (cmd.decision === 'approve') {
    const notice = naturalDaysDueAt(t.now, REFUSAL_NOTICE_DAYS, t.calendar);
    return {
      ok: true,
      filingStatus: 'approved',
      noticeDueAt: notice.dueAt,
      escalatedTo: null,
      patch: { status: 'REFUSED', closedAt: t.now, pausedAt: null },
      event: eventOf(t, 'refusal_approved', { ...base, noticeDueAt: notice.dueAt.toISOString() }),
    };
  }
  if (cmd.decision === 'overturn') {
    return {
      ok: true,
      filingStatus: 'overturned',
      noticeDueAt: null,
      escalatedTo: null,
      patch: { status: 'OPEN' },
      event: eventOf(t, 'refusal_overturned', { ...base, instruction: cmd.instruction?.trim() ?? '' }),
    };
  }
  const principal = cmd.principal ?? '';
  return {
    ok: true,
    filingStatus: 'escalated',
    noticeDueAt: null,
    escalatedTo: principal,
    patch: { status: 'ESCALATED' },
    event: eventOf(t, 'refusal_escalated', { ...base, to: principal }),
  };
}
