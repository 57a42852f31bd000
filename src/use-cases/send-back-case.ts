import { isPersonId } from '../domain/case/authorization.ts';
import { decideSendBack, lastTransfer } from '../domain/case/first-inquiry.ts';
import { findCase, loadHistory } from '../db/case-repository.ts';
import { findActiveStaff, staffNames } from '../db/org-repository.ts';
import { renderSentBackNotice, renderSentBackToFirstResponder } from '../messages/first-inquiry-replies.ts';
import type { CaseActionResult } from './case-action-result.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';
import { recordShirkingIfDue } from './record-shirking.ts';

export type SendBackResult = CaseActionResult<{ shirking: boolean }>;

/**
 * 退回 #no 理由 (R4 §4): the handler who received a transfer returns it, with reasons, to whoever
 * transferred it, who owns it again and is told; so is the first responder. The third hand-off of a
 * case is recorded as shirking (推诿) for the office.
 */
export async function sendBackCase(ctx: UseCaseContext, input: { caseNo: number; reason: string }): Promise<SendBackResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const history = await loadHistory(ctx.tx, c.no);
  const transfer = lastTransfer(history);
  const sender = transfer ? await findActiveStaff(ctx.tx, transfer.from) : null;
  const referral = transfer ? { ...transfer, fromDepartment: sender?.department ?? null } : null;
  const decision = decideSendBack(c, { reason: input.reason, referral }, await transitionContextFor(ctx, c));
  if (!decision.ok) return { kind: 'rejected', case: c, reasons: decision.reasons };

  const after = await commitTransition(ctx.tx, c, decision);
  const shirking = await recordShirkingIfDue(ctx, after, [...history, decision.event]);
  const names = await staffNames(ctx.tx, [ctx.actor.userid, after.handler, after.firstResponder]);
  const key = `send-back:${ctx.sourceKey}`;
  ctx.send({ key: `${key}:to`, toUser: after.handler, kind: 'text', payload: { content: renderSentBackNotice(after, ctx.actor.userid, input.reason, names, ctx.now) } });
  if (after.firstResponder !== after.handler && after.firstResponder !== ctx.actor.userid && isPersonId(after.firstResponder)) {
    const content = renderSentBackToFirstResponder(after, ctx.actor.userid, input.reason, names);
    ctx.send({ key: `${key}:first`, toUser: after.firstResponder, kind: 'text', payload: { content } });
  }
  return { kind: 'done', case: after, shirking };
}
