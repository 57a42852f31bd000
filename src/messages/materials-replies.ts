/** Texts of 补正 and 补齐 (R5): the one-time notice as the sender reads it out, and the restarted clock. */
import type { CaseRecord } from '../domain/case/case.ts';
import { WORKING_DAYS_BY_CLASS, isTimeLimitClass } from '../domain/time-limit-class.ts';
import type { MaterialsNoticeRecord } from '../db/materials-notice-repository.ts';
import { deadlineLine } from './case-replies.ts';
import { fitList } from './fit-bytes.ts';
import { CLASS_ZH } from './format.ts';

/** The time limit as the applicant is told it: counted from the day the materials are complete. */
export function timeLimitText(cls: string | null, promisedDays: number | null): string {
  if (cls === null || !isTimeLimitClass(cls)) return '按本单位服务承诺办理';
  if (cls === 'internal') return '按领导交办要求及时办结';
  const days = Math.min(WORKING_DAYS_BY_CLASS[cls], promisedDays ?? Infinity);
  if (cls === 'consultation') return `能即时答复的即时答复；不能即时答复的，材料补齐后 ${days} 个工作日内答复`;
  if (cls === 'rights') return `材料补齐后 ${days} 个工作日内提出具体办理结果`;
  return `材料补齐后 ${days} 个工作日内办结`;
}

export function renderMaterialsRequested(
  c: CaseRecord,
  n: MaterialsNoticeRecord,
  link: string,
  violation: { firstNotice: string; materials: string[] } | null,
): string {
  const matter = n.items.serviceCode ? `${n.items.serviceCode} ${n.items.serviceName ?? ''}`.trim() : CLASS_ZH[c.cls];
  const head = [
    `已出具一次性告知书 ${n.number}，#${c.no} 计时暂停。请一次性告知当事人${c.applicant}：`,
    `事项：${matter}`,
    `依据：${n.basis ?? '按本单位服务承诺及有关规定'}`,
    `办理时限：${timeLimitText(n.timeLimit, n.items.promisedDays)}`,
    `办理程序：${n.procedure ?? '补齐材料后由承办人审核办理'}`,
    `需补正的材料（共 ${n.items.materials.length} 项）：`,
  ];
  const tail: string[] = [];
  if (violation) {
    tail.push(
      `⚠ 注意：“${violation.materials.join('、')}”不在第一次告知书 ${violation.firstNotice} 中。一次性告知制要求首次即告知全部材料，此次补充告知已记为违规，报办公室备案。`,
    );
  }
  tail.push(`书面告知书（可打印）：${link}`, `当事人补齐后请发送“补齐 #${c.no}”，计时重新开始。`);
  // The written notice always has the whole list; a very long one is shortened here, never the link.
  const items = n.items.materials.map((m, i) => `${i + 1}. ${m}`);
  return fitList(head, items, tail, (left) => `……另有 ${left} 项，见书面告知书。`);
}

export function renderMaterialsCompleted(c: CaseRecord, now: Date): string {
  return [`#${c.no} 材料已补齐，重新计时。`, deadlineLine(c, now)].join('\n');
}
