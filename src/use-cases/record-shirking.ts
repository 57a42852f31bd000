import type { CaseEventRecord, CaseRecord } from '../domain/case/case.ts';
import { SHIRKING_HAND_OFFS, handOffCount } from '../domain/case/first-inquiry.ts';
import { recordAccountability } from '../db/accountability.ts';
import type { UseCaseContext } from './context.ts';

/**
 * R8 (and 服务承诺制 §5, 不推诿扯皮): when a hand-off is the case's third (transfers and returns
 * together), the case is recorded once as a shirked referral, against whoever made that hand-off,
 * with every hand-off listed so that the office can see who passed it on and decide.
 */
export async function recordShirkingIfDue(ctx: UseCaseContext, c: CaseRecord, history: readonly CaseEventRecord[]): Promise<boolean> {
  if (handOffCount(history) !== SHIRKING_HAND_OFFS) return false;
  const handOffs = history
    .filter((e) => e.action === 'transferred' || e.action === 'sent_back')
    .map((e) => ({ at: e.at.toISOString(), action: e.action, by: e.actor, from: e.detail.from ?? null, to: e.detail.to ?? null }));
  return recordAccountability(ctx.tx, {
    key: `shirked_referral:${c.no}`,
    at: ctx.now,
    kind: 'shirked_referral',
    subject: ctx.actor.userid,
    person: ctx.actor.userid,
    department: c.department,
    caseNo: c.no,
    detail: { handOffs },
  });
}
