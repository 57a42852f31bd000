import { findCase } from '../../db/case-repository.ts';
import { findCurrentFiling, findFiling } from '../../db/refusal-filing-repository.ts';
import { cardUpdatePrefix, closeCard, listFilingCards, shownCardState, usableSendCode, type CardRecord } from '../../db/card-repository.ts';
import type { UseCaseContext } from '../context.ts';
import { cardStateOf, loadRefusalCardView } from './load-refusal-card-view.ts';
import { buildRefusalCard, type RefusalCardState } from '../../messages/cards/refusal-card.ts';
import { sendRefusalCard } from './send-refusal-card.ts';

/** docs/PROTOCOL.md §7: a response_code serves one update within 72 h (94945, version of 2025-07-24). */
export const RESPONSE_CODE_TTL_MS = 72 * 3600_000;

/** The click being answered: its single-use ResponseCode updates the clicker's copy of that card. */
export interface CardClickAnswer {
  taskId: string;
  responseCode: string;
  clickedAt: Date;
  /** Show this instead of the filing's state (予以纠正 pressed: the instruction is still owed). */
  state?: RefusalCardState;
  /** Sent as text instead when WeCom refuses the update (code used or expired, 42015–42022). */
  fallback?: string;
}

/**
 * Makes every card of a filing show the filing's real state, and sends the principal's card once
 * the filing is escalated. Called after each click and each text decision (同意/纠正/上报); it
 * compares states, so calling it again changes nothing.
 *
 * Which response_code updates which card (each code works once, for 72 h):
 * - The clicked card is updated with the click's own code, always: the clicker sees the outcome,
 *   or the real state when the click changed nothing.
 * - Any other card (a decision made by text, or the leader's card after the principal decided)
 *   is updated with the code message/send returned for it, if it is unused and under 72 h old.
 *   Otherwise it stays as it is: everyone concerned also gets the outcome as text (the decider's
 *   reply, decideRefusal's notices), so no extra message is sent.
 * - 予以纠正 spends its click's code on the "请回复纠正意见" state. When the instruction then
 *   arrives by text, the card's send code (normally still unused) shows the decision; if that code
 *   is gone, the leader's text reply already states the outcome. Keeping the click's code for
 *   later instead would leave live buttons on the card while we wait, inviting a second decision.
 */
export async function syncRefusalCards(ctx: UseCaseContext, filingId: number, click?: CardClickAnswer): Promise<void> {
  const filing = await findFiling(ctx.tx, filingId);
  const c = filing ? await findCase(ctx.tx, filing.caseNo) : null;
  if (!filing || !c) return;
  const cards = await listFilingCards(ctx.tx, filing.id);
  if (filing.status === 'escalated' && !cards.some((k) => k.role === 'principal')) await sendRefusalCard(ctx, filing, c, 'principal');

  for (const card of cards) {
    const clicked = click?.taskId === card.taskId ? click : undefined;
    if (card.closedAt && !clicked) continue;
    const { view, names } = await loadRefusalCardView(ctx.tx, { taskId: card.taskId, role: card.role, filing, case: c, now: ctx.now });
    const state = clicked?.state ?? cardStateOf(card.role, filing, names);
    const updated = buildRefusalCard(view, state);
    if (clicked) answerClick(ctx, card, clicked, updated, state);
    else await refreshWithSendCode(ctx, card, updated, state);
    if (state.kind === 'approved' || state.kind === 'overturned' || state.kind === 'lapsed') await closeCard(ctx.tx, card.taskId, ctx.now);
  }
}

function answerClick(ctx: UseCaseContext, card: CardRecord, click: CardClickAnswer, updated: Record<string, unknown>, state: RefusalCardState): void {
  const key = `${cardUpdatePrefix(card.taskId)}click:${ctx.sourceKey}`;
  if (ctx.now.getTime() - click.clickedAt.getTime() >= RESPONSE_CODE_TTL_MS) {
    // Worked too late for the code to be any good: say it instead of failing at WeCom.
    if (click.fallback) ctx.send({ key: `${key}:fallback`, toUser: card.toUser, kind: 'text', payload: { content: click.fallback } });
    return;
  }
  const payload = { responseCode: click.responseCode, card: updated, state: state.kind, ...(click.fallback ? { fallback: click.fallback } : {}) };
  ctx.send({ key, toUser: card.toUser, kind: 'update_card', payload });
}

async function refreshWithSendCode(ctx: UseCaseContext, card: CardRecord, updated: Record<string, unknown>, state: RefusalCardState): Promise<void> {
  // Cards are sent open and never need to go back to it; a card already showing the state is left alone.
  if (state.kind === 'open' || (await shownCardState(ctx.tx, card.taskId)) === state.kind) return;
  const code = await usableSendCode(ctx.tx, card.taskId, ctx.now, RESPONSE_CODE_TTL_MS);
  if (!code) return;
  ctx.send({ key: `${cardUpdatePrefix(card.taskId)}send`, toUser: card.toUser, kind: 'update_card', payload: { responseCode: code, card: updated, state: state.kind } });
}

/** The same, for the case's latest filing (after a text command 同意/纠正/上报). */
export async function syncCaseRefusalCards(ctx: UseCaseContext, caseNo: number): Promise<void> {
  const filing = await findCurrentFiling(ctx.tx, caseNo);
  if (filing) await syncRefusalCards(ctx, filing.id);
}
