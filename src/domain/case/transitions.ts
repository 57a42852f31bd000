/**
 * The case state machine, one entry point. Every transition is a plain function of
 * (case, command, actor and roles, now, calendar) that yields the change and the one history event
 * it appends, or every reason why not. The use cases load the facts, call these, and store.
 */
import type { CaseRecord, CaseStatus } from './case.ts';
import type { Decision, TransitionContext } from './decision.ts';
import { decideDeemApproval } from './deemed-approval.ts';
import { decideFinish } from './finish.ts';
import { decideReferOut, decideTransfer, decideUrgent, type TransferTarget } from './first-inquiry.ts';
import { decideMaterialsComplete, decideRequestMaterials, type RequestMaterialsInput } from './materials.ts';
import { decideRefusalDecision, decideRefuse, type RefusalDecisionInput } from './refusal.ts';

export * from './decision.ts';
export * from './due.ts';
export { decideFinish } from './finish.ts';
export * from './first-inquiry.ts';
export * from './materials.ts';
export * from './refusal.ts';
export * from './deemed-approval.ts';

/** Every command the state machine knows, with the facts its caller resolved. */
export type CaseCommand =
  | { action: 'finish'; result: string }
  | { action: 'transfer'; target: TransferTarget; note?: string }
  | { action: 'referOut'; competentBody: string; explanation: string }
  | { action: 'urgent'; note: string }
  | ({ action: 'requestMaterials' } & RequestMaterialsInput)
  | { action: 'materialsComplete'; note?: string; promisedDays: number | null }
  | { action: 'refuse'; reason: string; leader: string | null }
  | ({ action: 'decideRefusal' } & RefusalDecisionInput)
  | { action: 'deemApprove' };

export function decide(c: CaseRecord, command: CaseCommand, t: TransitionContext): Decision {
  switch (command.action) {
    case 'finish':
      return decideFinish(c, command, t);
    case 'transfer':
      return decideTransfer(c, command, t);
    case 'referOut':
      return decideReferOut(c, command, t);
    case 'urgent':
      return decideUrgent(c, command, t);
    case 'requestMaterials':
      return decideRequestMaterials(c, command, t);
    case 'materialsComplete':
      return decideMaterialsComplete(c, command, t);
    case 'refuse':
      return decideRefuse(c, command, t);
    case 'decideRefusal':
      return decideRefusalDecision(c, command, t);
    case 'deemApprove':
      return decideDeemApproval(c, t);
  }
}

/** Statuses that end a case: nothing but viewing happens to it afterwards. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['REFUSED', 'REFERRED_OUT', 'DONE', 'DEEMED_APPROVED'];

/**
 * The status each history action leaves the case in (undefined: unchanged). The history alone thus
 * tells the status, which the tests use to show that a case is only ever in one state.
 */
export const STATUS_AFTER: Readonly<Record<string, CaseStatus | undefined>> = {
  registered: 'OPEN',
  finished: 'DONE',
  transferred: undefined,
  referred_out: 'REFERRED_OUT',
  marked_urgent: undefined,
  materials_requested: 'AWAITING_MATERIALS',
  materials_completed: 'OPEN',
  refusal_filed: 'REFUSAL_PENDING',
  refusal_approved: 'REFUSED',
  refusal_overturned: 'OPEN',
  refusal_escalated: 'ESCALATED',
  deemed_approved: 'DEEMED_APPROVED',
};
