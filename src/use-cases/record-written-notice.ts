import type { RefusalFilingRecord } from '../domain/case/refusal.ts';
import { DEEMED_NOTICE, type FollowUpRecord } from '../domain/case/deemed-approval.ts';
import { decideNoticeGiven } from '../domain/case/written-notice.ts';
import { recordLateWrittenNotice } from '../db/accountability.ts';
import { findCase } from '../db/case-repository.ts';
import { completeFollowUp, findFollowUp } from '../db/follow-up-repository.ts';
import { findCurrentFiling, updateFiling } from '../db/refusal-filing-repository.ts';
import type { CaseActionResult } from './case-action-result.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';

/** What the written notice was about: an approved refusal (R6 §3), or a deemed approval (R3 §5). */
export type WrittenNoticeOf = { kind: 'refusal'; filing: RefusalFilingRecord } | { kind: 'deemed'; followUp: FollowUpRecord };

/** 告知 #no 方式: the written notice of an approved refusal, or of a deemed approval, was given; its reminders stop. */
export async function recordWrittenNotice(ctx: UseCaseContext, input: { caseNo: number; how: string }): Promise<CaseActionResult<{ notice: WrittenNoticeOf }>> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const deemed = c.status === 'DEEMED_APPROVED' ? await findFollowUp(ctx.tx, c.no, DEEMED_NOTICE) : null;
  const filing = c.status === 'DEEMED_APPROVED' ? null : await findCurrentFiling(ctx.tx, c.no);
  const givenAt = deemed ? deemed.doneAt : (filing?.noticeGivenAt ?? null);
  const decision = decideNoticeGiven(c, { how: input.how, givenAt }, await transitionContextFor(ctx, c));
  if (!decision.ok) return { kind: 'rejected', case: c, reasons: decision.reasons };
  if (deemed) {
    const after = await commitTransition(ctx.tx, c, decision);
    await completeFollowUp(ctx.tx, deemed.id, ctx.actor.userid, ctx.now);
    return { kind: 'done', case: after, notice: { kind: 'deemed', followUp: { ...deemed, doneAt: ctx.now, doneBy: ctx.actor.userid } } };
  }
  // A REFUSED case always has its approved filing (and a deemed one its follow-up); the status gate answers for any other case.
  if (!filing) return { kind: 'rejected', case: c, reasons: [] };
  const after = await commitTransition(ctx.tx, c, decision);
  await updateFiling(ctx.tx, filing, { noticeGivenAt: ctx.now });
  // 否定报备 §3: given, but after its 7 days; recorded once, whether or not the lapse alert went out first.
  if (filing.noticeDueAt && ctx.now > filing.noticeDueAt) {
    await recordLateWrittenNotice(ctx.tx, { filingId: filing.id, caseNo: c.no, handler: c.handler, department: c.department, noticeDueAt: filing.noticeDueAt }, ctx.now, { givenAt: ctx.now.toISOString() });
  }
  return { kind: 'done', case: after, notice: { kind: 'refusal', filing: { ...filing, noticeGivenAt: ctx.now } } };
}
