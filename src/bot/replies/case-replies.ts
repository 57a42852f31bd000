import { isOverdue, type CaseEventRecord, type CaseRecord } from '../../domain/case/case.ts';
import type { Refusal } from '../../domain/case/finish.ts';
import type { ServiceInfo } from '../../db/org-repository.ts';
import { CHANNEL_ZH, CLASS_ZH, STATUS_ZH, formatDeadline, formatInstant, nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;

const PROVISIONAL_NOTE = '注：所涉年份的节假日安排尚未公布，期限暂按法定节假日计算，公布后将复核。';

export function deadlineLine(c: CaseRecord, now: Date): string {
  if (c.dueAt === null) return '办理期限：未设定';
  const base = `办理期限：${formatDeadline(c.dueAt, now)}前`;
  return c.cls === 'consultation' ? `能即时答复的请即时答复；不能即时答复的，${base}` : base;
}

export function renderRegistered(c: CaseRecord, service: ServiceInfo | null, names: Names, now: Date): string {
  const lines = [
    `已登记 #${c.no}（${service ? `${service.code} ${service.name}` : CLASS_ZH[c.cls]}，${CHANNEL_ZH[c.channel]}）`,
    `当事人：${c.applicant}${c.phone ? ` ${c.phone}` : ''}`,
    `事由：${c.matter}`,
    `承办人：${nameOf(names, c.handler)}（首问责任人）`,
    deadlineLine(c, now),
  ];
  if (c.dueProvisional) lines.push(PROVISIONAL_NOTE);
  lines.push(`办结请发送：办结 #${c.no} 办理结果`);
  return lines.join('\n');
}

export function renderUnknownService(ref: string, suggestions: string[]): string {
  const hint = suggestions.length > 0 ? `您是否要找：${suggestions.join('；')}？` : '发送“指南 事项名称”可查询事项清单。';
  return `未找到类别或事项“${ref}”。类别可用：审核、批复、咨询、维权、内部、请示，或事项清单中的编号、名称。${hint}`;
}

export function renderFinished(c: CaseRecord, now: Date): string {
  const late = c.dueAt !== null && now > c.dueAt ? '（已超过办理期限）' : '';
  return `#${c.no} 已办结${late}。结果：${c.result ?? ''}`;
}

export function renderNotFound(no: number): string {
  return `未找到案件 #${no}，请核对编号。发送“待办”可查看您的案件。`;
}

export function renderRefusals(c: CaseRecord, reasons: Refusal[], names: Names): string {
  const lines = reasons.map((r, i) => `${i + 1}. ${refusalText(c, r, names)}`);
  return [`#${c.no} 未能办理，原因如下：`, ...lines].join('\n');
}

function refusalText(c: CaseRecord, r: Refusal, names: Names): string {
  switch (r.code) {
    case 'not_allowed':
      return `此操作只能由承办人${nameOf(names, c.handler)}或其 B 岗顶岗人员办理。`;
    case 'wrong_status':
      return `案件当前状态为“${STATUS_ZH[c.status]}”，不能进行此操作。`;
    default:
      return `不能办理（${r.code}）。`;
  }
}

export function renderCaseDetail(c: CaseRecord, history: CaseEventRecord[], names: Names, now: Date): string {
  const overdue = isOverdue(c, now) ? '（已超期）' : '';
  const lines = [
    `#${c.no} ${STATUS_ZH[c.status]}${overdue}`,
    `类别：${CLASS_ZH[c.cls]}${c.serviceCode ? `（${c.serviceCode}）` : ''}；渠道：${CHANNEL_ZH[c.channel]}`,
    `当事人：${c.applicant}${c.phone ? ` ${c.phone}` : ''}`,
    `事由：${c.matter}`,
    `承办人：${nameOf(names, c.handler)}；首问责任人：${nameOf(names, c.firstResponder)}`,
    `受理时间：${formatInstant(c.receivedAt)}`,
    deadlineLine(c, now),
  ];
  if (c.result) lines.push(`结果：${c.result}`);
  lines.push('办理记录：');
  for (const e of history.slice(-10)) lines.push(`· ${formatInstant(e.at)} ${nameOf(names, e.actor)} ${ACTION_ZH[e.action] ?? e.action}`);
  return lines.join('\n');
}

export function renderTodo(cases: CaseRecord[], actor: string, names: Names, now: Date): string {
  if (cases.length === 0) return '您目前没有待办案件。';
  const lines = [`您有 ${cases.length} 件待办（期限近的在前）：`];
  for (const c of cases.slice(0, 20)) {
    const due = c.dueAt ? formatDeadline(c.dueAt, now) : '未设定';
    const flag = isOverdue(c, now) ? '【已超期】' : '';
    const role = c.handler === actor ? '' : `（首问，现由${nameOf(names, c.handler)}承办）`;
    lines.push(`#${c.no} ${flag}${c.applicant}：${c.matter.slice(0, 20)}｜${STATUS_ZH[c.status]}｜期限 ${due}${role}`);
  }
  if (cases.length > 20) lines.push(`……另有 ${cases.length - 20} 件，请登录查看。`);
  return lines.join('\n');
}

const ACTION_ZH: Record<string, string> = {
  registered: '登记',
  finished: '办结',
};
