import type { CaseRecord } from '../../domain/case/case.ts';
import type { Reason } from '../../domain/case/decision.ts';
import { staffNames } from '../../db/org-repository.ts';
import type { UseCaseContext } from '../../use-cases/context.ts';
import { renderRefusals } from '../../messages/case-replies.ts';
import { peopleInReasons } from '../../messages/reason-text.ts';

/** The answer to a case command that changed nothing: every reason at once, with people's names. */
export async function refusedReply(ctx: UseCaseContext, c: CaseRecord, reasons: Reason[]): Promise<string> {
  return renderRefusals(c, reasons, await staffNames(ctx.tx, peopleInReasons(c, reasons)));
}
