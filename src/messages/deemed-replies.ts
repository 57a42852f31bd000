import type { CaseRecord } from '../domain/case/case.ts';
import { formatDeadline, nameOf } from './format.ts';

/**
 * R3 §5: what the handler, the department head and the office are told when a request lapses into
 * approval. `noticeDueAt`: set for the handler, who owes the applicant the written answer by then.
 */
export function renderDeemedApprovalNotice(c: CaseRecord, deptName: string, names: ReadonlyMap<string, string>, now: Date, noticeDueAt?: Date): string {
  const due = c.dueAt ? formatDeadline(c.dueAt, now) : '';
  const lines = [
    `【视为同意】请示性事项 #${c.no} 未在期限（${due}）内答复，按限时办结制第五条视为默认同意，由此产生的后果由办理单位${deptName}负责。`,
    `当事人：${c.applicant}；事由：${c.matter}；承办人：${nameOf(names, c.handler)}`,
    '已记录责任追究，报办公室备案。',
  ];
  if (noticeDueAt) {
    lines.push(`请于 ${formatDeadline(noticeDueAt, now)}前书面告知当事人${c.applicant}视为同意的结果。`, `告知后请发送：告知 #${c.no} 告知方式`);
  }
  return lines.join('\n');
}

/** The reminder of that written answer, on its due day (to the handler, or whoever covers them). */
export function renderDeemedNoticeReminder(c: { no: number; applicant: string }, dueAt: Date, now: Date): string {
  return [
    `【书面告知提醒】请示性事项 #${c.no} 已视为同意，书面告知期限今天届满。`,
    `请于 ${formatDeadline(dueAt, now)}前书面告知当事人${c.applicant}视为同意的结果。`,
    `告知后请发送：告知 #${c.no} 告知方式`,
  ].join('\n');
}
