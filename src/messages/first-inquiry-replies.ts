/** Texts of 转办, 外转 and 紧急 (R4): the sender's reply and the messages to the people told. */
import type { CaseRecord } from '../domain/case/case.ts';
import type { Cover, CoverVia } from '../domain/coverage/who-covers.ts';
import { VIA_ZH } from './absence-replies.ts';
import { deadlineLine } from './case-replies.ts';
import { nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;

function caseLines(c: CaseRecord, now: Date): string[] {
  return [`当事人：${c.applicant}${c.phone ? ` ${c.phone}` : ''}`, `事由：${c.matter}`, deadlineLine(c, now)];
}

export interface TransferredView {
  deptName: string;
  departmentAway: boolean;
  /** Who acts for the new handler now (R7 §4); null: nobody is at work to act. */
  actingNow: Cover | null;
  actor: string;
  actorIsFirstResponder: boolean;
  recordedShirking?: boolean;
}

/** To the sender of 转办: who has the case now and, when they are away, who acts for them. */
export function renderTransferred(c: CaseRecord, v: TransferredView, names: Names): string {
  const handler = nameOf(names, c.handler);
  const present = v.actingNow?.via === 'handler';
  const lines = [`已将 #${c.no} 转办给${handler}（${v.deptName}），${present ? '对方已收到通知，' : ''}此后由其承办。`];
  const cover = v.actingNow && !present ? v.actingNow : null;
  if (cover) {
    const who = cover.userid === v.actor ? '您' : nameOf(names, cover.userid);
    lines.push(`${handler}目前不在岗，由${who}（${VIA_ZH[cover.via]}）代为办理${cover.userid === v.actor ? '' : `，已通知${who}`}。`);
  }
  if (v.departmentAway) lines.push(`${v.deptName}人员目前均不在岗，已同时告知办公室和部室负责人，待其返岗后跟进。`);
  else if (v.actingNow === null) lines.push(`${handler}目前不在岗，其B岗和部室负责人也不在岗，事项待其返岗后办理；如需尽快办理，请改转在岗人员。`);
  const { actorIsFirstResponder, recordedShirking = false } = v;
  if (actorIsFirstResponder) lines.push('您是首问责任人，在对方办结前仍可在“待办”中看到此事项。');
  if (recordedShirking) lines.push(SHIRKING_NOTE);
  return lines.join('\n');
}

/** To whoever covers an absent new handler (R7 §4): the case is theirs to act on now. */
export function renderTransferToCover(c: CaseRecord, from: string, via: CoverVia, note: string | null, names: Names, now: Date): string {
  const handler = nameOf(names, c.handler);
  return [
    `【转办】${nameOf(names, from)}将 #${c.no} 转给${handler}办理。${handler}不在岗，由您顶岗办理（${VIA_ZH[via]}）。`,
    ...caseLines(c, now),
    ...(note ? [`附言：${note}`] : []),
    `首问责任人：${nameOf(names, c.firstResponder)}`,
    `详情请发送“查 #${c.no}”；办结请发送“办结 #${c.no} 办理结果”。`,
  ].join('\n');
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
