import { resolveRoles } from '../domain/case/authorization.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import { decideFinish, type Refusal } from '../domain/case/finish.ts';
import { appendEvent, findCase, updateCase } from '../db/case-repository.ts';
import type { UseCaseContext } from './context.ts';

export type FinishResult = { kind: 'finished'; case: CaseRecord } | { kind: 'not_found'; no: number } | { kind: 'refused'; case: CaseRecord; reasons: Refusal[] };

/** 办结 #no 结果 */
export async function finishCase(ctx: UseCaseContext, no: number, result: string): Promise<FinishResult> {
  const c = await findCase(ctx.tx, no);
  if (!c) return { kind: 'not_found', no };
  const roles = resolveRoles({ actor: ctx.actor.userid, handler: c.handler, firstResponder: c.firstResponder, coveringFor: null, isStaff: true });
  const decision = decideFinish(c, ctx.actor.userid, roles, result, ctx.now);
  if (!decision.ok) return { kind: 'refused', case: c, reasons: decision.reasons };
  const after = await updateCase(ctx.tx, c, decision.patch);
  await appendEvent(ctx.tx, c.no, decision.event);
  return { kind: 'finished', case: after };
}
