import { clip } from '../shared/clip.ts';
import type { OtherReminderKind } from '../domain/reminders/other-clocks.ts';
import { clipBytes } from './fit-bytes.ts';
import { formatDeadline, formatInstant, nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;

export interface FilingInfo {
  caseNo: number;
  filer: string;
  leader: string;
  reason: string;
  createdAt: Date;
  applicant: string;
  /** Who handles the case now (and so owes the written notice). */
  handler?: string;
}

const DECIDE = (no: number) => `同意请发送“同意 #${no}”；不同意请发送“纠正 #${no} 意见”`;

/** Refusal filings (R6): the leader and then the principal are reminded of an undecided filing. */
export function renderRefusalReminder(kind: 'refusal_leader' | 'refusal_principal', f: FilingInfo, names: Names): string {
  const filed = `${nameOf(names, f.filer)}于 ${formatInstant(f.createdAt)} 报备不予办理 #${f.caseNo}（当事人：${f.applicant}）`;
  const lines =
    kind === 'refusal_leader'
      ? [`【待您决定】${filed}，已过半个工作日，尚未决定。`, `理由：${clip(f.reason, 60)}`, `${DECIDE(f.caseNo)}。`]
      : [
          `【待决定提醒】${filed}，报分管领导${nameOf(names, f.leader)}已过一个工作日，尚未决定。`,
          `理由：${clip(f.reason, 60)}`,
          `请督促${nameOf(names, f.leader)}发送“同意 #${f.caseNo}”或“纠正 #${f.caseNo} 意见”；关系重大的，可由其发送“上报 #${f.caseNo}”提交您决定。`,
        ];
  return clipBytes(lines.join('\n'));
}

/** R6 §3: after an approved refusal, the applicant is told in writing within 7 days. */
export function renderNoticeReminder(kind: 'notice_day_before' | 'notice_due', f: FilingInfo, dueAt: Date, now: Date): string {
  const when = kind === 'notice_due' ? '今天' : '下个工作日';
  return clipBytes(
    [
      `【书面告知提醒】#${f.caseNo} 的不予办理已获同意，书面告知期限${when}届满。`,
      `请于 ${formatDeadline(dueAt, now)}前以规范性文件书面告知当事人${f.applicant}不予办理的理由（否定报备制度第三条）。`,
      `告知后请发送：告知 #${f.caseNo} 告知方式`,
    ].join('\n'),
  );
}

/** 否定报备 §3: the 7 days have passed without the written notice; the handler must act, the head and leader see to it. */
export function renderNoticeOverdue(f: FilingInfo, dueAt: Date, forHandler: boolean, names: Names, now: Date): string {
  const handler = nameOf(names, f.handler ?? f.filer);
  return clipBytes(
    [
      `【书面告知超期】#${f.caseNo} 的不予办理书面告知期限（${formatDeadline(dueAt, now)}）已过，尚未登记已书面告知当事人${f.applicant}。`,
      '已按否定报备制度第三条记录，报办公室备案。',
      forHandler ? `请尽快以规范性文件书面告知当事人。告知后请发送：告知 #${f.caseNo} 告知方式` : `请督促承办人${handler}尽快书面告知当事人。`,
    ].join('\n'),
  );
}

/** 否定报备 §4: a filing still undecided when the case's deadline passed, to the principal. */
export function renderRefusalUndecided(f: FilingInfo, decider: string, caseDueAt: Date, names: Names, now: Date, lapsed = false): string {
  const who = nameOf(names, decider);
  const recorded = `已按否定报备制度第四条记录${who}的责任，报办公室备案。`;
  return clipBytes(
    [
      `【报备逾期未决定】${nameOf(names, f.filer)}于 ${formatInstant(f.createdAt)} 报备不予办理 #${f.caseNo}（当事人：${f.applicant}），事项办理期限（${formatDeadline(caseDueAt, now)}）已过，${who}仍未决定。`,
      `理由：${f.reason.slice(0, 60)}`,
      lapsed
        ? `该请示性事项已逾期视为同意，报备无需再决定。${recorded}`
        : `${recorded}请督促尽快决定：发送“同意 #${f.caseNo}”或“纠正 #${f.caseNo} 意见”。`,
    ].join('\n'),
  );
}

/** Appended to a reminder sent to someone covering (R7) for the absent `absent`: "（X不在岗，由您顶岗。）". */
export function coveringNote(absent: string): string {
  return `\n（${absent}不在岗，由您顶岗。）`;
}

/** Efficiency complaints (R2 §6): the office head is reminded before the answer is due and when it is late. */
export function renderComplaintReminder(kind: Extract<OtherReminderKind, `complaint_${string}`>, c: { id: number; content: string; dueAt: Date }, now: Date): string {
  const head =
    kind === 'complaint_day_before'
      ? `【投诉答复提醒】效能投诉 编号 ${c.id} 下个工作日到期`
      : `【投诉答复提醒】效能投诉 编号 ${c.id} 已超过答复期限`;
  return clipBytes(
    [head, `内容：${clip(c.content, 60)}`, `答复期限：${formatDeadline(c.dueAt, now)}前`, `答复请发送：答复投诉 ${c.id} 属实|不属实 答复内容`].join('\n'),
  );
}
