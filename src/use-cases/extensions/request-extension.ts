import { decideRequestExtension, type ExtensionRecord } from '../../domain/case/extension.ts';
import { findCase } from '../../db/case-repository.ts';
import { findPendingExtension, insertExtension } from '../../db/extension-repository.ts';
import type { CaseActionResult } from '../case-action-result.ts';
import { transitionContextFor } from '../case-roles.ts';
import { commitTransition } from '../commit-transition.ts';
import type { UseCaseContext } from '../context.ts';
import { supervisingLeader } from '../supervising-leader.ts';
import { sendExtensionCard } from './extension-card.ts';

export type RequestExtensionResult = CaseActionResult<{ extension: ExtensionRecord }>;

/**
 * 延期 #no 天数 理由 (R3): before the deadline, the handler (or whoever covers them) asks the
 * supervising leader of the handler's department for more working days; the leader gets a card. Nothing
 * about the case changes until they decide; after the deadline there is nothing to ask for.
 */
export async function requestExtension(ctx: UseCaseContext, input: { caseNo: number; days: number; reason: string }): Promise<RequestExtensionResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const pending = await findPendingExtension(ctx.tx, c.no);
  const leader = await supervisingLeader(ctx, c);
  const decision = decideRequestExtension(c, { days: input.days, reason: input.reason, leader, pending }, await transitionContextFor(ctx, c));
  if (!decision.ok || !c.dueAt) return { kind: 'rejected', case: c, reasons: decision.ok ? [] : decision.reasons };
  const extension = await insertExtension(ctx.tx, { caseNo: c.no, requester: ctx.actor.userid, days: input.days, reason: input.reason, leader: decision.leader, oldDueAt: c.dueAt, at: ctx.now });
  const event = { ...decision.event, detail: { ...decision.event.detail, extensionId: extension.id } };
  const after = await commitTransition(ctx.tx, c, { patch: decision.patch, event });
  const taskId = await sendExtensionCard(ctx, extension, after);
  return { kind: 'done', case: after, extension: { ...extension, taskId } };
}
