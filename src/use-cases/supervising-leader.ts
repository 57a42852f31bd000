import type { CaseRecord } from '../domain/case/case.ts';
import { findActiveStaff, findDepartment, readOrgSettings } from '../db/org-repository.ts';
import type { UseCaseContext } from './context.ts';

/**
 * The supervising leader (分管领导) of the handler's department, who decides a refusal filing (R6) or an
 * extension (R3). Nobody decides their own request: when that leader is the sender (or none is set),
 * the principal leader decides instead. Null when there is nobody.
 */
export async function supervisingLeader(ctx: UseCaseContext, c: CaseRecord): Promise<string | null> {
  const handler = await findActiveStaff(ctx.tx, c.handler);
  const dept = await findDepartment(ctx.tx, handler?.department ?? c.department);
  const { principal } = await readOrgSettings(ctx.tx);
  const candidates = [dept?.leader ?? null, principal].filter((u): u is string => u !== null && u !== ctx.actor.userid);
  return candidates[0] ?? null;
}
