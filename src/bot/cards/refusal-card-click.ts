import type { RefusalFilingRecord } from '../../domain/case/refusal.ts';
import { findCase } from '../../db/case-repository.ts';
import { recordClickCode, type CardRecord } from '../../db/card-repository.ts';
import { staffNames } from '../../db/org-repository.ts';
import { findFiling } from '../../db/refusal-filing-repository.ts';
import type { InboundCardClick } from '../../wecom/inbound-schema.ts';
import { isOpenFor } from '../../use-cases/refusal-cards/load-refusal-card-view.ts';
import { syncRefusalCards } from '../../use-cases/refusal-cards/sync-refusal-cards.ts';
import { REFUSAL_KEYS } from '../../messages/cards/refusal-card.ts';
import { CARD_REPLIES, renderNoLongerOpen, renderNotYourCard, renderOverturnPrompt } from '../../messages/card-replies.ts';
import type { CommandContext, Reply } from '../define-command.ts';
import { runCommand } from '../run-command.ts';

/**
 * A tap on a 否定报备 card button. The inbox key already made a redelivered callback a no-op; here the
 * clicker must be the card's addressee and the filing still open for them. 同意不予办理 and
 * 提交主要负责人 run the commands 同意 and 上报, as if typed, with the click's ResponseCode to update
 * the card. Any click that changes nothing says why and shows the card's real state.
 */
export async function handleRefusalCardClick(ctx: CommandContext, msg: InboundCardClick, card: CardRecord): Promise<Reply> {
  const filing = await findFiling(ctx.tx, card.filingId);
  const c = filing ? await findCase(ctx.tx, filing.caseNo) : null;
  if (!filing || !c) return CARD_REPLIES.unknownCard;
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
