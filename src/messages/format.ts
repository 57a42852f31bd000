import { chinaDateOf, chinaTimeOfDay, weekdayOf } from '../domain/calendar/china-time.ts';
import { PUBLIC_ACTOR, SYSTEM_ACTOR } from '../domain/case/authorization.ts';
import type { CaseStatus, Channel } from '../domain/case/case.ts';
import type { TimeLimitClass } from '../domain/time-limit-class.ts';

/** Weekday names indexed by `weekdayOf` (0 = Sunday). */
export const WEEKDAYS: readonly string[] = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export const STATUS_ZH: Record<CaseStatus, string> = {
  OPEN: '办理中',
  AWAITING_MATERIALS: '待补正材料（计时暂停）',
  REFUSAL_PENDING: '不予办理报备中',
  ESCALATED: '已提交主要负责人',
  REFUSED: '不予办理（已批准）',
  REFERRED_OUT: '已外转',
  DONE: '已办结',
  DEEMED_APPROVED: '视为同意',
};

export const CLASS_ZH: Record<TimeLimitClass, string> = {
  review: '材料受理审核',
  approval: '需批复事项',
  consultation: '咨询',
  rights: '科技人员维权',
  internal: '机关内部事项',
  instruction: '请示性事项',
};

export const CHANNEL_ZH: Record<Channel, string> = { in_person: '来人', phone: '来电', letter: '来信', online: '网上', internal: '内部交办' };

/** "12月2日（周三）24:00" in China time; the year is shown only when it differs from `now`. */
export function formatDeadline(due: Date, now: Date): string {
  const date = chinaDateOf(due);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const sameYear = chinaDateOf(now).slice(0, 4) === date.slice(0, 4);
  const { hour, minute } = chinaTimeOfDay(due);
  const endOfDay = hour === 23 && minute === 59;
  const time = endOfDay ? '24:00' : `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return `${sameYear ? '' : `${y}年`}${m}月${d}日（${WEEKDAYS[weekdayOf(date)]}）${time}`;
}

/** "11月28日 10:05" for history lines. */
export function formatInstant(at: Date): string {
  const [, m, d] = chinaDateOf(at).split('-').map(Number) as [number, number, number];
  const { hour, minute } = chinaTimeOfDay(at);
  return `${m}月${d}日 ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** How the records' non-persons are named: the bot's own work, and the public (a 留言卡, the complaint page). */
export const ACTOR_ZH: Readonly<Record<string, string>> = { [SYSTEM_ACTOR]: '系统', [PUBLIC_ACTOR]: '来访群众（留言卡）' };

export function nameOf(names: ReadonlyMap<string, string>, userid: string): string {
  return names.get(userid) ?? ACTOR_ZH[userid] ?? userid;
}
