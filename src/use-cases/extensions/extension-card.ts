import { randomBytes } from 'node:crypto';
import type { CaseRecord } from '../../domain/case/case.ts';
import { extendedDueAt, type ExtensionRecord } from '../../domain/case/extension.ts';
import { cardSendKey, cardUpdatePrefix, shownCardState, usableSendCode } from '../../db/card-repository.ts';
import { findCase } from '../../db/case-repository.ts';
import { findExtension, setExtensionTaskId } from '../../db/extension-repository.ts';
import { installationId } from '../../db/installation-id.ts';
import { staffNames } from '../../db/org-repository.ts';
import { buildExtensionCard, extensionTaskId, type ExtensionCardState, type ExtensionCardView } from '../../messages/cards/extension-card.ts';
import { EXTENSION_CLOSED } from '../../messages/extension-replies.ts';
import { nameOf } from '../../messages/format.ts';
import type { UseCaseContext } from '../context.ts';
import { RESPONSE_CODE_TTL_MS } from '../refusal-cards/sync-refusal-cards.ts';

async function viewOf(ctx: UseCaseContext, e: ExtensionRecord, c: CaseRecord, taskId: string): Promise<{ view: ExtensionCardView; names: Map<string, string> }> {
  const names = await staffNames(ctx.tx, [e.requester, e.leader, ...(e.decidedBy ? [e.decidedBy] : [])]);
  const view: ExtensionCardView = {
    taskId,
    caseNo: c.no,
    applicant: c.applicant,
    matter: c.matter,
    cls: c.cls,
    receivedAt: c.receivedAt,
    dueAt: e.oldDueAt,
    proposedDueAt: e.newDueAt ?? extendedDueAt(e.oldDueAt, e.days, ctx.calendar).dueAt,
    days: e.days,
    reason: e.reason,
    requesterName: nameOf(names, e.requester),
    now: ctx.now,
  };
  return { view, names };
}

/** What the card should show for the request as it is now. */
function stateOf(e: ExtensionRecord, c: CaseRecord, names: ReadonlyMap<string, string>, now: Date): ExtensionCardState {
  if (e.status === 'approved') return { kind: 'approved', byName: nameOf(names, e.decidedBy ?? ''), at: e.decidedAt ?? now, newDueAt: e.newDueAt ?? e.oldDueAt };
  if (e.status === 'refused') return { kind: 'refused', byName: nameOf(names, e.decidedBy ?? ''), at: e.decidedAt ?? now, note: e.note };
  if (c.status !== 'OPEN') return { kind: 'closed', why: EXTENSION_CLOSED.notOpen };
  if (c.dueAt && now > c.dueAt) return { kind: 'closed', why: EXTENSION_CLOSED.deadlinePassed };
  return { kind: 'open' };
}

/** Sends the request's card to its leader: the template_card message in the caller's transaction, once per request. */
export async function sendExtensionCard(ctx: UseCaseContext, e: ExtensionRecord, c: CaseRecord): Promise<string> {
  const taskId = extensionTaskId(await installationId(ctx.tx), e.id, randomBytes(4).toString('hex'));
  await setExtensionTaskId(ctx.tx, e.id, taskId);
  const { view } = await viewOf(ctx, e, c, taskId);
  // buildExtensionCard checks the card against docs/PROTOCOL.md's field rules and throws on a violation.
  ctx.send({ key: cardSendKey(taskId), toUser: e.leader, kind: 'template_card', payload: { card: buildExtensionCard(view, { kind: 'open' }) } });
  return taskId;
}

/**
 * Makes the card show the request's real state, as the refusal cards do (docs/PROTOCOL.md §7): after a
 * click with the click's own code (always, so the clicker sees the outcome, `fallback` as text if
 * WeCom refuses), after a typed decision with the code message/send returned, if it is still unused.
 */
export async function syncExtensionCard(ctx: UseCaseContext, extensionId: number, click?: { responseCode: string; clickedAt: Date; fallback?: string }): Promise<void> {
  const e = await findExtension(ctx.tx, extensionId);
  const c = e ? await findCase(ctx.tx, e.caseNo) : null;
  if (!e?.taskId || !c) return;
  const { view, names } = await viewOf(ctx, e, c, e.taskId);
  const state = stateOf(e, c, names, ctx.now);
  const card = buildExtensionCard(view, state);
  const prefix = cardUpdatePrefix(e.taskId);
  if (click) {
    const key = `${prefix}click:${ctx.sourceKey}`;
    if (ctx.now.getTime() - click.clickedAt.getTime() >= RESPONSE_CODE_TTL_MS) {
      if (click.fallback) ctx.send({ key: `${key}:fallback`, toUser: e.leader, kind: 'text', payload: { content: click.fallback } });
      return;
    }
    ctx.send({ key, toUser: e.leader, kind: 'update_card', payload: { responseCode: click.responseCode, card, state: state.kind, ...(click.fallback ? { fallback: click.fallback } : {}) } });
    return;
  }
  if (state.kind === 'open' || (await shownCardState(ctx.tx, e.taskId)) === state.kind) return;
  const code = await usableSendCode(ctx.tx, e.taskId, ctx.now, RESPONSE_CODE_TTL_MS);
  if (code) ctx.send({ key: `${prefix}send`, toUser: e.leader, kind: 'update_card', payload: { responseCode: code, card, state: state.kind } });
}
