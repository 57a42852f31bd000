/**
 * What 任务 and 进展 answer, and what the key-task clocks send (R9 §1: 重点工作任务分解表, 督导检查).
 * Short: the task's number, what is due when, and the one command that moves it on.
 */
import { addDays, chinaDateOf, weekdayOf } from '../domain/calendar/china-time.ts';
import type { KeyTaskEvent, KeyTaskRecord } from '../domain/key-tasks/key-task.ts';
import type { ProgressRefusal } from '../domain/key-tasks/key-task-progress.ts';
import type { Checkpoint, KeyTaskStatus, KeyTaskStatusView } from '../domain/key-tasks/key-task-status.ts';
import type { KeyTaskReminderKind } from '../domain/reminders/key-task-clocks.ts';
import type { RecipientRole } from '../domain/reminders/pick-current.ts';
import { clipBytes, fitList } from './fit-bytes.ts';
import { WEEKDAYS, formatInstant, nameOf } from './format.ts';

type Names = ReadonlyMap<string, string>;
export type KeyTaskView = KeyTaskRecord & { status: KeyTaskStatusView };

export const KEY_TASK_STATUS_ZH: Record<KeyTaskStatus, string> = { normal: '正常', due_soon: '临期', overdue: '逾期', done: '已完成' };
const STATUS_MARK: Record<KeyTaskStatus, string> = { normal: '🟢', due_soon: '🟡', overdue: '🔴', done: '✅' };

/** "6月30日（周二）"; the year only when it is not now's. */
export function formatDay(at: Date, now: Date): string {
  const date = chinaDateOf(at);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${chinaDateOf(now).slice(0, 4) === date.slice(0, 4) ? '' : `${y}年`}${m}月${d}日（${WEEKDAYS[weekdayOf(date)]}）`;
}

function statusLabel(s: KeyTaskStatus): string {
  return `${STATUS_MARK[s]}${KEY_TASK_STATUS_ZH[s]}`;
}

/** "阶段目标 2：6月30日（周二）完成中期自评" or "完成时限：11月30日（周一）". */
function checkpointLine(c: Checkpoint, now: Date): string {
  return c.kind === 'milestone' ? `阶段目标 ${c.milestone}：${formatDay(c.due, now)}${c.target}` : `完成时限：${formatDay(c.due, now)}`;
}

function checkpointName(c: Checkpoint): string {
  return c.kind === 'milestone' ? `阶段目标 ${c.milestone}“${c.target}”` : '完成时限';
}

const progressCommand = (id: number) => `进展 ${id} 百分比 说明`;
const stageCommand = (id: number) => `进展 ${id} 阶段完成 说明`;
const doneCommand = (id: number) => `进展 ${id} 完成 说明`;

/** What the one who must act sends next, for this checkpoint. */
function commandFor(id: number, c: Checkpoint): string {
  return c.kind === 'milestone' ? stageCommand(id) : doneCommand(id);
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// 任务

/** 任务: the sender's key tasks, red first, then yellow, green and done; each with what is next. */
export function renderKeyTaskList(tasks: readonly KeyTaskView[], viewer: string, names: Names, departments: Names, now: Date): string {
  if (tasks.length === 0) return '您目前没有重点工作任务。重点工作任务分解表由办公室导入。';
  const order: KeyTaskStatus[] = ['overdue', 'due_soon', 'normal', 'done'];
  const sorted = [...tasks].sort(
    (a, b) => order.indexOf(a.status.status) - order.indexOf(b.status.status) || (a.status.next?.due.getTime() ?? 0) - (b.status.next?.due.getTime() ?? 0) || a.id - b.id,
  );
  const count = (s: KeyTaskStatus) => tasks.filter((t) => t.status.status === s).length;
  const summary = order.filter((s) => count(s) > 0).map((s) => `${KEY_TASK_STATUS_ZH[s]} ${count(s)}`).join('，');
  const items = sorted.map((t) => {
    const head = `${statusLabel(t.status.status)} 任务 ${t.id} ${clip(t.title, 24)}`;
    const who = t.owner === viewer ? '' : `｜责任人 ${nameOf(names, t.owner)}（${nameOf(departments, t.department)}）`;
    if (t.status.status === 'done') return `${head}\n  ${formatDay(t.doneAt!, now)}完成${who}`;
    const next = t.status.next!;
    const when = t.status.status === 'overdue' ? '，已过期未完成' : '';
    return `${head}\n  ${checkpointLine(next, now)}${when}\n  进展 ${t.progress}%${who}`;
  });
  const head = [`您的重点工作任务（共 ${tasks.length} 项：${summary}）：`];
  const tail = ['报告进展：进展 编号 百分比 说明；阶段目标完成：进展 编号 阶段完成 说明；全部完成：进展 编号 完成 说明', '发送“任务 编号”查看详情。'];
  return fitList(head, items, tail, (n) => `……另有 ${n} 项，请发送“任务 编号”查看。`);
}

/** 任务 <编号>: one task with its milestones and its latest report. */
export function renderKeyTaskDetail(t: KeyTaskView, history: readonly KeyTaskEvent[], names: Names, departments: Names, now: Date): string {
  const s = t.status;
  const about = s.status === 'overdue' ? `（${checkpointName(s.next!)}已过期）` : s.status === 'due_soon' ? `（${checkpointName(s.next!)}临近）` : '';
  const lines = [
    `任务 ${t.id}（${t.year}年分解表 序号 ${t.seq}）${t.title}`,
    `状态：${statusLabel(s.status)}${about}`,
    `${t.leadLeader ? `牵头领导：${nameOf(names, t.leadLeader)}｜` : ''}责任部室：${nameOf(departments, t.department)}｜责任人：${nameOf(names, t.owner)}`,
  ];
  if (t.partners.length > 0) lines.push(`配合部室：${t.partners.map((p) => nameOf(departments, p)).join('、')}`);
  lines.push(`完成时限：${formatDay(t.deadline, now)}${t.doneAt ? `｜${formatDay(t.doneAt, now)}完成` : ''}`);
  if (t.milestones.length > 0) {
    lines.push('阶段目标：');
    t.milestones.forEach((m, i) => {
      const state = m.doneAt ? `✅ ${formatDay(m.doneAt, now)}完成` : !t.doneAt && m.due < now ? '（已过期未完成）' : '';
      lines.push(` ${i + 1}. ${formatDay(m.due, now)}${m.target}${state ? ` ${state}` : ''}`);
    });
  }
  const lastReport = [...history].reverse().find((e) => e.action === 'progress' || e.action === 'stage_done' || e.action === 'done');
  const note = typeof lastReport?.detail.note === 'string' ? `：${clip(lastReport.detail.note, 60)}` : '';
  lines.push(`进展：${t.progress}%${lastReport ? `（${formatInstant(lastReport.at)} ${nameOf(names, lastReport.actor)}${note}）` : '（本表导入后尚未报告）'}`);
  if (!t.doneAt) lines.push(`报告进展请发送：${progressCommand(t.id)}`);
  return clipBytes(lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// 进展

export function renderProgressRecorded(
  r: { task: KeyTaskView; action: 'progress' | 'stage_done' | 'done'; stage: Checkpoint | null; late: Checkpoint[] },
  now: Date,
): string {
  const t = r.task;
  const lines: string[] = [];
  switch (r.action) {
    case 'progress':
      lines.push(`已记录任务 ${t.id}“${clip(t.title, 30)}”的进展：${t.progress}%。`);
      break;
    case 'stage_done':
      lines.push(`已记录任务 ${t.id}“${clip(t.title, 30)}”的${checkpointName(r.stage!)}完成。`);
      break;
    case 'done':
      lines.push(`任务 ${t.id}“${clip(t.title, 30)}”已全部完成，感谢！`);
      break;
  }
  if (r.late.length > 0) lines.push(`${r.late.map(checkpointName).join('、')}已过完成日期，已记录，报办公室。`);
  if (t.status.status !== 'done') {
    const next = t.status.next!;
    const overdue = t.status.status === 'overdue';
    lines.push(`状态：${statusLabel(t.status.status)}｜${overdue ? '已过期' : '下一节点'}：${checkpointLine(next, now)}`);
    // A percentage does not turn a late milestone green: say what does.
    if (overdue) lines.push(`完成后请发送：${commandFor(t.id, next)}`);
    else if (r.action === 'stage_done' && next.kind === 'deadline') lines.push(`全部完成请发送：${doneCommand(t.id)}`);
  }
  return clipBytes(lines.join('\n'));
}

export function renderProgressRefused(
  r: { kind: 'not_found'; taskId: number } | { kind: 'refused'; task: KeyTaskRecord; reasons: ProgressRefusal[]; departmentHead: string | null },
  names: Names,
  departments: Names,
  now: Date,
): string {
  if (r.kind === 'not_found') return `抱歉，未找到任务 ${r.taskId}，未作任何更改。发送“任务”查看您的重点工作任务。`;
  const t = r.task;
  const reasons = r.reasons.map((reason) => {
    switch (reason) {
      case 'not_allowed': {
        const head = r.departmentHead ? `或${nameOf(departments, t.department)}负责人${nameOf(names, r.departmentHead)}` : '';
        return `任务 ${t.id} 的进展由责任人${nameOf(names, t.owner)}${head}报告。`;
      }
      case 'already_done':
        return `任务 ${t.id} 已于${formatDay(t.doneAt ?? now, now)}完成，不再报告进展。`;
      case 'no_open_stage':
        return `任务 ${t.id} ${t.milestones.length === 0 ? '没有阶段目标' : '的阶段目标都已完成'}，全部完成请发送：${doneCommand(t.id)}。`;
    }
  });
  return reasons.length === 1 ? `抱歉，${reasons[0]}未作任何更改。` : ['抱歉，未作任何更改：', ...reasons.map((x, i) => `${i + 1}. ${x}`)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The clocks

/** One key-task reminder to one person. `role` 'handler' is the owner, 'head' the department head, 'leader' the 牵头领导. */
export function renderKeyTaskReminder(kind: KeyTaskReminderKind, t: KeyTaskRecord, c: Checkpoint, role: RecipientRole, names: Names, departments: Names, now: Date): string {
  // "阶段目标 1 明天到期", "完成时限明天到期": a space only after the number.
  const what = c.kind === 'milestone' ? `阶段目标 ${c.milestone} ` : '完成时限';
  const [, m, d] = chinaDateOf(c.due).split('-').map(Number) as [number, number, number];
  const when = chinaDateOf(c.due) === addDays(chinaDateOf(now), 1) ? '明天' : '下个工作日';
  const title =
    kind === 'key_task_day_before'
      ? `【重点任务提醒】任务 ${t.id} 的${what}${when}到期`
      : kind === 'key_task_due_today'
        ? `【重点任务提醒】任务 ${t.id} 的${what}今天到期`
        : `【重点任务逾期】任务 ${t.id} 的${what.trim()}（${m}月${d}日）已过，仍未完成`;
  const lines = [title, clip(t.title, 60), checkpointLine(c, now)];
  if (role === 'handler') {
    if (kind === 'key_task_late') lines.push('已记录，报办公室。');
    lines.push(`完成后请发送：${commandFor(t.id, c)}`);
  } else {
    lines.push(`责任部室：${nameOf(departments, t.department)}｜责任人：${nameOf(names, t.owner)}。请督促办理。`);
  }
  return clipBytes(lines.join('\n'));
}

/** The report day's reminder to one owner: their open tasks without a report this month. */
export function renderReportDayReminder(tasks: readonly KeyTaskRecord[], reportDate: string, reportDay: number, now: Date): string {
  const today = chinaDateOf(now) === reportDate;
  const [, m, d] = reportDate.split('-').map(Number) as [number, number, number];
  const head = [
    today ? `【进展报告提醒】今天是本月重点工作进展报告日（每月 ${reportDay} 日）。` : `【进展报告提醒】本月重点工作进展报告日（${m}月${d}日）已到。`,
    '以下任务本月尚未报告进展：',
  ];
  const items = tasks.map((t) => `· 任务 ${t.id} ${clip(t.title, 30)}（进展 ${t.progress}%）`);
  const example = tasks[0] ? `请发送：${progressCommand(tasks[0].id)}，如：进展 ${tasks[0].id} 50% 已完成中期自评` : '';
  return fitList(head, items, [example], (n) => `……另有 ${n} 项，发送“任务”查看。`);
}
