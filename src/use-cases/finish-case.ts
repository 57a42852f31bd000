import { decideFinish } from '../domain/case/finish.ts';
import { recordOverdue } from '../db/accountability.ts';
import { findCase } from '../db/case-repository.ts';
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
  return { kind: 'done', case: after, onTime: decision.onTime };
}
