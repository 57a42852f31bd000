import { staffNames } from '../../db/org-repository.ts';
import type { UseCaseContext } from '../../use-cases/context.ts';
import { decideRefusal, type DecideRefusalInput } from '../../use-cases/decide-refusal.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderAlreadyDecided, renderDecisionReply, renderNoFiling } from '../../messages/refusal-replies.ts';
import { refusedReply } from './refused-reply.ts';

/** 同意 / 纠正 / 上报 share one use case and one way of answering. */
export async function answerRefusalDecision(ctx: UseCaseContext, input: DecideRefusalInput): Promise<string> {
  const r = await decideRefusal(ctx, input);
  switch (r.kind) {
    case 'not_found':
      return r.what === 'case' ? renderNotFound(r.caseNo) : renderNoFiling(r.caseNo);
    case 'already_decided':
      return renderAlreadyDecided(r.case, r.filing, await staffNames(ctx.tx, r.filing.decidedBy ? [r.filing.decidedBy] : []));
    case 'not_allowed':
    case 'invalid':
      return refusedReply(ctx, r.case, r.reasons);
    case 'decided':
      return renderDecisionReply(r.case, r.filing, await staffNames(ctx.tx, [r.case.handler, ...(r.filing.escalatedTo ? [r.filing.escalatedTo] : [])]), ctx.now);
  }
}
