import type { CaseStatus } from '../../src/domain/case/case.ts';

/**
 * The oracle of the lifecycle property tests: the status a case is in, read from its history alone.
 * Written from the status definitions of docs/CONTRACT.md, not taken from src, so that it can
 * disagree with the code; a new kind of history event must be added here on purpose, or replay fails.
 */
export const STATUS_AFTER_EVENT: Readonly<Record<string, CaseStatus | 'unchanged'>> = {
  registered: 'OPEN',
  finished: 'DONE',
  transferred: 'unchanged',
  // 退回: back to whoever transferred it; still being handled.
  sent_back: 'unchanged',
  referred_out: 'REFERRED_OUT',
  marked_urgent: 'unchanged',
  materials_requested: 'AWAITING_MATERIALS',
  materials_completed: 'OPEN',
  refusal_filed: 'REFUSAL_PENDING',
  refusal_approved: 'REFUSED',
  refusal_overturned: 'OPEN',
  refusal_escalated: 'ESCALATED',
  deemed_approved: 'DEEMED_APPROVED',
  // 告知: the written notice of an approved refusal (or of a deemed approval); the status stays.
  written_notice_given: 'unchanged',
  // 延期: asked, approved (the deadline moves) or refused; the case is still being handled.
  extension_requested: 'unchanged',
  extension_approved: 'unchanged',
  extension_refused: 'unchanged',
  // 留言卡: the first one of the department back at work takes the case over.
  assigned_on_return: 'unchanged',
};

/** The status the history leads to; throws on an event the oracle does not know. */
export function replayStatus(history: readonly { action: string }[]): CaseStatus | '' {
  let status: CaseStatus | '' = '';
  for (const e of history) {
    const after = STATUS_AFTER_EVENT[e.action];
    if (after === undefined) throw new Error(`the status oracle does not know the history event '${e.action}'`);
    if (after !== 'unchanged') status = after;
  }
  return status;
}
