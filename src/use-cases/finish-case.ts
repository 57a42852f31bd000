import { isPersonId } from '../domain/case/authorization.ts';
import { decideFinish } from '../domain/case/finish.ts';
import { recordOverdue } from '../db/accountability.ts';
import { findCase } from '../db/case-repository.ts';
import { staffNames } from '../db/org-repository.ts';
import { renderFinishedToFirstResponder } from '../messages/case-replies.ts';
import type { CaseActionResult } from './case-action-result.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';
import { actedBy, recordOutcome, responsibleAt } from './record-outcome.ts';

export type FinishResult = CaseActionResult<{ onTime: boolean }>;

/**
 * 办结 #no 结果. Finishing late is a violation recorded for the office (R8), once per case; the outcome
 * is credited to whoever finished it (the handler, or the B holder covering for them).
 */
export async function finishCase(ctx: UseCaseContext, no: number, result: string): Promise<FinishResult> {
  const c = await findCase(ctx.tx, no);
  if (!c) return { kind: 'not_found', no };
  const decision = decideFinish(c, { result }, await transitionContextFor(ctx, c));
  if (!decision.ok) return { kind: 'rejected', case: c, reasons: decision.reasons };
  const after = await commitTransition(ctx.tx, c, decision);
  if (!decision.onTime && c.dueAt) {
    // Recorded against whoever was to act when the deadline passed (unless the scheduler did so already).
    await recordOverdue(ctx.tx, c, ctx.now, await responsibleAt(ctx.tx, c.handler, c.dueAt), { finishedAt: ctx.now.toISOString(), finishedBy: ctx.actor.userid });
  }
  await recordOutcome(ctx, after, { kind: 'done', acted: await actedBy(ctx.tx, c, ctx.actor.userid, ctx.now) });
  // 首问负责制 §4: whoever first took a case they referred hears how it ended.
  if (c.firstResponder !== c.handler && c.firstResponder !== ctx.actor.userid && isPersonId(c.firstResponder)) {
    const names = await staffNames(ctx.tx, [ctx.actor.userid]);
    ctx.send({ key: `finish:${c.no}:first`, toUser: c.firstResponder, kind: 'text', payload: { content: renderFinishedToFirstResponder(after, ctx.actor.userid, names) } });
  }
  return { kind: 'done', case: after, onTime: decision.onTime };
}
