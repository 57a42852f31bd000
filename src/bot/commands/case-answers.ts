/** How case commands answer: no such case, every reason why not (nothing changed), or the command's own reply. */
import type { CaseRecord } from '../../domain/case/case.ts';
import type { Reason } from '../../domain/case/decision.ts';
import { staffNames } from '../../db/org-repository.ts';
import type { CaseActionResult } from '../../use-cases/case-action-result.ts';
import type { UseCaseContext } from '../../use-cases/context.ts';
import { renderNotFound, renderRejections } from '../../messages/case-replies.ts';
import { peopleInReasons } from '../../messages/reason-text.ts';
import type { Reply } from '../define-command.ts';

/** The answer to a case command that changed nothing: every reason at once, with people's names. */
export async function rejectionReply(ctx: UseCaseContext, c: CaseRecord, reasons: Reason[]): Promise<string> {
  return renderRejections(c, reasons, await staffNames(ctx.tx, peopleInReasons(c, reasons)));
}

export async function answerCaseAction<X extends object>(
  ctx: UseCaseContext,
  result: CaseActionResult<X>,
  done: (r: { kind: 'done'; case: CaseRecord } & X) => Reply | Promise<Reply>,
): Promise<Reply> {
  if (result.kind === 'not_found') return renderNotFound(result.no);
  if (result.kind === 'rejected') return rejectionReply(ctx, result.case, result.reasons);
  return done(result);
}
