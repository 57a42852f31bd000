import type { RefusalFilingRecord } from '../domain/case/refusal.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import { sendRefusalCard } from './refusal-cards/send-refusal-card.ts';
import type { UseCaseContext } from './context.ts';

/**
 * Tells the leader a refusal filing waits for them. The one place that does: the interactive card
 * (同意不予办理 / 予以纠正 / 提交主要负责人, issue 4); the text commands stay valid beside it.
 */
export async function notifyRefusalFiled(ctx: UseCaseContext, filing: RefusalFilingRecord, c: CaseRecord): Promise<void> {
  await sendRefusalCard(ctx, filing, c, 'leader');
}
