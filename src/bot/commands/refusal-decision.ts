/** 同意 / 纠正 / 上报 share one use case, one way of answering, and the cards of the filing. */
import type { RefusalFilingRecord } from '../../domain/case/refusal.ts';
import { staffNames } from '../../db/org-repository.ts';
import { decideRefusal, type DecideRefusalInput, type DecideRefusalResult } from '../../use-cases/decide-refusal.ts';
import { syncCaseRefusalCards, syncRefusalCards } from '../../use-cases/refusal-cards/sync-refusal-cards.ts';
import { CARD_REPLIES, renderNoLongerOpen } from '../../messages/card-replies.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderAlreadyDecided, renderDecisionReply, renderNoFiling } from '../../messages/refusal-replies.ts';
import type { CommandContext, Reply } from '../define-command.ts';
import { rejectionReply } from './case-answers.ts';

/**
 * Decides the filing and makes its cards show the outcome. Typed, the decider gets the reply as
 * text and every card is updated with its send-time code. From a card button, the clicked card is
 * updated with the click's own code and carries the reply (as the fallback text if WeCom refuses
 * the update); a click that decided nothing gets the reason as text and the card its real state.
 */
export async function answerRefusalDecision(ctx: CommandContext, input: DecideRefusalInput): Promise<Reply> {
  const r = await decideRefusal(ctx, input);
  const text = await replyText(ctx, r);
  if (!ctx.tap) {
    await syncCaseRefusalCards(ctx, input.caseNo);
    return text;
  }
  if (r.kind === 'not_found') return text;
  if (r.kind === 'decided') {
    await syncRefusalCards(ctx, r.filing.id, { ...ctx.tap, fallback: text });
    return { text, shownOnCard: true };
  }
  await syncRefusalCards(ctx, r.filing.id, ctx.tap);
  return text;
}

async function replyText(ctx: CommandContext, r: DecideRefusalResult): Promise<string> {
  switch (r.kind) {
    case 'not_found':
      if (ctx.tap) return CARD_REPLIES.unknownCard;
      return r.what === 'case' ? renderNotFound(r.caseNo) : renderNoFiling(r.caseNo);
    case 'already_decided': {
      const names = await staffNames(ctx.tx, peopleOf(r.filing));
      // A click raced another decision: the card's own wording for "no longer yours to decide".
      return ctx.tap ? renderNoLongerOpen(r.case.no, r.filing, names) : renderAlreadyDecided(r.case, r.filing, names);
    }
    case 'not_allowed':
    case 'invalid':
      return rejectionReply(ctx, r.case, r.reasons);
    case 'decided':
      return renderDecisionReply(r.case, r.filing, await staffNames(ctx.tx, [r.case.handler, ...(r.filing.escalatedTo ? [r.filing.escalatedTo] : [])]), ctx.now);
  }
}

/** Everyone a filing names: who filed it, the leader, the principal it went to, who decided. */
function peopleOf(f: RefusalFilingRecord): string[] {
  return [f.filer, f.leader, f.escalatedTo, f.decidedBy].filter((u): u is string => u !== null);
}
