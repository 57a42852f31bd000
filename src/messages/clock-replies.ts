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
