/**
 * Key tasks (重点工作任务分解表, R9 §1): the office's table as imported, the progress staff report, and
 * the facts the evaluation and the monthly bulletin read.
 *
 * For the evaluation and the bulletin:
 * - `keyTaskFacts(tx, from, to)`: every task whose deadline or one of whose milestones falls in
 *   [from, to), or that is still open at `to`, as KeyTaskFact (src/domain/key-tasks/key-task.ts).
 * - `listKeyTasks(tx, now, calendar)`: every task with its status at `now` (keyTaskStatus in
 *   src/domain/key-tasks/key-task-status.ts), as GET /api/key-tasks shows them.
 */
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { KeyTaskPlan } from '../domain/key-tasks/key-task-changes.ts';
import type { KeyTaskAction, KeyTaskEvent, KeyTaskFact, KeyTaskMilestone, KeyTaskRecord } from '../domain/key-tasks/key-task.ts';
import { keyTaskStatus, type KeyTaskStatusView } from '../domain/key-tasks/key-task-status.ts';
import type { Db, Tx } from './transaction.ts';

type Row = Awaited<ReturnType<Db['keyTask']['findUniqueOrThrow']>> & {
  milestones: { due: Date; target: string; doneAt: Date | null; position: number }[];
};

const WITH_MILESTONES = { milestones: { orderBy: { position: 'asc' } } } as const;
const MAX_ID = 2_147_483_647;

function toRecord(r: Row): KeyTaskRecord {
  return {
    id: r.id,
    year: r.year,
    seq: r.seq,
    title: r.title,
    owner: r.owner,
    department: r.department,
    leadLeader: r.leadLeader,
    partners: Array.isArray(r.partners) ? (r.partners as string[]) : [],
    deadline: r.deadline,
    doneAt: r.doneAt,
    progress: r.progress,
    lastReportAt: r.lastReportAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    milestones: r.milestones.map((m) => ({ due: m.due, target: m.target, doneAt: m.doneAt })),
  };
}

function factOf(t: KeyTaskRecord): KeyTaskFact {
  return { id: t.id, title: t.title, owner: t.owner, department: t.department, leadLeader: t.leadLeader, deadline: t.deadline, doneAt: t.doneAt, milestones: t.milestones };
}

export async function findKeyTask(tx: Tx, id: number): Promise<KeyTaskRecord | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) return null;
  const row = await tx.keyTask.findUnique({ where: { id }, include: WITH_MILESTONES });
  return row ? toRecord(row) : null;
}

/** The tasks of one table (year) with these 序号: what an import updates. */
export async function findKeyTasksBySeq(tx: Tx, year: number, seqs: readonly string[]): Promise<KeyTaskRecord[]> {
  const rows = await tx.keyTask.findMany({ where: { year, seq: { in: [...seqs] } }, include: WITH_MILESTONES });
  return rows.map(toRecord);
}

async function addEvent(tx: Tx, taskId: number, e: KeyTaskEvent): Promise<void> {
  await tx.keyTaskEvent.create({ data: { taskId, at: e.at, actor: e.actor, action: e.action, detail: e.detail as object } });
}

/** A new row of the table, with its milestones and its `imported` event. */
export async function createKeyTask(tx: Tx, t: KeyTaskPlan & { year: number; seq: string }, event: KeyTaskEvent): Promise<number> {
  const row = await tx.keyTask.create({
    data: {
      year: t.year,
      seq: t.seq,
      title: t.title,
      leadLeader: t.leadLeader,
      department: t.department,
      owner: t.owner,
      partners: t.partners,
      deadline: t.deadline,
      createdAt: event.at,
      updatedAt: event.at,
      milestones: { create: t.milestones.map((m, position) => ({ position, due: m.due, target: m.target })) },
    },
    select: { id: true },
  });
  await addEvent(tx, row.id, event);
  return row.id;
}

/** A changed row: its fields, its milestones (with what was done kept, see carryMilestones) and an `updated` event. */
export async function updateKeyTask(tx: Tx, id: number, t: Omit<KeyTaskPlan, 'milestones'> & { milestones: KeyTaskMilestone[] }, event: KeyTaskEvent): Promise<void> {
  await tx.keyTask.update({
    where: { id },
    data: { title: t.title, leadLeader: t.leadLeader, department: t.department, owner: t.owner, partners: t.partners, deadline: t.deadline, updatedAt: event.at },
  });
  await tx.keyTaskMilestone.deleteMany({ where: { taskId: id } });
  await tx.keyTaskMilestone.createMany({ data: t.milestones.map((m, position) => ({ taskId: id, position, due: m.due, target: m.target, doneAt: m.doneAt })) });
  await addEvent(tx, id, event);
}

/**
 * A progress report (进展): the percentage, and for 阶段完成 / 完成 what is done now. Guarded on the
 * task still being open, so two reports at once cannot both complete it. False when it was not open.
 */
export async function recordKeyTaskProgress(
  tx: Tx,
  id: number,
  r: { at: Date; actor: string; action: Extract<KeyTaskAction, 'progress' | 'stage_done' | 'done'>; progress: number; detail: Record<string, unknown>; milestonesDone: number[] },
): Promise<boolean> {
  const { count } = await tx.keyTask.updateMany({
    where: { id, doneAt: null },
    data: { progress: r.progress, lastReportAt: r.at, ...(r.action === 'done' ? { doneAt: r.at } : {}) },
  });
  if (count !== 1) return false;
  // Positions are the stored order, which is date order (the import sorts them).
  if (r.milestonesDone.length > 0) {
    await tx.keyTaskMilestone.updateMany({ where: { taskId: id, position: { in: r.milestonesDone.map((n) => n - 1) }, doneAt: null }, data: { doneAt: r.at } });
  }
  await addEvent(tx, id, { at: r.at, actor: r.actor, action: r.action, detail: r.detail });
  return true;
}

/** A task's history, oldest first. */
export async function loadKeyTaskHistory(tx: Tx, id: number): Promise<KeyTaskEvent[]> {
  const rows = await tx.keyTaskEvent.findMany({ where: { taskId: id }, orderBy: { id: 'asc' } });
  return rows.map((e) => ({ at: e.at, actor: e.actor, action: e.action as KeyTaskAction, detail: (e.detail ?? {}) as Record<string, unknown> }));
}

/** The tasks a person answers for: as 责任人, as head of the 责任部室, or as 牵头领导. */
export async function listKeyTasksInvolving(tx: Tx, userid: string): Promise<KeyTaskRecord[]> {
  const headed = (await tx.department.findMany({ where: { head: userid }, select: { key: true } })).map((d) => d.key);
  const rows = await tx.keyTask.findMany({
    where: { OR: [{ owner: userid }, { leadLeader: userid }, ...(headed.length > 0 ? [{ department: { in: headed } }] : [])] },
    include: WITH_MILESTONES,
    orderBy: [{ year: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toRecord);
}

/** Every task not yet done (the clocks' input; a unit has tens or hundreds of them, not more). */
export async function listOpenKeyTasks(tx: Tx): Promise<KeyTaskRecord[]> {
  const rows = await tx.keyTask.findMany({ where: { doneAt: null }, include: WITH_MILESTONES, orderBy: { id: 'asc' } });
  return rows.map(toRecord);
}

/**
 * For the evaluation and the bulletin: every task whose deadline or one of whose milestones falls in
 * [from, to), or that is still open at `to` (imported before `to` and not done by then), with all its
 * milestones, ordered by id. People are userids, the department a key; instants are what was stored
 * (deadlines and milestones at the end of their China day, doneAt when it was reported).
 */
export async function keyTaskFacts(tx: Tx, from: Date, to: Date): Promise<KeyTaskFact[]> {
  const rows = await tx.keyTask.findMany({
    where: {
      OR: [
        { deadline: { gte: from, lt: to } },
        { milestones: { some: { due: { gte: from, lt: to } } } },
        { createdAt: { lt: to }, OR: [{ doneAt: null }, { doneAt: { gte: to } }] },
      ],
    },
    include: WITH_MILESTONES,
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => factOf(toRecord(r)));
}

export type KeyTaskWithStatus = KeyTaskRecord & { status: KeyTaskStatusView };

/** Every task, by year and then id, each with its status at `now` (GET /api/key-tasks). */
export async function listKeyTasks(tx: Tx, now: Date, calendar: WorkCalendar): Promise<KeyTaskWithStatus[]> {
  const rows = await tx.keyTask.findMany({ include: WITH_MILESTONES, orderBy: [{ year: 'asc' }, { id: 'asc' }] });
  return rows.map((r) => withStatus(toRecord(r), now, calendar));
}

export function withStatus(t: KeyTaskRecord, now: Date, calendar: WorkCalendar): KeyTaskWithStatus {
  return { ...t, status: keyTaskStatus(t, now, calendar) };
}
