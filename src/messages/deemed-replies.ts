import type { CaseRecord } from '../domain/case/case.ts';
import { formatDeadline, nameOf } from './format.ts';

/** R3 §5: what the handler, the department head and the office are told when a request lapses into approval. */
export function renderDeemedApprovalNotice(c: CaseRecord, deptName: string, names: ReadonlyMap<string, string>, now: Date): string {
  const due = c.dueAt ? formatDeadline(c.dueAt, now) : '';
  return [
    `【视为同意】请示性事项 #${c.no} 未在期限（${due}）内答复，按限时办结制第五条视为默认同意，由此产生的后果由办理单位${deptName}负责。`,
    `当事人：${c.applicant}；事由：${c.matter}；承办人：${nameOf(names, c.handler)}`,
    '已记录责任追究，报办公室备案。',
  ].join('\n');
}
