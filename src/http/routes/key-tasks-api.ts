import type Router from '@koa/router';
import type { Context } from 'koa';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { KeyTaskEvent } from '../../domain/key-tasks/key-task.ts';
import type { Checkpoint } from '../../domain/key-tasks/key-task-status.ts';
import { findKeyTask, listKeyTasks, loadKeyTaskHistory, withStatus, type KeyTaskWithStatus } from '../../db/key-task-repository.ts';
import type { Db } from '../../db/transaction.ts';
import { KEY_TASK_SHEET_ERROR } from '../../messages/key-task-sheet-errors.ts';
import type { Clock } from '../../shared/clock.ts';
import { importKeyTasks } from '../../use-cases/import-key-tasks.ts';
import { BodyTooLargeError, readRawBytes } from '../read-raw-body.ts';
import { queryParam } from './query-params.ts';

/** A key-task table is a few hundred rows; anything much bigger is not one. */
export const KEY_TASK_UPLOAD_LIMIT_MIB = 10;

/**
 * The office's key-task table (R9 §1), bearer ADMIN_TOKEN like all of /api:
 * - POST /api/key-tasks/import (body: the XLSX file; `?filename=` names it in the history):
 *   200 {tasks, errors: [], year, created, updated, unchanged, changes}; a broken table 422 and a
 *   body that is not XLSX 400, both {tasks: [], errors: [{row, column, message}]} with nothing stored.
 * - GET /api/key-tasks: {tasks} with their status now. GET /api/key-tasks/:id: one, with its history.
 */
export function registerKeyTasksApi(router: Router, deps: { db: Db; clock: Clock; calendar: WorkCalendar }): void {
  router.post('/api/key-tasks/import', async (ctx) => {
    let bytes: Buffer;
    try {
      bytes = await readRawBytes(ctx.req, KEY_TASK_UPLOAD_LIMIT_MIB * 1024 * 1024);
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      ctx.status = 413;
      ctx.body = { tasks: [], errors: [{ row: null, column: null, message: KEY_TASK_SHEET_ERROR.tooLarge(KEY_TASK_UPLOAD_LIMIT_MIB) }] };
      return;
    }
    const now = deps.clock.now();
    const result = await importKeyTasks(deps.db, { bytes, fileName: fileNameOf(ctx), now, calendar: deps.calendar });
    if (!result.ok) {
      ctx.status = result.reason === 'not_xlsx' ? 400 : 422;
      ctx.body = { tasks: [], errors: result.errors };
      return;
    }
    ctx.body = {
      tasks: result.tasks.map(taskJson),
      errors: [],
      year: result.year,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      changes: result.created + result.updated,
    };
  });

  router.get('/api/key-tasks', async (ctx) => {
    ctx.body = { tasks: (await listKeyTasks(deps.db, deps.clock.now(), deps.calendar)).map(taskJson) };
  });

  router.get('/api/key-tasks/:id', async (ctx) => {
    const id = /^\d{1,10}$/.test(ctx.params.id ?? '') ? Number(ctx.params.id) : NaN;
    const task = Number.isNaN(id) ? null : await findKeyTask(deps.db, id);
    if (!task) {
      ctx.status = 404;
      ctx.body = { error: 'not_found' };
      return;
    }
    const history = await loadKeyTaskHistory(deps.db, task.id);
    ctx.body = { ...taskJson(withStatus(task, deps.clock.now(), deps.calendar)), history: history.map(eventJson) };
  });
}

/** `?filename=`, else the filename of a Content-Disposition header, else none. */
function fileNameOf(ctx: Context): string | null {
  const fromQuery = queryParam(ctx.query, 'filename');
  if (fromQuery) return fromQuery.slice(0, 255);
  const disposition = ctx.get('content-disposition');
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/iu.exec(disposition)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star.trim().replace(/^"|"$/gu, '')).slice(0, 255);
    } catch {
      // A malformed encoding names nothing.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/iu.exec(disposition)?.[1];
  return plain ? plain.trim().slice(0, 255) : null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function checkpointJson(c: Checkpoint) {
  return { kind: c.kind, milestone: c.milestone, due: c.due.toISOString(), target: c.target };
}

/** A task as the API shows it: instants ISO 8601 UTC, people userids, departments keys. */
export function taskJson(t: KeyTaskWithStatus) {
  return {
    id: t.id,
    year: t.year,
    seq: t.seq,
    title: t.title,
    leadLeader: t.leadLeader,
    department: t.department,
    owner: t.owner,
    partners: t.partners,
    deadline: t.deadline.toISOString(),
    milestones: t.milestones.map((m) => ({ due: m.due.toISOString(), target: m.target, doneAt: iso(m.doneAt) })),
    progress: t.progress,
    lastReportAt: iso(t.lastReportAt),
    doneAt: iso(t.doneAt),
    status: t.status.status,
    color: t.status.color,
    next: t.status.next ? checkpointJson(t.status.next) : null,
    late: t.status.late.map(checkpointJson),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

function eventJson(e: KeyTaskEvent) {
  return { at: e.at.toISOString(), actor: e.actor, action: e.action, detail: e.detail };
}
