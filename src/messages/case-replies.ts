import { clip } from '../shared/clip.ts';
import type { ServiceInfo } from '../domain/org/org-records.ts';
import { SYSTEM_ACTOR } from '../domain/case/authorization.ts';
import { isActive, isOverdue, type CaseEventRecord, type CaseRecord } from '../domain/case/case.ts';
import type { Reason } from '../domain/case/decision.ts';
import { fitList } from './fit-bytes.ts';
import { CHANNEL_ZH, CLASS_ZH, STATUS_ZH, formatDeadline, formatInstant, nameOf } from './format.ts';
import { reasonText } from './reason-text.ts';
import { maskPhone } from '../domain/org/visibility.ts';

type Names = ReadonlyMap<string, string>;

/** 限时办结制 §5, said wherever a 请示's deadline is. */
export const DEEMED_WARNING = '逾期未答复将视为同意';

export const PROVISIONAL_NOTE = '注：所涉年份的节假日安排尚未公布，期限暂按法定节假日计算，公布后将复核。';

/** The label of a case in a reply: its service or class, and how it came (an internal matter came from within). */
export function caseLabel(c: CaseRecord, service: ServiceInfo | null): string {
  const what = service ? `${service.code} ${service.name}` : CLASS_ZH[c.cls];
  return c.channel === 'internal' ? what : `${what}，${CHANNEL_ZH[c.channel]}`;
}

/** The deadline in a list line: none while the clock is paused (R5: it is counted afresh once the materials are in). */
export function dueInList(c: Pick<CaseRecord, 'dueAt' | 'pausedAt' | 'status'>, now: Date): string {
  if (c.pausedAt !== null && isActive(c.status)) return '补齐材料后重新计算';
  return c.dueAt ? formatDeadline(c.dueAt, now) : '未设定';
}

export function deadlineLine(c: CaseRecord, now: Date): string {
  if (c.pausedAt !== null && isActive(c.status)) return '办理期限：计时暂停，当事人补齐材料后重新计算';
  if (c.dueAt === null) return '办理期限：未设定';
  // A closed case's deadline is history, not an instruction.
  if (!isActive(c.status)) return `原办理期限：${formatDeadline(c.dueAt, now)}`;
  const base = `办理期限：${formatDeadline(c.dueAt, now)}前`;
  if (c.cls === 'instruction') return `${base}（${DEEMED_WARNING}）`;
  return c.cls === 'consultation' ? `能即时答复的请即时答复；不能即时答复的，${base}` : base;
}

export function renderRegistered(c: CaseRecord, service: ServiceInfo | null, names: Names, now: Date): string {
  const lines = [
    `已登记 #${c.no}（${caseLabel(c, service)}）`,
    `当事人：${c.applicant}${c.phone ? ` ${c.phone}` : ''}`,
    `事由：${c.matter}`,
    `承办人：${nameOf(names, c.handler)}（首问责任人）`,
    deadlineLine(c, now),
  ];
  if (c.dueProvisional) lines.push(PROVISIONAL_NOTE);
  lines.push(`办结请发送：办结 #${c.no} 办理结果`);
  return lines.join('\n');
}

/** 即答: registered and finished in one step. */
export function renderAnsweredAtOnce(c: CaseRecord, service: ServiceInfo | null, names: Names): string {
  return [
    `已登记并办结 #${c.no}（${caseLabel(c, service)}），即时答复。`,
    `当事人：${c.applicant}${c.phone ? ` ${c.phone}` : ''}`,
    `事由：${c.matter}`,
    `答复：${c.result ?? ''}`,
    `承办人：${nameOf(names, c.handler)}（首问责任人）`,
  ].join('\n');
}

export function renderUnknownService(ref: string, suggestions: string[]): string {
  const hint = suggestions.length > 0 ? `您是否要找：${suggestions.join('；')}？` : '发送“指南 事项名称”可查询事项清单。';
  return `未找到类别或事项“${ref}”。类别可用：审核、批复、咨询、维权、内部、请示，或事项清单中的编号、名称。${hint}`;
}

/** `onTime`: as judged by the finish rule (a paused clock does not run late); defaults to now vs. due. */
export function renderFinished(c: CaseRecord, now: Date, onTime?: boolean): string {
  const lateNow = onTime === undefined ? c.dueAt !== null && now > c.dueAt : !onTime;
  const late = lateNow ? '（已超过办理期限，已记录超期，报办公室备案）' : '';
  return `#${c.no} 已办结${late}。结果：${c.result ?? ''}`;
}

/** 首问负责制 §4: to the first responder of a referred case, when it is finished. */
export function renderFinishedToFirstResponder(c: CaseRecord, by: string, names: Names): string {
  return `【办结】您首问的 #${c.no}（${c.applicant}：${c.matter.slice(0, 20)}）已由${nameOf(names, by)}办结。结果：${c.result ?? ''}`;
}

export function renderNotFound(no: number): string {
  return `未找到案件 #${no}，请核对编号。发送“待办”可查看您的案件。`;
}

/** Every reason at once (nothing was changed); a wrong material also gets the service's full list. */
export function renderRejections(c: CaseRecord, reasons: Reason[], names: Names): string {
  const lines = reasons.map((r, i) => `${i + 1}. ${reasonText(c, r, names)}`);
  const valid = reasons.flatMap((r) => (r.code === 'unknown_material' ? [r.valid] : []))[0];
  const list = valid ? [`本事项材料清单：${valid.map((m, i) => `${i + 1}. ${m}`).join('；')}（可写序号，如“补正 #${c.no} 1、3”，或“全部”）`] : [];
  return [`#${c.no} 未能办理，原因如下：`, ...lines, ...list].join('\n');
}

/** 查 of a case outside the sender's sight: nothing of it is said. */
export function renderCaseHidden(no: number): string {
  return `您无权查看 #${no}：案件仅对经办人、B岗顶岗人、首问责任人、本部室负责人、分管领导、主要负责人和办公室开放。`;
}

export function renderCaseDetail(c: CaseRecord, history: CaseEventRecord[], names: Names, now: Date, options: { maskPhone?: boolean; link?: string } = {}): string {
  const overdue = isOverdue(c, now) ? '（已超期）' : '';
  const phone = c.phone ? (options.maskPhone ? maskPhone(c.phone) : c.phone) : null;
  const lines = [
    `#${c.no} ${STATUS_ZH[c.status]}${overdue}`,
    `类别：${CLASS_ZH[c.cls]}${c.serviceCode ? `（${c.serviceCode}）` : ''}；渠道：${CHANNEL_ZH[c.channel]}`,
    `当事人：${c.applicant}${phone ? ` ${phone}` : ''}`,
    `事由：${c.matter}`,
    `承办人：${nameOf(names, c.handler)}；首问责任人：${nameOf(names, c.firstResponder)}`,
    `受理时间：${formatInstant(c.receivedAt)}`,
    deadlineLine(c, now),
  ];
  if (c.result) lines.push(`结果：${c.result}`);
  lines.push('办理记录：');
  for (const e of history.slice(-10)) lines.push(`· ${formatInstant(e.at)} ${historyLine(e, names)}`);
  if (options.link) lines.push(`详情：${options.link}`);
  return lines.join('\n');
}

/** 待办's lines after the cases: decisions waiting for the sender, and a head's overdue count, with links. */
export function renderTodoExtras(
  decisions: readonly { kind: 'refusal' | 'extension'; caseNo: number; days?: number }[],
  overdue: readonly { name: string; count: number; link: string }[],
  publicBaseUrl: string,
): string[] {
  const lines: string[] = [];
  if (decisions.length > 0) {
    lines.push(`等待您决定 ${decisions.length} 件：`);
    for (const d of decisions.slice(0, 10)) {
      const what = d.kind === 'refusal' ? '不予办理报备' : `延期申请 ${d.days ?? 0} 个工作日`;
      lines.push(`#${d.caseNo} ${what} ${publicBaseUrl}/app/cases/${d.caseNo}`);
    }
  }
  for (const o of overdue) lines.push(`${o.name}：本部门超期 ${o.count} 件 ${o.link}`);
  return lines;
}

/** `covering`: case no → how the actor covers it for its absent handler (R7), e.g. B岗顶岗. */
export function renderTodo(cases: CaseRecord[], actor: string, names: Names, now: Date, covering: ReadonlyMap<number, string> = new Map()): string {
  if (cases.length === 0) return '您目前没有待办案件。';
  const lines: string[] = [];
  for (const c of cases.slice(0, 20)) {
    const due = dueInList(c, now);
    const flag = isOverdue(c, now) ? '【已超期】' : '';
    const via = covering.get(c.no);
    const role = via ? `（${via}，代${nameOf(names, c.handler)}办理）` : c.handler === actor ? '' : `（首问，现由${nameOf(names, c.handler)}承办）`;
    lines.push(`#${c.no} ${flag}${c.applicant}：${clip(c.matter, 20)}｜${STATUS_ZH[c.status]}｜期限 ${due}${role}`);
  }
  // Within WeCom's 2048 bytes: later (less urgent) lines give way first.
  const head = [`您有 ${cases.length} 件待办（期限近的在前）：`];
  return fitList(head, lines, [], (n) => `……另有 ${n} 件，请登录查看。`, { hidden: cases.length - lines.length });
}

const ACTION_ZH: Record<string, string> = {
  registered: '登记',
  finished: '办结',
  transferred: '转办',
  sent_back: '退回',
  referred_out: '外转',
  marked_urgent: '报告紧急情况',
  materials_requested: '一次性告知补正材料（计时暂停）',
  materials_completed: '材料补齐（重新计时）',
  refusal_filed: '提出不予办理报备',
  refusal_approved: '同意不予办理',
  written_notice_given: '登记已书面告知当事人',
  refusal_overturned: '纠正（恢复办理）',
  refusal_escalated: '上报主要负责人',
  deemed_approved: '逾期未答复，视为同意',
  extension_requested: '申请延期',
  extension_approved: '同意延期',
  extension_refused: '不同意延期',
  assigned_on_return: '留言卡事项转由返岗人员办理',
  handed_over_on_leaving: '原经办人已离开单位，转交接办',
};

/** "李华 转办给陈静": who did what, with the one fact that matters most for each action. */
/** One history event in words (查 and the workbench's case page). */
export function historyLineOf(e: CaseEventRecord, names: Names): string {
  return historyLine(e, names);
}

function historyLine(e: CaseEventRecord, names: Names): string {
  const who = e.actor === SYSTEM_ACTOR ? '系统' : nameOf(names, e.actor);
  const d = e.detail;
  const what = ACTION_ZH[e.action] ?? e.action;
  if (e.action === 'transferred' && typeof d.to === 'string') return `${who} 转办给${nameOf(names, d.to)}`;
  if (e.action === 'sent_back' && typeof d.to === 'string') return `${who} 退回给${nameOf(names, d.to)}`;
  if (e.action === 'assigned_on_return' && typeof d.to === 'string') return `${who} 转给返岗的${nameOf(names, d.to)}办理（留言卡）`;
  if (e.action === 'handed_over_on_leaving' && typeof d.to === 'string' && typeof d.from === 'string') return `${who} 因${nameOf(names, d.from)}离开单位，转交${nameOf(names, d.to)}办理`;
  if (e.action === 'referred_out' && typeof d.competentBody === 'string') return `${who} 外转至${d.competentBody}`;
  if (e.action === 'materials_requested' && typeof d.number === 'string') return `${who} ${what}，告知书 ${d.number}`;
  if (e.action === 'extension_requested' && typeof d.days === 'number') return `${who} 申请延期 ${d.days} 个工作日`;
  if (e.action === 'extension_approved' && typeof d.days === 'number') return `${who} 同意延期 ${d.days} 个工作日`;
  return `${who} ${what}`;
}
