import type { RefusalFilingRecord } from '../domain/case/refusal.ts';
import type { InboundCardClick } from '../wecom/inbound-schema.ts';
import { findCase } from '../db/case-repository.ts';
import { findCardByTaskId, recordClickCode } from '../db/card-repository.ts';
import { staffNames } from '../db/org-repository.ts';
import { findFiling } from '../db/refusal-filing-repository.ts';
import type { UseCaseContext } from '../use-cases/context.ts';
import { decideRefusal } from '../use-cases/decide-refusal.ts';
import { isOpenFor } from '../use-cases/refusal-cards/load-refusal-card-view.ts';
import { REFUSAL_KEYS } from '../messages/cards/refusal-card.ts';
import { syncRefusalCards, type CardClickAnswer } from '../use-cases/refusal-cards/sync-refusal-cards.ts';
import { refusedReply } from './handlers/refused-reply.ts';
import { CARD_REPLIES, renderNoLongerOpen, renderNotYourCard, renderOverturnPrompt } from '../messages/card-replies.ts';
import { renderDecisionReply } from '../messages/refusal-replies.ts';

/**
 * A tap on a 否定报备 card button. The inbox key already made a redelivered callback a no-op; here the
 * clicker must be the card's addressee and the filing still open for them. The decision goes through
 * decideRefusal, the same use case as the text commands, and the card is updated with the click's
 * ResponseCode. Any click that changes nothing says why and shows the card's real state.
 */
export async function handleCardClick(ctx: UseCaseContext, msg: InboundCardClick): Promise<void> {
  const say = (content: string) => ctx.send({ key: `reply:${ctx.sourceKey}`, toUser: msg.fromUser, kind: 'text', payload: { content } });
  const card = await findCardByTaskId(ctx.tx, msg.taskId);
  const filing = card ? await findFiling(ctx.tx, card.filingId) : null;
  const c = filing ? await findCase(ctx.tx, filing.caseNo) : null;
  if (!card || !filing || !c) return say(CARD_REPLIES.unknownCard);
  const names = await filingNames(ctx, filing, [card.toUser, c.handler]);
  // Not the addressee: they have no copy of this card for the code to update, so only a message.
  if (card.toUser !== msg.fromUser) return say(renderNotYourCard(c.no, card.toUser, names));

  await recordClickCode(ctx.tx, card.taskId, msg.responseCode, ctx.now);
  const click: CardClickAnswer = { taskId: card.taskId, responseCode: msg.responseCode, clickedAt: new Date(msg.createTime * 1000) };
  if (!isOpenFor(card.role, filing)) {
    say(renderNoLongerOpen(c.no, filing, names));
    return syncRefusalCards(ctx, filing.id, click);
  }
  switch (msg.eventKey) {
    case REFUSAL_KEYS.overturn:
      // Not decided yet: an overturn needs the instruction for the handler, which comes as text.
      say(renderOverturnPrompt(c.no, c.handler, names));
      return syncRefusalCards(ctx, filing.id, { ...click, state: { kind: 'awaiting_instruction' } });
    case REFUSAL_KEYS.approve:
    case REFUSAL_KEYS.escalate: {
      const r = await decideRefusal(ctx, { caseNo: c.no, decision: msg.eventKey });
      if (r.kind === 'decided') {
        const fallback = renderDecisionReply(r.case, r.filing, await filingNames(ctx, r.filing, [r.case.handler]), ctx.now);
        return syncRefusalCards(ctx, filing.id, { ...click, fallback });
      }
      if (r.kind === 'not_found') say(CARD_REPLIES.unknownCard);
      else if (r.kind === 'already_decided') say(renderNoLongerOpen(c.no, r.filing, await filingNames(ctx, r.filing, [])));
      else say(await refusedReply(ctx, r.case, r.reasons));
      return syncRefusalCards(ctx, filing.id, click);
    }
    default:
      say(CARD_REPLIES.unknownButton(c.no));
      return syncRefusalCards(ctx, filing.id, click);
  }
}

function filingNames(ctx: UseCaseContext, f: RefusalFilingRecord, more: string[]): Promise<Map<string, string>> {
  return staffNames(ctx.tx, [f.leader, f.filer, ...(f.escalatedTo ? [f.escalatedTo] : []), ...(f.decidedBy ? [f.decidedBy] : []), ...more]);
}
