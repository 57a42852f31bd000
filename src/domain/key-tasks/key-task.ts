/**
 * 重点工作任务 (R9 §1: 重点工作任务分解表 … 完成时限 … 责任到人; 办公室负责督导检查, 定期通报): the records
 * the rules talk about. src/db maps rows to them; src/key-tasks reads them from the office's XLSX.
 */

/** 阶段目标: a dated target. `due` is the end of that China day (as a case's deadline is). */
export interface KeyTaskMilestone {
  due: Date;
  target: string;
  /** When it was reported done (进展 … 阶段完成, or with the whole task), else null. */
  doneAt: Date | null;
}

/**
 * What the evaluation and the bulletin read of a key task (src/db/key-task-repository.ts,
 * keyTaskFacts). People are userids, the department a department key.
 */
export interface KeyTaskFact {
  id: number;
  title: string;
  /** 责任人 (userid). */
  owner: string;
  /** 责任部室 (department key). */
  department: string;
  /** 牵头领导 (userid), or null when the table names none. */
  leadLeader: string | null;
  /** 完成时限: the end of that China day. */
  deadline: Date;
  doneAt: Date | null;
  /** In date order. */
  milestones: KeyTaskMilestone[];
}

/** A key task as stored, with what the office's table and the progress reports add to the facts. */
export interface KeyTaskRecord extends KeyTaskFact {
  /** The table's year (年度) and its 序号 there: the row's identity across imports. */
  year: number;
  seq: string;
  /** 配合部室 (department keys). */
  partners: string[];
  /** Latest reported percentage, 0–100. */
  progress: number;
  lastReportAt: Date | null;
  /** When the task was first imported: nothing before it is reminded or held against anyone. */
  createdAt: Date;
  updatedAt: Date;
}

/** What an import or a progress report did to a task, in its history. */
export type KeyTaskAction = 'imported' | 'updated' | 'progress' | 'stage_done' | 'done';

export interface KeyTaskEvent {
  at: Date;
  /** A userid, or `#import` for the office's table. */
  actor: string;
  action: KeyTaskAction;
  detail: Record<string, unknown>;
}

/** The actor of an import: the table comes from the office through the API, not from one person. */
export const IMPORT_ACTOR = '#import';
