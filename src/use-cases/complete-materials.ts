import { serviceLimitDays } from '../domain/org/org-records.ts';
import { decideMaterialsComplete } from '../domain/case/materials.ts';
import { findCase } from '../db/case-repository.ts';
import { markNoticesFulfilled } from '../db/materials-notice-repository.ts';
import { findService } from '../db/org-repository.ts';
import type { CaseActionResult } from './case-action-result.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';

/** 补齐 #no (R5 §3): the materials are in; the due time is counted afresh from now for the case's class. */
export async function completeMaterials(ctx: UseCaseContext, input: { caseNo: number; note?: string }): Promise<CaseActionResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const service = c.serviceCode ? await findService(ctx.tx, c.serviceCode) : null;
  const promisedDays = serviceLimitDays(service);
  const decision = decideMaterialsComplete(c, { ...(input.note ? { note: input.note } : {}), promisedDays }, await transitionContextFor(ctx, c));
  if (!decision.ok) return { kind: 'rejected', case: c, reasons: decision.reasons };
  await markNoticesFulfilled(ctx.tx, c.no, ctx.now);
  return { kind: 'done', case: await commitTransition(ctx.tx, c, decision) };
}
