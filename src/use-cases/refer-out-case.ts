import { decideReferOut } from '../domain/case/first-inquiry.ts';
import { findCase } from '../db/case-repository.ts';
import type { CaseActionResult } from './case-action-result.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';
import { actedBy, recordOutcome } from './record-outcome.ts';

/** 外转 #no 单位 说明 (R4 §4): outside the unit; the explanation and the competent body are kept, the case closes. */
export async function referOutCase(ctx: UseCaseContext, input: { caseNo: number; competentBody: string; explanation: string }): Promise<CaseActionResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const decision = decideReferOut(c, input, await transitionContextFor(ctx, c));
  if (!decision.ok) return { kind: 'rejected', case: c, reasons: decision.reasons };
  const after = await commitTransition(ctx.tx, c, decision);
  await recordOutcome(ctx, after, { kind: 'referred_out', acted: await actedBy(ctx.tx, c, ctx.actor.userid, ctx.now) });
  return { kind: 'done', case: after };
}
