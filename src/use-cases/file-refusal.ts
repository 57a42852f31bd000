import type { RefusalFilingRecord } from '../domain/case/refusal.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import { decideRefuse } from '../domain/case/refusal.ts';
import { findCase } from '../db/case-repository.ts';
import { findActiveStaff, findDepartment, readOrgSettings } from '../db/org-repository.ts';
import { insertFiling } from '../db/refusal-filing-repository.ts';
import type { CaseActionResult } from './case-action-result.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';
import { notifyRefusalFiled } from './notify-refusal-filed.ts';

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

/**
 * The leader of the handler's department. Nobody decides their own filing: when that leader is the
 * filer (or none is set), the principal leader decides instead.
 */
async function supervisingLeader(ctx: UseCaseContext, c: CaseRecord): Promise<string | null> {
  const handler = await findActiveStaff(ctx.tx, c.handler);
  const dept = await findDepartment(ctx.tx, handler?.department ?? c.department);
  const { principal } = await readOrgSettings(ctx.tx);
  const candidates = [dept?.leader ?? null, principal].filter((u): u is string => u !== null && u !== ctx.actor.userid);
  return candidates[0] ?? null;
}
