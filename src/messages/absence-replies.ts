import { clip } from '../shared/clip.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import type { LeaveProblem } from '../domain/absence/check-leave.ts';
import type { CoverVia } from '../domain/coverage/who-covers.ts';
import { STATUS_ZH, formatDeadline } from './format.ts';
import { fitList } from './fit-bytes.ts';
import { dueInList } from './case-replies.ts';

type Period = { from: Date; to: Date; reason?: string | null };

/** How someone covers, as staff say it. */
export const VIA_ZH: Record<CoverVia, string> = { handler: '本人', b: 'B岗顶岗', stand_in: '指定顶岗', head: '部室负责人顶岗', head_b: '部室负责人的B岗顶岗' };

/** What the covering person is to the absent one, when not their B holder. */
export const COVER_ROLE_ZH: Record<CoverVia, string> = {
  handler: '本人',
  b: 'B岗',
  stand_in: '部室负责人指定的顶岗人员（其B岗不在岗或未设B岗）',
  head: '部室负责人（其B岗不在岗或未设B岗）',
  head_b: '部室负责人的B岗（其B岗和部室负责人均不在岗）',
};

/** A B holder's role toward the absent person, naming the posts (already joined): B岗（科普项目申报）. */
export function bPostRole(posts: string): string {
  return `B岗（${posts}）`;
}

/** Who handles the absent person's cases, as told to the other B holders, when no one in particular covers. */
export const HEAD_COVERS = '部室负责人';

export function formatPeriod(p: Period, now: Date): string {
  return `${formatDeadline(p.from, now)} 至 ${formatDeadline(p.to, now)}${p.reason ? `（${p.reason}）` : ''}`;
}

export function renderLeaveRegistered(p: Period, cover: { name: string; via: CoverVia } | null, caseCount: number, now: Date, passedOn: string[] = []): string {
  const lines = [`已登记请假：${formatPeriod(p, now)}。`];
  if (cover) {
    lines.push(`期间由${cover.name}（${VIA_ZH[cover.via]}）代为履职${caseCount > 0 ? `，已将您的 ${caseCount} 件在办事项交接给${cover.name}` : ''}。`);
  } else {
    lines.push('注意：期间本部室无人在岗顶岗，来件将列入部室待返岗清单。请与部室负责人或办公室协调安排。');
  }
  lines.push(...passedOn, '提前返岗请发送“销假”。');
  return lines.join('\n');
}

export function renderLeaveRejected(problems: LeaveProblem[], now: Date): string {
  const lines = problems.map((p) =>
    p.code === 'in_past'
      ? '请假时间已经过去，无需登记。请写今天或以后的日期，如“请假 明天 后天 年休假”。'
      : `与已登记的请假（${formatPeriod(p.with, now)}）时间重叠。如需更改，请先发送“销假”，再重新登记。`,
  );
  const body = lines.length === 1 ? [`抱歉，${lines[0] ?? ''}`] : ['抱歉，请假未登记，原因如下：', ...lines.map((l, i) => `${i + 1}. ${l}`)];
  return [...body, '本次未作任何登记。'].join('\n');
}

/** The handover note (R7 §4) to whoever covers; `cases` only for the person who takes the cases. */
export function renderHandover(absent: string, p: Period, role: string, cases: CaseRecord[] | null, coverName: string, now: Date): string {
  const head = [`${absent}请假：${formatPeriod(p, now)}。`, `您是其${role}，请在此期间顶岗，兼有其岗位职责。`];
  if (cases === null) return [...head, `其在办事项由${coverName}顶岗办理。`].join('\n');
  if (cases.length === 0) return [...head, '其目前没有在办事项。'].join('\n');
  const items = cases.map((c) => `#${c.no} ${c.applicant}：${clip(c.matter, 20)}｜${STATUS_ZH[c.status]}｜期限 ${dueInList(c, now)}`);
  // 待办 lists a colleague's cases only while covering them, so before the leave starts it has nothing to show.
  const tail = p.from > now ? '请假开始后，发送“待办”可查看。' : '发送“待办”可随时查看。';
  return fitList([...head, `交接在办事项 ${cases.length} 件（期限近的在前）：`], items, [tail], (n) => `……另有 ${n} 件`);
}

/**
 * To whoever inherits the cover of an absent colleague because the one covering them goes away too
 * (R7 §4: 部室负责人应主动顶岗): whose cases they take, for how long, and which.
 */
export function renderInheritedCover(leaving: string, p: Period, absent: string, theirs: Period | null, via: CoverVia, cases: CaseRecord[], now: Date): string {
  const head = [
    `${leaving}请假：${formatPeriod(p, now)}。`,
    `${absent}也不在岗，期间其在办事项由您顶岗办理（${VIA_ZH[via]}）。`,
    ...(theirs ? [`${absent}请假：${formatPeriod(theirs, now)}。`] : []),
  ];
  if (cases.length === 0) return [...head, `${absent}目前没有在办事项。`].join('\n');
  const items = cases.map((c) => `#${c.no} ${c.applicant}：${clip(c.matter, 20)}｜${STATUS_ZH[c.status]}｜期限 ${dueInList(c, now)}`);
  const tail = p.from > now ? ['请假开始后，发送“待办”可查看。'] : ['发送“待办”可随时查看。'];
  return fitList([...head, `在办事项 ${cases.length} 件（期限近的在前）：`], items, tail, (n) => `……另有 ${n} 件`);
}

/** The sender of 请假, about colleagues they were covering: who acts for them now. */
export function renderPassedOn(passedOn: { absent: string; to: { name: string; via: CoverVia } | null }[]): string[] {
  return passedOn.map((p) =>
    p.to
      ? `您顶岗的${p.absent}的在办事项，期间改由${p.to.name}（${VIA_ZH[p.to.via]}）代为办理，已通知${p.to.name}。`
      : `您顶岗的${p.absent}的在办事项，期间本部室无人在岗顶岗，请与部室负责人或办公室协调安排。`,
  );
}

export function renderLeaveEnded(ended: Period[], coverNames: string[], now: Date): string {
  const lines = ['已销假，欢迎返岗。', ...ended.map((p) => `已结束：${formatPeriod(p, now)}`)];
  if (coverNames.length > 0) lines.push(`已告知${coverNames.join('、')}顶岗结束，在办事项由您继续办理。`);
  return lines.join('\n');
}

export function renderNoLeaveToEnd(): string {
  return '您目前没有进行中或待开始的请假，无需销假。';
}

export function renderBackNotice(absent: string, p: Period, now: Date): string {
  return `${absent}已销假返岗（原请假 ${formatPeriod(p, now)}），您的顶岗到此结束，其在办事项由本人继续办理。`;
}
