import type { ComplaintRecord } from '../domain/complaint/complaint.ts';
import { formatDeadline, formatInstant } from './format.ts';
import { clipBytes } from './fit-bytes.ts';

/** How the office answers; shown to the office with every new complaint, since 帮助 does not list it. */
export const ANSWER_USAGE = '答复投诉 编号 属实|不属实 答复内容';

export function renderComplaintFiled(c: ComplaintRecord, mentioned: number | null, now: Date): string {
  const lines = [`已受理您的效能投诉，编号 ${c.id}。`];
  if (c.caseNo !== null) lines.push(`关联事项：#${c.caseNo}`);
  else if (mentioned !== null) lines.push(`未找到事项 #${mentioned}，已按未关联具体事项受理。`);
  lines.push(`办公室将于 ${formatDeadline(c.dueAt, now)}前答复您。`);
  return lines.join('\n');
}

export function renderComplaintToOffice(c: ComplaintRecord, complainant: string, now: Date, departments: ReadonlyMap<string, string> = new Map()): string {
  const who = c.channel === 'public' ? `群众${complainant}（网上投诉${c.contactPhone ? `，电话 ${c.contactPhone}` : ''}）` : complainant;
  const head = [`【效能投诉 编号 ${c.id}】${who} ${formatInstant(c.at)} 提出${c.caseNo !== null ? `（关联事项 #${c.caseNo}）` : ''}：`];
  const about = [c.aboutDepartment ? (departments.get(c.aboutDepartment) ?? c.aboutDepartment) : null, c.aboutPerson].filter((x): x is string => !!x);
  if (about.length > 0) head.push(`反映对象：${about.join(' ')}`);
  const tail = [`答复期限：${formatDeadline(c.dueAt, now)}`, `核查后请发送：${ANSWER_USAGE}`, `例如：答复投诉 ${c.id} 属实 已约谈当事人并督促办结`];
  const fixed = [...head, '', ...tail].join('\n');
  const room = 2048 - Buffer.byteLength(fixed, 'utf8');
  return [...head, clipBytes(c.content, room), ...tail].join('\n');
}

export function renderComplaintAnswered(c: ComplaintRecord, subjectName: string | null, recorded: boolean, now: Date): string {
  const told = c.channel === 'public' ? '答复已显示在投诉人的查询页面' : '已通知投诉人';
  const lines = [`已答复投诉 ${c.id}（${c.upheld ? '属实' : '不属实'}），${told}${c.channel === 'public' && c.contactPhone ? `，也可电话告知（${c.contactPhone}）` : ''}。`];
  if (c.answeredAt && c.answeredAt > c.dueAt) lines.push(`注意：已超过答复期限（${formatDeadline(c.dueAt, now)}）。`);
  if (c.upheld) {
    lines.push(
      subjectName
        ? `已记入责任追究记录，责任人：${subjectName}${recorded ? '' : '（此前已记录）'}。`
        : '已记入责任追究记录，责任人待办公室认定。',
    );
  }
  return lines.join('\n');
}

export function renderAnswerToComplainant(c: ComplaintRecord): string {
  return clipBytes(`您 ${formatInstant(c.at)} 提出的效能投诉（编号 ${c.id}）已有答复：经核查${c.upheld ? '属实' : '不属实'}。\n答复：${c.answer ?? ''}`);
}

export function renderComplaintRejected(r: { kind: 'not_office' } | { kind: 'not_found'; id: number } | { kind: 'already'; complaint: ComplaintRecord }): string {
  switch (r.kind) {
    case 'not_office':
      return '抱歉，效能投诉由办公室答复，您不是办公室工作人员，未作任何更改。';
    case 'not_found':
      return `未找到编号为 ${r.id} 的效能投诉，请核对编号。未作任何更改。`;
    case 'already':
      return `投诉 ${r.complaint.id} 已于 ${r.complaint.answeredAt ? formatInstant(r.complaint.answeredAt) : ''} 答复（${r.complaint.upheld ? '属实' : '不属实'}），不能重复答复，未作任何更改。`;
  }
}
