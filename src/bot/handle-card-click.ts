import type { ExtensionRecord } from '../domain/case/extension.ts';
import type { RefusalFilingRecord } from '../domain/case/refusal.ts';
import { findCase } from '../db/case-repository.ts';
import { findCardByTaskId, recordClickCode } from '../db/card-repository.ts';
import { findExtensionByTaskId, recordExtensionClickCode } from '../db/extension-repository.ts';
import { syncExtensionCard } from '../use-cases/extensions/extension-card.ts';
import { EXTENSION_KEYS } from '../messages/cards/extension-card.ts';
import { renderExtensionNoLongerOpen, renderNotYourExtensionCard } from '../messages/extension-replies.ts';
import { staffNames } from '../db/org-repository.ts';
import { findFiling } from '../db/refusal-filing-repository.ts';
import type { InboundCardClick } from '../wecom/inbound-schema.ts';
import { isOpenFor } from '../use-cases/refusal-cards/load-refusal-card-view.ts';
import { syncRefusalCards } from '../use-cases/refusal-cards/sync-refusal-cards.ts';
import { REFUSAL_KEYS } from '../messages/cards/refusal-card.ts';
import { CARD_REPLIES, renderNoLongerOpen, renderNotYourCard, renderOverturnPrompt } from '../messages/card-replies.ts';
import type { CommandContext, Reply } from './define-command.ts';
import { runCommand } from './run-command.ts';

/**
 * A tap on a 否定报备 card button. The inbox key already made a redelivered callback a no-op; here the
 * clicker must be the card's addressee and the filing still open for them. 同意不予办理 and
 * 提交主要负责人 run the commands 同意 and 上报, as if typed, with the click's ResponseCode to update
 * the card. Any click that changes nothing says why and shows the card's real state.
 */
export async function handleCardClick(ctx: CommandContext, msg: InboundCardClick): Promise<Reply> {
  const extension = await findExtensionByTaskId(ctx.tx, msg.taskId);
  if (extension) return handleExtensionClick(ctx, msg, extension);
  const card = await findCardByTaskId(ctx.tx, msg.taskId);
  const filing = card ? await findFiling(ctx.tx, card.filingId) : null;
  const c = filing ? await findCase(ctx.tx, filing.caseNo) : null;
  if (!card || !filing || !c) return CARD_REPLIES.unknownCard;
  const names = await filingNames(ctx, filing, [card.toUser, c.handler]);
  // Not the addressee: they have no copy of this card for the code to update, so only a message.
  if (card.toUser !== msg.fromUser) return renderNotYourCard(c.no, card.toUser, names);

  await recordClickCode(ctx.tx, card.taskId, msg.responseCode, ctx.now);
  const tap = { taskId: card.taskId, responseCode: msg.responseCode, clickedAt: new Date(msg.createTime * 1000) };
  if (!isOpenFor(card.role, filing)) {
    await syncRefusalCards(ctx, filing.id, tap);
    return renderNoLongerOpen(c.no, filing, names);
  }
  switch (msg.eventKey) {
    case REFUSAL_KEYS.overturn:
      // Not decided yet: an overturn needs the instruction for the handler, which comes as text.
      await syncRefusalCards(ctx, filing.id, { ...tap, state: { kind: 'awaiting_instruction' } });
      return renderOverturnPrompt(c.no, c.handler, names);
    case REFUSAL_KEYS.approve:
      return runCommand({ ...ctx, tap }, { type: 'approve', caseNo: c.no });
    case REFUSAL_KEYS.escalate:
      return runCommand({ ...ctx, tap }, { type: 'escalate', caseNo: c.no });
    default:
      await syncRefusalCards(ctx, filing.id, tap);
      return CARD_REPLIES.unknownButton(c.no);
  }
}

function filingNames(ctx: CommandContext, f: RefusalFilingRecord, more: string[]): Promise<Map<string, string>> {
  return staffNames(ctx.tx, [f.leader, f.filer, ...(f.escalatedTo ? [f.escalatedTo] : []), ...(f.decidedBy ? [f.decidedBy] : []), ...more]);
}

/**
 * A tap on a 延期 card: only its leader's counts; 同意延期 and 不同意 run the commands 同意延期 and
 * 不同意延期 as if typed, with the click's ResponseCode to update the card. A tap on a request no longer
 * open says so and shows its real state.
 */
async function handleExtensionClick(ctx: CommandContext, msg: InboundCardClick, e: ExtensionRecord): Promise<Reply> {
  const c = await findCase(ctx.tx, e.caseNo);
  if (!c) return CARD_REPLIES.unknownCard;
  const names = await staffNames(ctx.tx, [e.leader, ...(e.decidedBy ? [e.decidedBy] : [])]);
  if (e.leader !== msg.fromUser) return renderNotYourExtensionCard(c.no, e.leader, names);
  await recordExtensionClickCode(ctx.tx, msg.taskId, msg.responseCode, ctx.now);
  const tap = { taskId: msg.taskId, responseCode: msg.responseCode, clickedAt: new Date(msg.createTime * 1000) };
  if (e.status !== 'pending') {
    await syncExtensionCard(ctx, e.id, tap);
    return renderExtensionNoLongerOpen(c.no, e, names);
  }
  switch (msg.eventKey) {
    case EXTENSION_KEYS.approve:
      return runCommand({ ...ctx, tap }, { type: 'approveExtension', caseNo: c.no });
    case EXTENSION_KEYS.refuse:
      return runCommand({ ...ctx, tap }, { type: 'refuseExtension', caseNo: c.no });
    default:
      await syncExtensionCard(ctx, e.id, tap);
      return CARD_REPLIES.unknownExtensionButton(c.no);
  }
}
