import { bulletinOf, type Bulletin } from '../domain/evaluation/bulletin.ts';
import type { Period } from '../domain/evaluation/period.ts';
import { complaintsOfMonth, decidedInMonth, overdueOfMonth } from '../db/bulletin-queries.ts';
import { outcomeSums } from '../db/evaluation-queries.ts';
import { departmentNames, listDepartments, readOrgSettings, staffNames } from '../db/org-repository.ts';
import type { Tx } from '../db/transaction.ts';
import { listKeyTasks } from '../db/key-task-repository.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';

/** 定期通报: the month's cases and on-time rate by department, overdue cases by name, decisions, complaints, key tasks in red and yellow. */
export async function bulletinFor(tx: Tx, period: Period, now: Date, calendar: WorkCalendar): Promise<Bulletin> {
  // Key tasks as they stand when the bulletin is made: the office reads it for what to chase now.
  const keyTasks = (await listKeyTasks(tx, now, calendar)).flatMap((t) =>
    t.status.status === 'overdue' || t.status.status === 'due_soon'
      ? [{ id: t.id, title: t.title, owner: t.owner, department: t.department, status: t.status.status, next: t.status.next?.due ?? null }]
      : [],
  );
  return bulletinOf({
    period,
    departments: await listDepartments(tx),
    outcomes: await outcomeSums(tx, period.from, period.to),
    overdue: await overdueOfMonth(tx, period.from, period.to),
    decided: await decidedInMonth(tx, period.from, period.to),
    complaints: await complaintsOfMonth(tx, period.from, period.to),
    keyTasks,
  });
}

/** The bulletin with what its texts need: the unit's name, people's and departments' names. */
export async function bulletinView(tx: Tx, period: Period, now: Date, calendar: WorkCalendar): Promise<{ bulletin: Bulletin; unit: string; names: Map<string, string>; departments: Map<string, string> }> {
  const bulletin = await bulletinFor(tx, period, now, calendar);
  const people = [...bulletin.overdueCases.map((o) => o.person), ...bulletin.decided.map((d) => d.person), ...bulletin.keyTasks.red.map((t) => t.owner), ...bulletin.keyTasks.yellow.map((t) => t.owner)];
  return {
    bulletin,
    unit: (await readOrgSettings(tx)).unit,
    names: await staffNames(tx, people.filter((u): u is string => u !== null)),
    departments: await departmentNames(tx),
  };
}
