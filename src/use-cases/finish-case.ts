import type { CaseRecord } from '../domain/case/case.ts';
import type { Reason } from '../domain/case/decision.ts';
import { decideFinish } from '../domain/case/finish.ts';
import { recordOverdue } from '../db/accountability.ts';
import { findCase } from '../db/case-repository.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';

export type FinishResult =
  | { kind: 'finished'; case: CaseRecord; onTime: boolean }
  | { kind: 'not_found'; no: number }
  | { kind: 'refused'; case: CaseRecord; reasons: Reason[] };

/** 办结 #no 结果. Finishing late is a violation recorded for the office (R8), once per case. */
export async function finishCase(ctx: UseCaseContext, no: number, result: string): Promise<FinishResult> {
  const c = await findCase(ctx.tx, no);
  if (!c) return { kind: 'not_found', no };
  const decision = decideFinish(c, { result }, await transitionContextFor(ctx, c));
  if (!decision.ok) return { kind: 'refused', case: c, reasons: decision.reasons };
  const after = await commitTransition(ctx.tx, c, decision);
  if (!decision.onTime) {
    await recordOverdue(ctx.tx, c, ctx.now, { finishedAt: ctx.now.toISOString(), finishedBy: ctx.actor.userid });
  }
  return { kind: 'finished', case: after, onTime: decision.onTime };
}
