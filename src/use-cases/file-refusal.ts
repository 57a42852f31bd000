import type { RefusalFilingRecord } from '../domain/case/refusal.ts';
import { decideRefuse } from '../domain/case/refusal.ts';
import { findCase } from '../db/case-repository.ts';
import { insertFiling } from '../db/refusal-filing-repository.ts';
import type { CaseActionResult } from './case-action-result.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';
import { notifyRefusalFiled } from './notify-refusal-filed.ts';
import { supervisingLeader } from './supervising-leader.ts';

export type FileRefusalResult = CaseActionResult<{ filing: RefusalFilingRecord }>;

/**
 * 拒绝 #no 理由 (R6 §1): never a refusal by itself. It files the reasons with the supervising leader
 * of the handler's department and waits (REFUSAL_PENDING) for their decision.
 */
export async function fileRefusal(ctx: UseCaseContext, input: { caseNo: number; reason: string }): Promise<FileRefusalResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const leader = await supervisingLeader(ctx, c);
  const decision = decideRefuse(c, { reason: input.reason, leader }, await transitionContextFor(ctx, c));
  if (!decision.ok) return { kind: 'rejected', case: c, reasons: decision.reasons };
  const filing = await insertFiling(ctx.tx, { caseNo: c.no, filer: ctx.actor.userid, reason: input.reason, leader: decision.leader, at: ctx.now });
  const event = { ...decision.event, detail: { ...decision.event.detail, filingId: filing.id } };
  const after = await commitTransition(ctx.tx, c, { patch: decision.patch, event });
  await notifyRefusalFiled(ctx, filing, after);
  return { kind: 'done', case: after, filing };
}
