import type { CaseRecord } from '../domain/case/case.ts';
import { DISSATISFIED_AT_MOST, decideRating, decideRectified, rectifyDueAt, type RatingReason, type RatingRecord, type RectifyReason } from '../domain/satisfaction/rating.ts';
import { recordAccountability } from '../db/accountability.ts';
import { findCase } from '../db/case-repository.ts';
import { findDepartment, loadOffice } from '../db/org-repository.ts';
import { creditedFor, findRating, insertRating, storeRectified } from '../db/rating-repository.ts';
import { renderRectificationNotice } from '../messages/satisfaction-replies.ts';
import type { UseCaseContext } from './context.ts';

export type RateResult =
  | { kind: 'done'; case: CaseRecord; rating: RatingRecord }
  | { kind: 'not_found'; no: number }
  | { kind: 'rejected'; case: CaseRecord; reasons: RatingReason[] };

/**
 * 回访 #no 评价 [说明]: the office, or whoever handled the case, records the applicant's rating once
 * the case is finished. 不满意 or worse is recorded for the office and opens a rectification due in
 * 5 working days, of which the person credited with the case is told.
 */
export async function rateCase(ctx: UseCaseContext, input: { caseNo: number; rating: number; note?: string }): Promise<RateResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const credited = (await creditedFor(ctx.tx, c.no)) ?? { person: c.handler, department: c.department };
  const office = await loadOffice(ctx.tx);
  const may = office?.members.includes(ctx.actor.userid) === true || ctx.actor.userid === c.handler || ctx.actor.userid === credited.person;
  const reasons = decideRating(c, await findRating(ctx.tx, c.no), may);
  if (reasons.length > 0) return { kind: 'rejected', case: c, reasons };

  const dissatisfied = input.rating <= DISSATISFIED_AT_MOST;
  const rating: RatingRecord = {
    caseNo: c.no,
    rating: input.rating,
    note: input.note ?? null,
    by: ctx.actor.userid,
    at: ctx.now,
    ...credited,
    rectifyDueAt: dissatisfied ? rectifyDueAt(ctx.now, ctx.calendar) : null,
    rectifiedAt: null,
    rectifiedNote: null,
  };
  if (!(await insertRating(ctx.tx, rating))) {
    const existing = (await findRating(ctx.tx, c.no)) ?? rating;
    return { kind: 'rejected', case: c, reasons: [{ code: 'already_rated', rating: existing.rating, at: existing.at }] };
  }
  if (dissatisfied && rating.rectifyDueAt) {
    await recordAccountability(ctx.tx, {
      key: `dissatisfied:${c.no}`,
      at: ctx.now,
      kind: 'dissatisfied',
      subject: credited.person,
      person: credited.person,
      department: credited.department,
      caseNo: c.no,
      detail: { rating: input.rating, note: input.note ?? null, ratedBy: ctx.actor.userid },
    });
    if (credited.person !== ctx.actor.userid) {
      ctx.send({ key: `rating:${c.no}:rectify`, toUser: credited.person, kind: 'text', payload: { content: renderRectificationNotice(c, rating, ctx.now) } });
    }
  }
  return { kind: 'done', case: c, rating };
}

export type RectifyResult =
  | { kind: 'done'; case: CaseRecord; rating: RatingRecord }
  | { kind: 'not_found'; no: number }
  | { kind: 'rejected'; case: CaseRecord; reasons: RectifyReason[] };

/** 整改 #no 整改情况: the person credited with the case, or their head, reports the rectification done. */
export async function reportRectified(ctx: UseCaseContext, input: { caseNo: number; note: string }): Promise<RectifyResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const rating = await findRating(ctx.tx, c.no);
  const head = rating ? ((await findDepartment(ctx.tx, rating.department))?.head ?? null) : null;
  const reasons = decideRectified(rating, rating !== null && (ctx.actor.userid === rating.person || ctx.actor.userid === head));
  if (reasons.length > 0 || !rating) return { kind: 'rejected', case: c, reasons };
  if (!(await storeRectified(ctx.tx, c.no, ctx.now, input.note))) return { kind: 'rejected', case: c, reasons: [{ code: 'already_rectified', at: ctx.now }] };
  return { kind: 'done', case: c, rating: { ...rating, rectifiedAt: ctx.now, rectifiedNote: input.note } };
}
