import type { CaseRecord } from './case.ts';
import { eventOf, gate, type Decision, type TransitionContext } from './decision.ts';
import { wasOnTime } from './due.ts';

/**
 * 办结: the handler (or whoever covers the handler) finishes an active case with its result.
 * `immediate`: answered on the spot at registration (即答), counted for the 即时答复 rate.
 */
export function decideFinish(c: CaseRecord, cmd: { result: string; immediate?: boolean }, t: TransitionContext): Decision<{ onTime: boolean }> {
  const reasons = gate('finish', c, t);
  if (reasons.length > 0) return { ok: false, reasons };
  const onTime = wasOnTime(c, t.now);
  return {
    ok: true,
    onTime,
    patch: { status: 'DONE', closedAt: t.now, result: cmd.result, pausedAt: null },
    event: eventOf(t, 'finished', { result: cmd.result, onTime, dueAt: c.dueAt?.toISOString() ?? null, ...(cmd.immediate ? { immediate: true } : {}) }),
  };
}
