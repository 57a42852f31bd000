/** Texts of the contacts sync: a member who left WeCom with open cases (AB岗 §4). */
import type { CaseRecord } from '../domain/case/case.ts';
import { deadlineLine } from './case-replies.ts';
import { nameOf } from './format.ts';
import { fitList } from './fit-bytes.ts';

const more = (n: number) => `……另有 ${n} 件，请在工作台查看。`;

type Names = ReadonlyMap<string, string>;

export interface HandedOver {
  case: CaseRecord;
  /** Who holds it now; null when nobody of the department is at work (it waits, the office sees it). */
  to: string | null;
}

/** To the department head: who left, and where each of their open cases went. */
export function renderLeaverReport(leaver: string, cases: readonly HandedOver[], names: Names, now: Date): string {
  const items = cases.map((h) => `#${h.case.no} ${h.case.applicant}：${h.case.matter}（${h.to ? `转交${nameOf(names, h.to)}` : '暂无人可接办，请您安排'}；${deadlineLine(h.case, now)}）`);
  const head = [`【人员变动】${nameOf(names, leaver)}已不在企业微信通讯录中，其 ${cases.length} 件未办结事项已转交：`];
  return fitList(head, items, ['请您关注办理进度；如需改派，可发送：转办 #编号 人名'], more);
}

/** To whoever takes over: the cases they now hold, with their deadlines. */
export function renderCasesTakenOver(leaver: string, cases: readonly CaseRecord[], names: Names, now: Date): string {
  const items = cases.map((c) => `#${c.no} ${c.applicant}：${c.matter}（${deadlineLine(c, now)}）`);
  return fitList([`【接办】${nameOf(names, leaver)}已离开单位，以下 ${cases.length} 件事项转由您办理：`], items, ['发送“待办”可查看全部事项。'], more);
}
