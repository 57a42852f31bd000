import { decideTransfer } from '../domain/case/first-inquiry.ts';
import type { Cover } from '../domain/coverage/who-covers.ts';
import { findCase, loadHistory } from '../db/case-repository.ts';
import { coverFor } from '../db/coverage-repository.ts';
import { findDepartment, loadOffice, staffNames } from '../db/org-repository.ts';
import { renderDepartmentAwayNotice, renderTransferNotice, renderTransferToCover } from '../messages/first-inquiry-replies.ts';
import type { CaseActionResult } from './case-action-result.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';
import { recordShirkingIfDue } from './record-shirking.ts';
import { resolveTransferTarget } from './resolve-transfer-target.ts';

export type TransferResult = CaseActionResult<{
  departmentName: string;
  departmentAway: boolean;
  /** Who acts for the new handler now: themselves, whoever covers them (R7 §4), or nobody (null). */
  actingNow: Cover | null;
  notified: string[];
  shirking: boolean;
}>;

/**
 * 转办 #no 人名或部门 (R4 §4). The new handler owns the case and is told; the first responder stays.
 * A department with everyone away still takes it (R7 §6): the office and the department head are told.
 * The third hand-off of a case is recorded as shirking (推诿) for the office.
 */
export async function transferCase(ctx: UseCaseContext, input: { caseNo: number; target: string; note?: string }): Promise<TransferResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const target = await resolveTransferTarget(ctx, input.target, c);
  const decision = decideTransfer(c, { target, ...(input.note ? { note: input.note } : {}) }, await transitionContextFor(ctx, c));
  if (!decision.ok || target.kind !== 'resolved') return { kind: 'rejected', case: c, reasons: decision.ok ? [] : decision.reasons };

  const dept = await findDepartment(ctx.tx, target.department);
  const awayTold = target.departmentAway ? await awayNoticeRecipients(ctx, dept?.head ?? null) : [];
  // AB岗 §4: an absent handler's B (or head) acts for them, so the notice must reach whoever can act now.
  const actingNow = await coverFor(ctx.tx, target.userid, ctx.now);
  const cover = actingNow && actingNow.via !== 'handler' ? actingNow : null;
  const notified = [...new Set([target.userid, ...(cover ? [cover.userid] : []), ...awayTold])].filter((u) => u !== ctx.actor.userid);
  const event = { ...decision.event, detail: { ...decision.event.detail, notified } };
  const after = await commitTransition(ctx.tx, c, { patch: decision.patch, event });
  const shirking = await recordShirkingIfDue(ctx, after, await loadHistory(ctx.tx, c.no));

  const names = await staffNames(ctx.tx, [after.handler, after.firstResponder, ctx.actor.userid]);
  const key = `transfer:${ctx.sourceKey}`;
  if (target.userid !== ctx.actor.userid) {
    ctx.send({ key: `${key}:handler`, toUser: target.userid, kind: 'text', payload: { content: renderTransferNotice(after, ctx.actor.userid, input.note ?? null, names, ctx.now) } });
  }
  if (cover && cover.userid !== ctx.actor.userid) {
    const content = renderTransferToCover(after, ctx.actor.userid, cover.via, input.note ?? null, names, ctx.now);
    ctx.send({ key: `${key}:cover:${cover.userid}`, toUser: cover.userid, kind: 'text', payload: { content } });
  }
  const awayText = renderDepartmentAwayNotice(after, dept?.name ?? target.department, names, ctx.now);
  for (const u of awayTold) {
    if (u !== target.userid && u !== ctx.actor.userid && u !== cover?.userid) ctx.send({ key: `${key}:away:${u}`, toUser: u, kind: 'text', payload: { content: awayText } });
  }
  return { kind: 'done', case: after, departmentName: dept?.name ?? target.department, departmentAway: target.departmentAway, actingNow, notified, shirking };
}

/** The office's head and the department's head: they follow up the queued case (R7 §6). */
async function awayNoticeRecipients(ctx: UseCaseContext, deptHead: string | null): Promise<string[]> {
  const office = await loadOffice(ctx.tx);
  return [...new Set([office?.head ?? null, deptHead].filter((u): u is string => u !== null))];
}
