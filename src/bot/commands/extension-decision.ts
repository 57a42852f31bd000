/** 同意延期 / 不同意延期 share one use case, one way of answering, and the request's card. */
import { staffNames } from '../../db/org-repository.ts';
import type { ExtensionVerdict } from '../../domain/case/extension.ts';
import { decideExtension, type DecideExtensionResult } from '../../use-cases/extensions/decide-extension.ts';
import { syncExtensionCard } from '../../use-cases/extensions/extension-card.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderExtensionAlreadyDecided, renderExtensionDecisionReply, renderExtensionNoLongerOpen, renderNoPendingExtension } from '../../messages/extension-replies.ts';
import type { CommandContext, Reply } from '../define-command.ts';
import { rejectionReply } from './case-answers.ts';

/**
 * Decides the request and makes its card show the outcome. Typed, the card is updated with its
 * send-time code; from the card's button, with the click's own code, the reply shown on the card
 * (and sent as text only if WeCom refuses the update).
 */
export async function answerExtensionDecision(ctx: CommandContext, input: { caseNo: number; verdict: ExtensionVerdict; note?: string }): Promise<Reply> {
  const r = await decideExtension(ctx, input);
  const text = await replyText(ctx, r);
  if (r.kind === 'not_found') return text;
  if (!ctx.tap) {
    // A refused command changes nothing: the card is only updated once something was decided.
    if (r.kind === 'decided') await syncExtensionCard(ctx, r.extension.id);
    return text;
  }
  if (r.kind === 'decided') {
    await syncExtensionCard(ctx, r.extension.id, { ...ctx.tap, fallback: text });
    return { text, shownOnCard: true };
  }
  await syncExtensionCard(ctx, r.extension.id, ctx.tap);
  return text;
}

async function replyText(ctx: CommandContext, r: DecideExtensionResult): Promise<string> {
  switch (r.kind) {
    case 'not_found':
      return r.what === 'case' ? renderNotFound(r.caseNo) : renderNoPendingExtension(r.caseNo);
    case 'already_decided': {
      const names = await staffNames(ctx.tx, [r.extension.decidedBy ?? '', r.extension.leader]);
      return ctx.tap ? renderExtensionNoLongerOpen(r.case.no, r.extension, names) : renderExtensionAlreadyDecided(r.case, r.extension, names);
    }
    case 'rejected':
      return rejectionReply(ctx, r.case, r.reasons);
    case 'decided':
      return renderExtensionDecisionReply(r.case, r.extension, await staffNames(ctx.tx, [r.case.handler, r.extension.requester]), ctx.now);
  }
}
