/** What the sandbox (the local demo of the bot, `/sandbox`) shows in Chinese besides the bot's own messages. */
import { chinaDateOf, chinaTimeOfDay, weekdayOf } from '../domain/calendar/china-time.ts';
import type { SandboxRole } from '../sandbox/list-sandbox-staff.ts';
import { WEEKDAYS } from './format.ts';

/**
 * The roles the person picker shows. The page receives these labels (`roles`) as they are, and
 * `src/sandbox/public/people-view.js` maps them back to CSS classes: change both together.
 */
export const SANDBOX_ROLE_LABEL = {
  principal: '主要负责人',
  leader: '分管领导',
  head: '部室负责人',
  office: '办公室',
} as const satisfies Record<SandboxRole, string>;

export type SandboxRoleLabel = (typeof SANDBOX_ROLE_LABEL)[SandboxRole];

/** The person's note for a 分管领导: "分管 办公室、科普部". */
export function supervisesNote(departments: readonly string[]): string {
  return `分管 ${departments.join('、')}`;
}

/** "12月3日（周四）09:00" in China time. */
export function chinaLabel(instant: Date): string {
  const date = chinaDateOf(instant);
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  const { hour, minute } = chinaTimeOfDay(instant);
  return `${m}月${d}日（${WEEKDAYS[weekdayOf(date)]}）${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The chat divider after the time control moved the clock; `now` is a `chinaLabel`. */
export const SANDBOX_TIME = {
  /** `step`: one day, or a number of hours. */
  advanced: (step: 'day' | number, now: string) => `时间前进 ${step === 'day' ? '1 天' : `${step} 小时`}，现在是 ${now}`,
  toNextReminder: (now: string) => `时间前进到下一个提醒：${now}`,
  noReminderWithin: (days: number, now: string) => `${days} 天内没有需要发出的提醒，现在是 ${now}`,
  toNextOpening: (now: string) => `时间前进到下一个工作日上班时间：${now}`,
} as const;

/** Printed to the console when the bot starts in sandbox mode; `url` is the sandbox page. */
export function sandboxBanner(url: string): string {
  return (
    `\n  效能助手 沙盒模式已开启：未连接企业微信，数据仅供体验（sandbox mode: no WeCom account needed）\n` +
    `  打开体验页面 / open the sandbox:  ${url}\n`
  );
}

/**
 * Why the sandbox API did not take a message or a tap, shown by the page as it is (the `message` of an
 * error answer). The page keeps what was typed, so each says what to do next.
 */
export const SANDBOX_ERRORS = {
  starting: '机器人还在启动，请稍等几秒再发送',
  botUnreachable: '机器人暂时没有响应，消息未送达，请稍后重试',
  callbackRefused: (status: number) => `机器人没有收下这条消息（HTTP ${status}），请稍后重试`,
  emptyText: '消息不能为空',
  tooLong: (max: number) => `消息太长，最多 ${max} 字，请删减后再发送`,
  badRequest: '请求格式不对，页面可能已过期，请刷新后重试',
  noSuchPerson: '请先选择你的身份',
  noSuchCard: '这张卡片不是发给当前身份的，无法操作',
} as const;
