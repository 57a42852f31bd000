import { insertActionCard } from '../../db/action-card-repository.ts';
import { cardUpdatePrefix, shownCardState } from '../../db/card-repository.ts';
import { findCase } from '../../db/case-repository.ts';
import { installationId } from '../../db/installation-id.ts';
import { findService, staffNames } from '../../db/org-repository.ts';
import type { Tx } from '../../db/transaction.ts';
import type { CaseRecord } from '../../domain/case/case.ts';
import type { OutboundMessage } from '../../domain/messaging/outbound-message.ts';
import { shortHash } from '../../shared/short-hash.ts';
import { buildCaseCard } from '../../messages/cards/case-card.ts';
import type { UseCaseContext } from '../context.ts';
import { RESPONSE_CODE_TTL_MS } from '../refusal-cards/sync-refusal-cards.ts';
import type { ClickedCard } from './answer-card-click.ts';

/**
 * A task_id for a card caused by `cause` (an inbox key, a reminder key) for `toUser`: the same cause
 * gives the same id, so a retried message or tick records and sends one card; the installation id
 * keeps ids unique per app forever (PROTOCOL.md §6.1).
 */
export async function cardTaskId(tx: Tx, kind: 'cs' | 'dg', cause: string, toUser: string): Promise<string> {
  return `xn-${await installationId(tx)}-${kind}-${shortHash(`${cause}\n${toUser}`)}`;
}

/** Records a case card for `toUser` (its clicks are found by task_id) and returns the card to send. */
export async function newCaseCard(
  tx: Tx,
  p: { cause: string; toUser: string; case: CaseRecord; now: Date; publicBaseUrl: string; title?: string; names?: ReadonlyMap<string, string> },
): Promise<{ taskId: string; card: Record<string, unknown> }> {
  const taskId = await cardTaskId(tx, 'cs', p.cause, p.toUser);
  await insertActionCard(tx, { taskId, toUser: p.toUser, kind: 'case', caseNo: p.case.no, at: p.now });
  const service = p.case.serviceCode ? await findService(tx, p.case.serviceCode) : null;
  const names = p.names ?? (await staffNames(tx, [p.case.handler, p.case.firstResponder]));
  return { taskId, card: buildCaseCard(taskId, { case: p.case, service, names, now: p.now, publicBaseUrl: p.publicBaseUrl, ...(p.title && { title: p.title }) }) };
}

/**
 * After a tap on a case card: the clicked copy shows the case as it is now, through the click's
 * single-use code (unless it shows that state already); when that code has expired, a new card goes
 * out instead. `fallback` is the text
 * sent if WeCom refuses the update (PROTOCOL.md §7).
 */
export async function showCaseAfterClick(ctx: UseCaseContext, click: ClickedCard, caseNo: number, fallback: string): Promise<void> {
  const c = await findCase(ctx.tx, caseNo);
  // The card already shows this state (a second tap on a stale copy): nothing to change on it.
  if (!c || (await shownCardState(ctx.tx, click.taskId)) === c.status) return;
  if (ctx.now.getTime() - click.clickedAt.getTime() < RESPONSE_CODE_TTL_MS) {
    const service = c.serviceCode ? await findService(ctx.tx, c.serviceCode) : null;
    const names = await staffNames(ctx.tx, [c.handler, c.firstResponder]);
    const card = buildCaseCard(click.taskId, { case: c, service, names, now: ctx.now, publicBaseUrl: ctx.publicBaseUrl });
    ctx.send({ key: `${cardUpdatePrefix(click.taskId)}click:${ctx.sourceKey}`, toUser: click.toUser, kind: 'update_card', payload: { responseCode: click.responseCode, card, state: c.status, fallback } });
    return;
  }
  const fresh = await newCaseCard(ctx.tx, { cause: ctx.sourceKey, toUser: click.toUser, case: c, now: ctx.now, publicBaseUrl: ctx.publicBaseUrl });
  ctx.send(caseCardMessage(`card:${ctx.sourceKey}`, click.toUser, fresh.card, fallback));
}

/** A case card as an outbox message, with the text that goes out instead should WeCom refuse the card. */
export function caseCardMessage(key: string, toUser: string, card: Record<string, unknown>, fallback: string): OutboundMessage {
  return { key, toUser, kind: 'template_card', payload: { card, fallback } };
}
