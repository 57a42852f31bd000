/** 回访 and 整改: what the rater, the person credited and their head hear. */
import type { CaseRecord } from '../domain/case/case.ts';
import type { RatingReason, RatingRecord, RectifyReason } from '../domain/satisfaction/rating.ts';
import { STATUS_ZH, formatDeadline, formatInstant } from './format.ts';

export const RATING_ZH: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

export function renderRated(c: CaseRecord, r: RatingRecord, now: Date): string {
  const lines = [`已记录 #${c.no} 的回访评价：${RATING_ZH[r.rating] ?? r.rating}。`];
  if (r.rectifyDueAt) lines.push(`评价为不满意，已报办公室备案，并请承办人在 ${formatDeadline(r.rectifyDueAt, now)}前整改。`);
  return lines.join('\n');
}

export function renderRectificationNotice(c: CaseRecord, r: RatingRecord, now: Date): string {
  return [
    `【整改】#${c.no}（当事人：${c.applicant}）回访评价为“${RATING_ZH[r.rating] ?? r.rating}”${r.note ? `：${r.note}` : ''}。`,
    `请在 ${formatDeadline(r.rectifyDueAt ?? now, now)}前整改，完成后发送“整改 #${c.no} 整改情况”。`,
  ].join('\n');
}

export function renderRectified(c: CaseRecord): string {
  return `已登记 #${c.no} 的整改情况，整改提醒随之停止。`;
}

/** Reminders of an open rectification: the day before, and once it is late (then the head too). */
export function renderRectificationReminder(c: { no: number; applicant: string }, r: RatingRecord, late: boolean, now: Date): string {
  return late
    ? `【整改超期】#${c.no}（当事人：${c.applicant}）的回访整改已超过期限（${formatDeadline(r.rectifyDueAt ?? now, now)}），已报办公室备案。完成后请发送“整改 #${c.no} 整改情况”。`
    : `【整改提醒】#${c.no}（当事人：${c.applicant}）的回访整改下个工作日到期（${formatDeadline(r.rectifyDueAt ?? now, now)}），完成后请发送“整改 #${c.no} 整改情况”。`;
}

export function renderRatingRejected(c: CaseRecord, reasons: readonly (RatingReason | RectifyReason)[]): string {
  const lines = reasons.map((r, i) => `${i + 1}. ${reasonLine(c, r)}`);
  return [`#${c.no} 未作更改，原因如下：`, ...lines].join('\n');
}

function reasonLine(c: CaseRecord, r: RatingReason | RectifyReason): string {
  switch (r.code) {
    case 'not_finished':
      return `事项当前状态为“${STATUS_ZH[r.status]}”，办结后才能回访。`;
    case 'already_rated':
      return `已于 ${formatInstant(r.at)} 回访，评价“${RATING_ZH[r.rating] ?? r.rating}”，每件事项回访一次。`;
    case 'not_allowed':
      return '回访由办公室或本事项的承办人登记，整改由承办人或其部室负责人登记。';
    case 'no_rectification':
      return `#${c.no} 没有需要整改的回访评价。`;
    case 'already_rectified':
      return `整改情况已于 ${formatInstant(r.at)} 登记。`;
  }
}
