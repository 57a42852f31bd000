import type { ReminderCase } from '../domain/reminders/due-reminders.ts';
import type { TimeLimitClass } from '../domain/time-limit-class.ts';
import type { Tx } from './transaction.ts';

/** A case as the reminders need it: what the ladder reads plus what the message says. */
export interface ReminderCaseRow extends ReminderCase {
  applicant: string;
  matter: string;
  handler: string;
  department: string;
  firstResponder: string;
}

const CASE_FIELDS = {
  no: true,
  status: true,
  class: true,
  receivedAt: true,
  dueAt: true,
  pausedAt: true,
  urgent: true,
  applicant: true,
  matter: true,
  handler: true,
  department: true,
  firstResponder: true,
} as const;

type Row = {
  no: number;
  status: string;
  class: string;
  receivedAt: Date;
  dueAt: Date | null;
  pausedAt: Date | null;
  urgent: boolean;
  applicant: string;
  matter: string;
  handler: string;
  department: string;
  firstResponder: string;
};

function toRow(r: Row): ReminderCaseRow {
  const { class: cls, ...rest } = r;
  return { ...rest, cls: cls as TimeLimitClass };
}

/**
 * OPEN cases with a running clock due by `horizon`, overdue ones included. The range on
 * ("status", "dueAt") is the Case index, so the cost follows the number of cases near or past their
 * deadline, not the number of open cases.
 */
export async function loadCasesDueBy(db: Tx, horizon: Date, options: { onlyUrgent?: boolean } = {}): Promise<ReminderCaseRow[]> {
  const rows = await db.case.findMany({
    where: { status: 'OPEN', dueAt: { lte: horizon }, pausedAt: null, ...(options.onlyUrgent ? { urgent: true } : {}) },
    select: CASE_FIELDS,
    orderBy: [{ dueAt: 'asc' }, { no: 'asc' }],
  });
  return rows.map(toRow);
}

export async function loadCasesByNo(db: Tx, nos: number[]): Promise<Map<number, ReminderCaseRow>> {
  if (nos.length === 0) return new Map();
  const rows = await db.case.findMany({ where: { no: { in: [...new Set(nos)] } }, select: CASE_FIELDS });
  return new Map(rows.map((r) => [r.no, toRow(r)]));
}
