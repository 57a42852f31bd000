/** 首问负责制 (R4): referring within the unit, pointing outside it, and raising an urgent matter. */
import type { CaseEventRecord, CaseRecord } from './case.ts';
import { eventOf, gate, type Decision, type Reason, type TransitionContext } from './decision.ts';

/** Who `转办` names, as resolved against the organization (the caller reads it; the rule judges it). */
export type TransferTarget =
  | {
      kind: 'resolved';
      userid: string;
      department: string;
      via: 'person' | 'department';
      /** R7 §6: the whole department is away; it still takes the case, and the office is told. */
      departmentAway: boolean;
    }
  | { kind: 'unknown'; ref: string }
  | { kind: 'ambiguous'; ref: string; candidates: string[] }
  | { kind: 'empty_department'; ref: string };

/** 转办: the named person, or the department's responsible person, owns the case from now on. */
export function decideTransfer(c: CaseRecord, cmd: { target: TransferTarget; note?: string }, t: TransitionContext): Decision {
  const reasons = gate('transfer', c, t);
  const target = cmd.target;
  if (target.kind === 'unknown') reasons.push({ code: 'unknown_target', ref: target.ref });
  if (target.kind === 'ambiguous') reasons.push({ code: 'ambiguous_target', ref: target.ref, candidates: target.candidates });
  if (target.kind === 'empty_department') reasons.push({ code: 'empty_department', ref: target.ref });
  if (target.kind === 'resolved' && target.userid === c.handler) reasons.push({ code: 'same_handler', userid: target.userid });
  if (reasons.length > 0 || target.kind !== 'resolved') return { ok: false, reasons: nonEmpty(reasons) };
  return {
    ok: true,
    patch: { handler: target.userid, department: target.department },
    event: eventOf(t, 'transferred', {
      from: c.handler,
      to: target.userid,
      department: target.department,
      via: target.via,
      departmentAway: target.departmentAway,
      note: cmd.note ?? null,
    }),
  };
}

/** The transfer that brought a case to its current handler: who sent it, from which department. */
export interface Referral {
  from: string;
  to: string;
  /** The department of `from` now (null when they are no longer on the staff list). */
  fromDepartment: string | null;
}

/** The events that hand a case from one person to another within the unit. */
const HAND_OFFS: readonly string[] = ['transferred', 'sent_back'];

/** The last hand-off in the history, when it was a transfer (a case sent back cannot be sent back again). */
export function lastTransfer(history: readonly CaseEventRecord[]): { from: string; to: string } | null {
  const last = [...history].reverse().find((e) => HAND_OFFS.includes(e.action));
  if (last?.action !== 'transferred') return null;
  const { from, to } = last.detail;
  return typeof from === 'string' && typeof to === 'string' ? { from, to } : null;
}

/**
 * 服务承诺制 §5 forbids 推诿扯皮: a case handed on this many times (transfers and returns together) is
 * recorded for the office as a shirked referral (R8), for it to look at who passed it on and why.
 */
export const SHIRKING_HAND_OFFS = 3;

export function handOffCount(history: readonly CaseEventRecord[]): number {
  return history.filter((e) => HAND_OFFS.includes(e.action)).length;
}

/** 退回 #no 理由 (R4 §4): back to whoever transferred it, with the reasons; they own it again. */
export function decideSendBack(c: CaseRecord, cmd: { reason: string; referral: Referral | null }, t: TransitionContext): Decision<{ to: string }> {
  const reasons = gate('sendBack', c, t);
  const r = cmd.referral;
  if (!r || r.to !== c.handler) reasons.push({ code: 'not_transferred' });
  else if (r.fromDepartment === null) reasons.push({ code: 'referrer_gone', userid: r.from });
  if (reasons.length > 0 || !r || r.fromDepartment === null) return { ok: false, reasons: nonEmpty(reasons) };
  return {
    ok: true,
    to: r.from,
    patch: { handler: r.from, department: r.fromDepartment },
    event: eventOf(t, 'sent_back', { from: c.handler, to: r.from, department: r.fromDepartment, reason: cmd.reason }),
  };
}

/** 外转: outside the unit's remit; the explanation and the competent body are recorded and the case closes. */
export function decideReferOut(c: CaseRecord, cmd: { competentBody: string; explanation: string }, t: TransitionContext): Decision {
  const reasons = gate('referOut', c, t);
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    patch: { status: 'REFERRED_OUT', closedAt: t.now, pausedAt: null, result: cmd.explanation },
    event: eventOf(t, 'referred_out', { competentBody: cmd.competentBody, explanation: cmd.explanation }),
  };
}

/** 紧急: recorded on the case; the caller alerts the principal leader at once (R4 §5). */
export function decideUrgent(c: CaseRecord, cmd: { note: string }, t: TransitionContext): Decision {
  const reasons = gate('urgent', c, t);
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, patch: { urgent: true }, event: eventOf(t, 'marked_urgent', { note: cmd.note }) };
}

function nonEmpty(reasons: Reason[]): Reason[] {
  // Unreachable in practice (an unresolved target always adds a reason); kept so `ok: false` never comes empty.
  return reasons.length > 0 ? reasons : [{ code: 'unknown_target', ref: '' }];
}
