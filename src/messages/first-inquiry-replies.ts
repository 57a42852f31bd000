/** Texts of 转办, 外转 and 紧急 (R4): the sender's reply and the messages to the people told. */
import type { CaseRecord } from '../domain/case/case.ts';
import { deadlineLine } from './case-replies.ts';
import { nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;

function caseLines(c: CaseRecord, now: Date): string[] {
  return [`当事人：${c.applicant}${c.phone ? ` ${c.phone}` : ''}`, `事由：${c.matter}`, deadlineLine(c, now)];
}

export function renderTransferred(c: CaseRecord, deptName: string, departmentAway: boolean, actorIsFirstResponder: boolean, names: Names, recordedShirking = false): string {
  const lines = [`已将 #${c.no} 转办给${nameOf(names, c.handler)}（${deptName}），对方已收到通知，此后由其承办。`];
  if (departmentAway) lines.push(`${deptName}人员目前均不在岗，已同时告知办公室和部室负责人，待其返岗后跟进。`);
  if (actorIsFirstResponder) lines.push('您是首问责任人，在对方办结前仍可在“待办”中看到此事项。');
  if (recordedShirking) lines.push(SHIRKING_NOTE);
  return lines.join('\n');
}

export function renderTransferNotice(c: CaseRecord, from: string, note: string | null, names: Names, now: Date): string {
  return [
    `【转办】${nameOf(names, from)}将 #${c.no} 转给您办理，请及时处理。`,
    ...caseLines(c, now),
    ...(note ? [`附言：${note}`] : []),
    `首问责任人：${nameOf(names, c.firstResponder)}`,
    `详情请发送“查 #${c.no}”；办结请发送“办结 #${c.no} 办理结果”。`,
  ].join('\n');
}

/** To the one who sent 退回: the case is back with whoever transferred it. */
export function renderSentBack(c: CaseRecord, recordedShirking: boolean, names: Names): string {
  const lines = [`已将 #${c.no} 退回给${nameOf(names, c.handler)}，退回理由已一并告知，此后由其承办。`];
  if (recordedShirking) lines.push(SHIRKING_NOTE);
  return lines.join('\n');
}

/** To whoever transferred the case: it is theirs again, with the reasons. */
export function renderSentBackNotice(c: CaseRecord, from: string, reason: string, names: Names, now: Date): string {
  return [
    `【退回】${nameOf(names, from)}将 #${c.no} 退回给您，理由：${reason}`,
    ...caseLines(c, now),
    `首问责任人：${nameOf(names, c.firstResponder)}`,
    `请重新确定承办人：自己办理，或发送“转办 #${c.no} 人名或部门”。`,
  ].join('\n');
}

/** To the first responder (R4: they stay responsible for where the request goes). */
export function renderSentBackToFirstResponder(c: CaseRecord, from: string, reason: string, names: Names): string {
  return `【退回】#${c.no} 被${nameOf(names, from)}退回给${nameOf(names, c.handler)}，理由：${reason}。您是首问责任人，请关注其办理。`;
}

/** Added when a hand-off was the third of one case (推诿, R8). */
export const SHIRKING_NOTE = '本事项已多次转办或退回，已报办公室备案。';

/** R7 §6: a department entirely out still takes the case; the office and the department hear of it. */
export function renderDepartmentAwayNotice(c: CaseRecord, deptName: string, names: Names, now: Date): string {
  return [
    `【部室全员不在岗】#${c.no} 已转办至${deptName}（承办人：${nameOf(names, c.handler)}），该部室人员目前均不在岗。`,
    ...caseLines(c, now),
    '请部室人员返岗后及时与当事人联系并按规定办理。',
  ].join('\n');
}

export function renderReferredOut(c: CaseRecord, competentBody: string, explanation: string): string {
  return [
    `#${c.no} 已外转并结案：不属于本单位职责范围。`,
    `承办单位：${competentBody}`,
    `说明：${explanation}`,
    '请向当事人做好解释，并告知或帮助其联系承办单位。',
  ].join('\n');
}

export function renderUrgentRecorded(c: CaseRecord, principal: string | null, alerted: boolean, names: Names): string {
  if (alerted && principal) return `已记录 #${c.no} 的紧急情况，并已立即报告主要负责人${nameOf(names, principal)}。`;
  if (principal) return `已记录 #${c.no} 的紧急情况。`;
  return `已记录 #${c.no} 的紧急情况。本单位尚未设置主要负责人，请直接电话报告单位负责人。`;
}

export function renderUrgentAlert(c: CaseRecord, reporter: string, note: string, names: Names, now: Date): string {
  return [
    `【紧急】${nameOf(names, reporter)}报告 #${c.no} 特别紧急重大：${note}`,
    ...caseLines(c, now),
    `承办人：${nameOf(names, c.handler)}；首问责任人：${nameOf(names, c.firstResponder)}`,
    `详情请发送“查 #${c.no}”。`,
  ].join('\n');
}
