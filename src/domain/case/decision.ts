import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { isAllowed, type CaseAction, type CaseRole } from './authorization.ts';
import type { CaseEventRecord, CaseRecord, CaseStatus } from './case.ts';

/** Why a transition may not happen; a reply names every one of them at once. */
export type Reason =
  /** `by`: the one person who may (the leader of a filing, the principal), when it is one person. */
  | { code: 'not_allowed'; action: CaseAction; by?: string | null }
  | { code: 'wrong_status'; status: CaseStatus; action: CaseAction }
  | { code: 'same_handler'; userid: string }
  | { code: 'unknown_target'; ref: string }
  | { code: 'ambiguous_target'; ref: string; candidates: string[] }
  | { code: 'empty_department'; ref: string }
  /** 退回: the case did not come to its handler by a transfer (it was registered there, or sent back). */
  | { code: 'not_transferred' }
  /** 退回: whoever transferred it is no longer on the staff list. */
  | { code: 'referrer_gone'; userid: string }
  | { code: 'unknown_material'; name: string; valid: string[] }
  | { code: 'bad_material_index'; index: number; count: number }
  | { code: 'no_service_materials' }
  | { code: 'no_leader' }
  | { code: 'no_principal' }
  | { code: 'missing_instruction' }
  | { code: 'not_instruction' }
  | { code: 'not_due' }
  /** 延期: an internal matter without a deadline has nothing to extend. */
  | { code: 'no_deadline' }
  /** 延期: too late; the case is overdue and stays so. */
  | { code: 'deadline_passed'; dueAt: Date }
  | { code: 'instruction_no_extension' }
  | { code: 'extension_pending'; days: number; leader: string }
  | { code: 'notice_already_given'; at: Date };

/** What a transition may change: never the number, the version, the receipt or the first responder (R4). */
export type CaseChange = Partial<Omit<CaseRecord, 'no' | 'version' | 'receivedAt' | 'firstResponder'>>;

/** A transition either yields the change and the one history event it appends, or every reason why not. */
export type Decision<X = object> = ({ ok: true; patch: CaseChange; event: CaseEventRecord } & X) | { ok: false; reasons: Reason[] };

/** Everything a transition may look at besides the case and the command. */
export interface TransitionContext {
  actor: string;
  roles: ReadonlySet<CaseRole>;
  now: Date;
  calendar: WorkCalendar;
}

/** The statuses each action may start from; the one place that says so. */
export const FROM_STATUSES: Record<CaseAction, readonly CaseStatus[]> = {
  view: ['OPEN', 'AWAITING_MATERIALS', 'REFUSAL_PENDING', 'ESCALATED', 'REFUSED', 'REFERRED_OUT', 'DONE', 'DEEMED_APPROVED'],
  finish: ['OPEN', 'AWAITING_MATERIALS'],
  transfer: ['OPEN', 'AWAITING_MATERIALS'],
  sendBack: ['OPEN', 'AWAITING_MATERIALS'],
  referOut: ['OPEN', 'AWAITING_MATERIALS'],
  urgent: ['OPEN', 'AWAITING_MATERIALS', 'REFUSAL_PENDING', 'ESCALATED'],
  // A further notice only after the applicant came back (补齐): R5 §3.
  requestMaterials: ['OPEN'],
  materialsComplete: ['AWAITING_MATERIALS'],
  refuse: ['OPEN'],
  decideRefusal: ['REFUSAL_PENDING'],
  decideEscalated: ['ESCALATED'],
  // R6 §3 after an approved refusal; R3 §5 after a deemed approval: the applicant is told in writing.
  noticeGiven: ['REFUSED', 'DEEMED_APPROVED'],
  // Only a case being handled, with its clock running, has a deadline to move.
  extend: ['OPEN'],
  decideExtension: ['OPEN'],
  // Paused (AWAITING_MATERIALS) cases have no running clock, so they cannot lapse.
  deemApprove: ['OPEN', 'REFUSAL_PENDING', 'ESCALATED'],
};

/** The reasons shared by every transition: the actor's role and the case's status. */
export function gate(action: CaseAction, c: CaseRecord, t: TransitionContext, by?: string | null): Reason[] {
  const reasons: Reason[] = [];
  if (!isAllowed(action, t.roles)) reasons.push(by === undefined ? { code: 'not_allowed', action } : { code: 'not_allowed', action, by });
  if (!FROM_STATUSES[action].includes(c.status)) reasons.push({ code: 'wrong_status', status: c.status, action });
  return reasons;
}

/** Builds the event of a transition by the acting person at the transition's instant. */
export function eventOf(t: TransitionContext, action: string, detail: Record<string, unknown>): CaseEventRecord {
  return { at: t.now, actor: t.actor, action, detail };
}

/** The case after a decided change (pure; the store does the same with a version check). */
export function applyChange(c: CaseRecord, patch: CaseChange): CaseRecord {
  return { ...c, ...patch, version: c.version + 1 };
}
