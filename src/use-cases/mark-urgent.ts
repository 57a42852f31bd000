import { decideUrgent } from '../domain/case/first-inquiry.ts';
import { findCase } from '../db/case-repository.ts';
import { readOrgSettings, staffNames } from '../db/org-repository.ts';
import { renderUrgentAlert } from '../messages/first-inquiry-replies.ts';
import type { CaseActionResult } from './case-action-result.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';

export type UrgentResult = CaseActionResult<{ principal: string | null; alerted: boolean }>;

/**
 * 紧急 #no 说明 (R4 §5): recorded on the case and reported to the principal leader at once. The alert
 * is queued due now, whatever the hour: an urgent matter does not wait for office hours.
 */
export async function markUrgent(ctx: UseCaseContext, input: { caseNo: number; note: string }): Promise<UrgentResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const decision = decideUrgent(c, input, await transitionContextFor(ctx, c));
  if (!decision.ok) return { kind: 'rejected', case: c, reasons: decision.reasons };
  const { principal } = await readOrgSettings(ctx.tx);
  const alerted = principal !== null && principal !== ctx.actor.userid;
  const event = { ...decision.event, detail: { ...decision.event.detail, alerted: alerted ? principal : null } };
  const after = await commitTransition(ctx.tx, c, { patch: decision.patch, event });
  if (alerted) {
    const names = await staffNames(ctx.tx, [ctx.actor.userid, after.handler, after.firstResponder]);
    ctx.send({
      key: `urgent:${ctx.sourceKey}`,
      toUser: principal,
      kind: 'text',
      payload: { content: renderUrgentAlert(after, ctx.actor.userid, input.note, names, ctx.now) },
      notBefore: ctx.now,
    });
  }
  return { kind: 'done', case: after, principal, alerted };
}
