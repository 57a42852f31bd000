import { serviceLimitDays, type ServiceInfo } from '../domain/org/org-records.ts';
import { decideRequestMaterials, type MaterialRef } from '../domain/case/materials.ts';
import { recordAccountability } from '../db/accountability.ts';
import { findCase } from '../db/case-repository.ts';
import { insertNotice, listNotices, type MaterialsNoticeRecord } from '../db/materials-notice-repository.ts';
import { findService } from '../db/org-repository.ts';
import { newNoticeToken, noticeRef } from '../shared/notice-ref.ts';
import type { CaseActionResult } from './case-action-result.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';

export type RequestMaterialsResult = CaseActionResult<{
  notice: MaterialsNoticeRecord;
  service: ServiceInfo | null;
  /** The printable written notice (一次性告知书). */
  link: string;
  /** Set when this notice asks for something the first one should have listed (R5 §7, R8). */
  violation: { firstNotice: string; materials: string[] } | null;
}>;

/**
 * 补正 #no 材料… (R5): one notice with every missing material, checked against the service's list;
 * the clock pauses and the notice is kept. A later notice beyond the first one's list is a violation.
 */
export async function requestMaterials(ctx: UseCaseContext, input: { caseNo: number; all: boolean; materials: readonly MaterialRef[] }): Promise<RequestMaterialsResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', no: input.caseNo };
  const service = c.serviceCode ? await findService(ctx.tx, c.serviceCode) : null;
  const earlier = await listNotices(ctx.tx, c.no);
  const first = earlier[0] ?? null;
  const decision = decideRequestMaterials(
    c,
    { all: input.all, items: input.materials, serviceMaterials: service?.materials ?? null, firstNotice: first?.items.materials ?? null, earlierNotices: earlier.length },
    await transitionContextFor(ctx, c),
  );
  if (!decision.ok) return { kind: 'rejected', case: c, reasons: decision.reasons };

  const token = newNoticeToken();
  const notice: MaterialsNoticeRecord = {
    number: decision.number,
    caseNo: c.no,
    round: decision.round,
    at: ctx.now,
    actor: ctx.actor.userid,
    items: {
      materials: decision.materials,
      token,
      outsideFirstNotice: decision.outsideFirstNotice,
      serviceCode: service?.code ?? null,
      serviceName: service?.name ?? null,
      promisedDays: serviceLimitDays(service),
    },
    basis: service?.basis ?? null,
    procedure: service?.procedure ?? null,
    timeLimit: c.cls,
    fulfilledAt: null,
  };
  await insertNotice(ctx.tx, notice);
  const after = await commitTransition(ctx.tx, c, decision);

  let violation: { firstNotice: string; materials: string[] } | null = null;
  if (first && decision.outsideFirstNotice.length > 0) {
    violation = { firstNotice: first.number, materials: decision.outsideFirstNotice };
    await recordAccountability(ctx.tx, {
      key: `second_round_materials:${c.no}:${decision.round}`,
      at: ctx.now,
      kind: 'second_round_materials',
      // The one who gave the first notice missed these materials.
      subject: first.actor,
      person: first.actor,
      department: c.department,
      caseNo: c.no,
      detail: { notice: decision.number, firstNotice: first.number, materials: decision.outsideFirstNotice, askedBy: ctx.actor.userid },
    });
  }
  const link = `${ctx.publicBaseUrl}/notices/${noticeRef(notice.number, token)}`;
  return { kind: 'done', case: after, notice, service, link, violation };
}
