import type { KeyTaskMilestone, KeyTaskRecord } from './key-task.ts';

/** What the office's table says of a task: the fields an import sets. */
export interface KeyTaskPlan {
  title: string;
  leadLeader: string | null;
  department: string;
  owner: string;
  partners: string[];
  deadline: Date;
  /** In date order. */
  milestones: { due: Date; target: string }[];
}

/** One changed field, before and after, as it is kept in the history (instants as ISO 8601). */
export type KeyTaskFieldChange = { before: unknown; after: unknown };
export type KeyTaskChanges = Partial<Record<keyof KeyTaskPlan, KeyTaskFieldChange>>;

const FIELDS: readonly (keyof KeyTaskPlan)[] = ['title', 'leadLeader', 'department', 'owner', 'partners', 'deadline', 'milestones'];

function plain(field: keyof KeyTaskPlan, value: KeyTaskPlan[keyof KeyTaskPlan]): unknown {
  if (value instanceof Date) return value.toISOString();
  if (field === 'milestones') return (value as KeyTaskPlan['milestones']).map((m) => ({ due: m.due.toISOString(), target: m.target }));
  return value;
}

/** The fields of `plan` that differ from the stored task; empty when the row is unchanged. */
export function keyTaskChanges(task: Pick<KeyTaskRecord, keyof KeyTaskPlan>, plan: KeyTaskPlan): KeyTaskChanges {
  const out: KeyTaskChanges = {};
  for (const f of FIELDS) {
    const before = plain(f, task[f] as KeyTaskPlan[typeof f]);
    const after = plain(f, plan[f]);
    if (JSON.stringify(before) !== JSON.stringify(after)) out[f] = { before, after };
  }
  return out;
}

/**
 * The new milestones with what was already done kept: a milestone keeps its doneAt when one with
 * the same target was done (its date may have moved), else when one on the same date was.
 */
export function carryMilestones(old: readonly KeyTaskMilestone[], next: readonly { due: Date; target: string }[]): KeyTaskMilestone[] {
  const unused = [...old];
  const take = (match: (m: KeyTaskMilestone) => boolean): KeyTaskMilestone | undefined => {
    const i = unused.findIndex(match);
    return i < 0 ? undefined : unused.splice(i, 1)[0];
  };
  const byTarget = next.map((m) => take((o) => o.target === m.target));
  return next.map((m, i) => {
    const same = byTarget[i] ?? take((o) => o.due.getTime() === m.due.getTime());
    return { due: m.due, target: m.target, doneAt: same?.doneAt ?? null };
  });
}
