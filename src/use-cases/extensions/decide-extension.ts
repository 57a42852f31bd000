import type { CaseRecord } from '../../domain/case/case.ts';
import { isPersonId } from '../../domain/case/authorization.ts';
import type { Reason } from '../../domain/case/decision.ts';
import { decideExtensionRequest, type ExtensionRecord, type ExtensionVerdict } from '../../domain/case/extension.ts';
import { findCase } from '../../db/case-repository.ts';
import { postsHeldBy, awayAt } from '../../db/coverage-repository.ts';
import { findExtension, findLatestExtension, findPendingExtension, updateExtension, type ExtensionPatch } from '../../db/extension-repository.ts';
import { staffNames } from '../../db/org-repository.ts';
import { renderExtensionApprovedNotice, renderExtensionRefusedNotice } from '../../messages/extension-replies.ts';
import { transitionContextFor } from '../case-roles.ts';
import { commitTransition } from '../commit-transition.ts';
import type { UseCaseContext } from '../context.ts';

export type DecideExtensionResult =
  | { kind: 'decided'; case: CaseRecord; extension: ExtensionRecord }
  | { kind: 'not_found'; caseNo: number; what: 'case' | 'extension' }
  | { kind: 'already_decided'; case: CaseRecord; extension: ExtensionRecord }
  /** Nothing changed: not the leader it went to, the case is not open, or the deadline has passed. */
  | { kind: 'rejected'; case: CaseRecord; extension: ExtensionRecord; reasons: Reason[] };

/**
 * 同意延期 / 不同意延期 (R3): the one way an extension request is decided, by text or on its card. Only
 * the leader it went to decides. Approval moves the deadline by the working days asked for, and the
 * handler, the B holder and the first responder hear the new deadline; a refusal goes to whoever asked.
 */
export async function decideExtension(ctx: UseCaseContext, input: { caseNo: number; verdict: ExtensionVerdict; note?: string }): Promise<DecideExtensionResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', caseNo: input.caseNo, what: 'case' };
  const pending = await findPendingExtension(ctx.tx, c.no);
  if (!pending) {
    const latest = await findLatestExtension(ctx.tx, c.no);
    return latest ? { kind: 'already_decided', case: c, extension: latest } : { kind: 'not_found', caseNo: c.no, what: 'extension' };
  }
  const t = await transitionContextFor(ctx, c, { leader: pending.leader });
  const d = decideExtensionRequest(c, { verdict: input.verdict, extension: pending, ...(input.note ? { note: input.note } : {}) }, t);
  if (!d.ok) return { kind: 'rejected', case: c, extension: pending, reasons: d.reasons };

  const patch: ExtensionPatch = { status: input.verdict === 'approve' ? 'approved' : 'refused', newDueAt: d.newDueAt, decidedBy: ctx.actor.userid, decidedAt: ctx.now, note: input.note ?? null };
  if (!(await updateExtension(ctx.tx, pending, patch))) {
    // A click and a typed decision crossed: the other one decided first.
    return { kind: 'already_decided', case: c, extension: (await findExtension(ctx.tx, pending.id)) ?? pending };
  }
  const after = await commitTransition(ctx.tx, c, d);
  const decided: ExtensionRecord = { ...pending, ...patch, version: pending.version + 1 };
  await tellPeople(ctx, after, decided);
  return { kind: 'decided', case: after, extension: decided };
}

async function tellPeople(ctx: UseCaseContext, c: CaseRecord, e: ExtensionRecord): Promise<void> {
  const approved = e.status === 'approved';
  const bHolders = approved ? (await postsHeldBy(ctx.tx, c.handler)).flatMap((p) => (p.b ? [p.b] : [])) : [];
  const away = await awayAt(ctx.tx, bHolders, ctx.now);
  const people = approved ? [c.handler, ...bHolders.filter((b) => !away.has(b)), c.firstResponder, e.requester] : [e.requester, c.handler];
  const names = await staffNames(ctx.tx, [c.handler, e.leader, ctx.actor.userid, ...people]);
  const content = approved ? renderExtensionApprovedNotice(c, e, names, ctx.now) : renderExtensionRefusedNotice(c, e, names, ctx.now);
  for (const to of new Set(people)) {
    if (to === ctx.actor.userid || !isPersonId(to)) continue;
    ctx.send({ key: `extension:${e.id}:${e.status}:${to}`, toUser: to, kind: 'text', payload: { content } });
  }
}
