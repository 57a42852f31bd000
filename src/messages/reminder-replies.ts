import { clip } from '../shared/clip.ts';
import { addDays, chinaDateOf } from '../domain/calendar/china-time.ts';
import type { CaseReminderKind } from '../domain/reminders/due-reminders.ts';
import type { Recipient } from '../domain/reminders/resolve-recipients.ts';
import type { TimeLimitClass } from '../domain/time-limit-class.ts';
import { clipBytes } from './fit-bytes.ts';
import { DEEMED_WARNING } from './case-replies.ts';
import { CLASS_ZH, formatDeadline, nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;

/** What a reminder says about a case. */
export interface ReminderCaseInfo {
  no: number;
  cls: TimeLimitClass;
  applicant: string;
  matter: string;
  handler: string;
  dueAt: Date | null;
  urgent: boolean;
}

export function finishCommand(no: number): string {
  return `办结 #${no} 办理结果`;
}

function duration(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} 小时` : `${minutes} 分钟`;
}

/** "2 小时", "20 分钟", "15 小时 1 分钟". */
function timeLeft(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
}

function subjectLine(c: ReminderCaseInfo): string {
  return `${CLASS_ZH[c.cls]}｜当事人：${c.applicant}｜事由：${clip(c.matter, 30)}`;
}

function roleLine(r: Recipient, c: ReminderCaseInfo, names: Names): string | null {
  if (r.role === 'handler') return r.coveringFor ? `承办人${nameOf(names, r.coveringFor)}不在岗，由您顶岗办理（AB岗）。` : null;
  if (r.role === 'b') return `您是承办人${nameOf(names, c.handler)}的 B 岗，请协助跟进。`;
  if (r.role === 'first_responder') return `您是首问责任人，此事项现由${nameOf(names, c.handler)}承办。请关注其办理。`;
  return `承办人：${nameOf(names, c.handler)}。请督促办理。`;
}

function title(kind: Exclude<CaseReminderKind, 'overdue_digest'>, c: ReminderCaseInfo, now: Date, extra: { minutesBeforeClose: number; overdueDays: number }): string {
  const due = c.dueAt!;
  switch (kind) {
    case 'day_before':
      return `【到期提醒】#${c.no} ${chinaDateOf(due) === addDays(chinaDateOf(now), 1) ? '明天' : '下个工作日'}到期`;
    case 'due_today':
      return `【到期提醒】#${c.no} 今天到期`;
    case 'due_soon':
      return `【到期提醒】#${c.no} 今天到期，距下班还有 ${duration(extra.minutesBeforeClose)}`;
    case 'before_due':
      return `【到期提醒】#${c.no} 即将到期，还有 ${timeLeft(Math.max(1, Math.round((due.getTime() - now.getTime()) / 60_000)))}`;
    case 'overdue':
      return `【超期提醒】#${c.no} 已超过办理期限`;
    case 'overdue_leader':
      return `【超期提醒】#${c.no} 已超期 ${extra.overdueDays} 个工作日仍未办结`;
  }
}

/** One reminder about one case to one person: what is due, when, and the one command that ends it. */
export function renderCaseReminder(
  kind: Exclude<CaseReminderKind, 'overdue_digest'>,
  c: ReminderCaseInfo,
  r: Recipient,
  names: Names,
  now: Date,
  extra: { minutesBeforeClose: number; overdueDays: number; link?: string },
): string {
  const lines = [`${c.urgent ? '【紧急】' : ''}${title(kind, c, now, extra)}`, subjectLine(c), `办理期限：${formatDeadline(c.dueAt!, now)}前`];
  // 限时办结制 §5: a 请示 left unanswered is approved by the deadline itself.
  if (c.cls === 'instruction') lines.push(`${DEEMED_WARNING}，由此产生的后果由办理单位负责。`);
  const role = roleLine(r, c, names);
  if (role) lines.push(role);
  const acts = r.role === 'handler' || r.role === 'b';
  lines.push(acts ? `办结请发送：${finishCommand(c.no)}` : `承办人发送“${finishCommand(c.no)}”后即不再提醒。`);
  if (extra.link) lines.push(`详情：${extra.link}`);
  return clipBytes(lines.join('\n'));
}

/** A digest row's case, with the reader's part in it (AB岗, 首问, or overseeing) when they are not simply its handler. */
export type DigestCase = ReminderCaseInfo & { part?: DigestPart };

export type DigestPart = { kind: 'covering'; for: string } | { kind: 'b' } | { kind: 'first_responder' } | { kind: 'overseeing'; overdueDays: number };

export interface DigestView {
  overdue: DigestCase[];
  due_today: DigestCase[];
  /** Due on the next working day (or later): the day-before reminder. */
  due_next: DigestCase[];
  awaiting: (DigestCase & { statusZh: string })[];
}

/** Who the row is to its reader: "承办人 李华", "您顶岗（李华不在岗）", "B岗，承办人 李华" … */
function digestWho(c: DigestCase, names: Names): string {
  const handler = `承办人 ${nameOf(names, c.handler)}`;
  switch (c.part?.kind) {
    case 'covering':
      return `您顶岗（${nameOf(names, c.part.for)}不在岗）`;
    case 'b':
      return `B岗，${handler}`;
    case 'first_responder':
      return `首问，${handler}`;
    case 'overseeing':
      // First, so that a card row cut to 30 characters still shows how late it is.
      return c.part.overdueDays > 0 ? `超期 ${c.part.overdueDays} 个工作日｜${handler}` : handler;
    default:
      return handler;
  }
}

export const SECTION_TITLES: Record<keyof DigestView, string> = { overdue: '已超期', due_today: '今日到期', due_next: '即将到期', awaiting: '待领导决定' };
const SECTION_ORDER = ['overdue', 'due_today', 'due_next', 'awaiting'] as const;

/** The heading of a person's morning digest. */
export function digestTitle(now: Date): string {
  const [, m, d] = chinaDateOf(now).split('-').map(Number) as [number, number, number];
  return `【每日待办汇总】${m}月${d}日`;
}

/** One case in a digest: who, what, who handles it, by when (or where it stands). */
export function digestLine(c: DigestView[keyof DigestView][number], names: Names, now: Date, matterChars = 16): string {
  const tail = 'statusZh' in c ? `｜${c.statusZh}` : c.dueAt ? `｜期限 ${formatDeadline(c.dueAt, now)}` : '';
  // 限时办结制 §5: a 请示's deadline is never shown without what happens when it passes.
  const deemed = c.cls === 'instruction' && !('statusZh' in c) ? `（${DEEMED_WARNING}）` : '';
  return `#${c.no} ${c.applicant}：${clip(c.matter, matterChars)}｜${digestWho(c, names)}${tail}${deemed}`;
}

/** The morning digest of one person: every section that has cases, each cut to fit WeCom's 2048 bytes. */
export function renderMorningDigest(view: DigestView, names: Names, now: Date): string {
  const [, m, d] = chinaDateOf(now).split('-').map(Number) as [number, number, number];
  for (let keep = 20; keep >= 0; keep--) {
    const lines = [digestTitle(now)];
    for (const section of SECTION_ORDER) {
      const cases = view[section];
      if (cases.length === 0) continue;
      lines.push(`${SECTION_TITLES[section]} ${cases.length} 件：`, ...cases.slice(0, keep).map((c) => digestLine(c, names, now)));
      if (cases.length > keep) lines.push(`……另有 ${cases.length - keep} 件，发送“待办”或“查 #编号”查看`);
    }
    if (view.overdue.length + view.due_today.length + view.due_next.length > 0) lines.push(`办结请发送：办结 #编号 办理结果`);
    if (view.awaiting.length > 0) lines.push('待决定的报备由分管领导发送“同意 #编号”或“纠正 #编号 意见”。');
    const text = lines.join('\n');
    if (Buffer.byteLength(text, 'utf8') <= 2048) return text;
  }
  return clipBytes(
    `【每日待办汇总】${m}月${d}日：已超期 ${view.overdue.length} 件，今日到期 ${view.due_today.length} 件，即将到期 ${view.due_next.length} 件，待领导决定 ${view.awaiting.length} 件。`,
  );
}
