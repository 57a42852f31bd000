import { createHash } from 'node:crypto';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { carryMilestones, keyTaskChanges, type KeyTaskPlan } from '../domain/key-tasks/key-task-changes.ts';
import { IMPORT_ACTOR } from '../domain/key-tasks/key-task.ts';
import { createKeyTask, findKeyTasksBySeq, updateKeyTask, withStatus, type KeyTaskWithStatus } from '../db/key-task-repository.ts';
import { listActiveStaff, listDepartments } from '../db/org-repository.ts';
import { inTransaction, type Db } from '../db/transaction.ts';
import { parseKeyTaskSheet, type SheetError } from '../key-tasks/parse-key-task-sheet.ts';
import { readWorkbook } from '../key-tasks/read-workbook.ts';
import { KEY_TASK_SHEET_ERROR } from '../messages/key-task-sheet-errors.ts';

export interface ImportKeyTasksInput {
  /** The XLSX file as it came. */
  bytes: Uint8Array;
  /** Its name, for the history ("from which file"); null when not given. */
  fileName: string | null;
  now: Date;
  calendar: WorkCalendar;
}

export type ImportKeyTasksResult =
  | {
      ok: true;
      year: number;
      /** The file's tasks as now stored, in the file's order, each with its status. */
      tasks: KeyTaskWithStatus[];
      created: number;
      updated: number;
      unchanged: number;
    }
  | { ok: false; reason: 'not_xlsx' | 'invalid'; errors: SheetError[] };

/**
 * Loads the office's key-task table (R9 §1). All or nothing: a table with any problem is refused
 * with every problem (row, column, reason) and nothing is stored. A row is found again by its 序号
 * in the table's year: a new one is created, a changed one updated with what changed and from which
 * file in its history, an unchanged one left alone (importing the same file twice changes nothing).
 * Rows taken out of the file are left as they are: their history and progress stay.
 */
export async function importKeyTasks(db: Db, input: ImportKeyTasksInput): Promise<ImportKeyTasksResult> {
  const read = await readWorkbook(input.bytes);
  if (!read.ok) return { ok: false, reason: 'not_xlsx', errors: [{ row: null, column: null, message: KEY_TASK_SHEET_ERROR.notXlsx }] };
  const file = { name: input.fileName, sha256: createHash('sha256').update(input.bytes).digest('hex') };
  const { now, calendar } = input;

  return inTransaction(db, async (tx): Promise<ImportKeyTasksResult> => {
    const directory = { staff: await listActiveStaff(tx), departments: await listDepartments(tx) };
    const parsed = parseKeyTaskSheet(read.sheets, directory, now);
    if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };

    const { year, rows } = parsed.sheet;
    const existing = new Map((await findKeyTasksBySeq(tx, year, rows.map((r) => r.seq))).map((t) => [t.seq, t]));
    let created = 0;
    let updated = 0;
    for (const r of rows) {
      const plan: KeyTaskPlan = { title: r.title, leadLeader: r.leadLeader, department: r.department, owner: r.owner, partners: r.partners, deadline: r.deadline, milestones: r.milestones };
      const old = existing.get(r.seq);
      if (!old) {
        await createKeyTask(tx, { ...plan, year, seq: r.seq }, { at: now, actor: IMPORT_ACTOR, action: 'imported', detail: { file, row: r.row } });
        created++;
        continue;
      }
      const changes = keyTaskChanges(old, plan);
      if (Object.keys(changes).length === 0) continue;
      await updateKeyTask(tx, old.id, { ...plan, milestones: carryMilestones(old.milestones, plan.milestones) }, { at: now, actor: IMPORT_ACTOR, action: 'updated', detail: { file, row: r.row, changes } });
      updated++;
    }
    const stored = new Map((await findKeyTasksBySeq(tx, year, rows.map((r) => r.seq))).map((t) => [t.seq, t]));
    const tasks = rows.map((r) => withStatus(stored.get(r.seq)!, now, calendar));
    return { ok: true, year, tasks, created, updated, unchanged: rows.length - created - updated };
  });
}
