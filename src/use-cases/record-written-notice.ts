import type { RefusalFilingRecord } from '../domain/case/refusal.ts';
import { decideNoticeGiven } from '../domain/case/written-notice.ts';
import { recordLateWrittenNotice } from '../db/accountability.ts';
import { findCase } from '../db/case-repository.ts';
import { findCurrentFiling, updateFiling } from '../db/refusal-filing-repository.ts';
import type { CaseActionResult } from './case-action-result.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';

/** 告知 #no 方式: the written notice of an approved refusal was given; its reminders stop. */
export async function recordWrittenNotice(ctx: UseCaseContext, input: { caseNo: number; how: string }): Promise<CaseActionResult<{ filing: RefusalFilingRecord }>> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const filing = await findCurrentFiling(ctx.tx, c.no);
  const decision = decideNoticeGiven(c, { how: input.how, givenAt: filing?.noticeGivenAt ?? null }, await transitionContextFor(ctx, c));
  // A REFUSED case always has its approved filing; the status gate above answers for any other case.
  if (!decision.ok || !filing) return { kind: 'rejected', case: c, reasons: decision.ok ? [] : decision.reasons };
  const after = await commitTransition(ctx.tx, c, decision);
  await updateFiling(ctx.tx, filing, { noticeGivenAt: ctx.now });
  // 否定报备 §3: given, but after its 7 days; recorded once, whether or not the lapse alert went out first.
  if (filing.noticeDueAt && ctx.now > filing.noticeDueAt) {
    await recordLateWrittenNotice(ctx.tx, { filingId: filing.id, caseNo: c.no, handler: c.handler, department: c.department, noticeDueAt: filing.noticeDueAt }, ctx.now, { givenAt: ctx.now.toISOString() });
  }
  return { kind: 'done', case: after, filing: { ...filing, noticeGivenAt: ctx.now } };
}
