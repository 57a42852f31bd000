import { evaluate, type EvaluationResult } from '../domain/evaluation/evaluate.ts';
import type { Period } from '../domain/evaluation/period.ts';
import { keyTaskCounts } from '../domain/evaluation/key-task-counts.ts';
import { outcomeSums, personCounts, recordFacts } from '../db/evaluation-queries.ts';
import { keyTaskFacts } from '../db/key-task-repository.ts';
import { findFrozenEvaluation, freezeEvaluation } from '../db/evaluation-run-repository.ts';
import { listActiveStaff, listAllStaff, listDepartments, loadOffice, readEvaluationScheme } from '../db/org-repository.ts';
import { membershipsDuring } from '../db/roster-repository.ts';
import type { Tx } from '../db/transaction.ts';
import type { UseCaseContext } from './context.ts';

export interface EvaluationView extends EvaluationResult {
  /** Set when the office froze it (考评 … 定稿): this is then the published result, unchanged since. */
  frozen: { at: string; by: string } | null;
}

/** 效能考评制: the evaluation of a period; a frozen one as it was published, any other computed now from the facts. */
export async function evaluationOf(tx: Tx, period: Period): Promise<EvaluationView> {
  const frozen = await findFrozenEvaluation(tx, period.key);
  if (frozen) return { ...frozen.result, frozen: { at: frozen.frozenAt.toISOString(), by: frozen.frozenBy } };
  return { ...(await computeEvaluation(tx, period)), frozen: null };
}

async function computeEvaluation(tx: Tx, period: Period): Promise<EvaluationResult> {
  const [scheme, departments, people, outcomes, records, counts, tasks] = [
    await readEvaluationScheme(tx),
    await listDepartments(tx),
    await peopleDuring(tx, period),
    await outcomeSums(tx, period.from, period.to),
    await recordFacts(tx, period.from, period.to),
    await personCounts(tx, period.from, period.to),
    keyTaskCounts(await keyTaskFacts(tx, period.from, period.to), period),
  ];
  return evaluate({ period, scheme, departments, people, outcomes, records, counts: [...counts, ...tasks.counts], earlyTasks: tasks.early });
}

/**
 * Who was on the roster during the period, each in the department they were in last within it (the
 * membership history): someone who moved in July counts in the year-end result where they ended, and
 * someone who left in May is still evaluated for the half-year. Staff without history count as they are now.
 */
async function peopleDuring(tx: Tx, period: Period): Promise<{ userid: string; name: string; department: string }[]> {
  const lastDepartment = new Map<string, string>();
  for (const m of await membershipsDuring(tx, period.from, period.to)) lastDepartment.set(m.userid, m.department);
  const people = new Map((await listActiveStaff(tx)).map((s) => [s.userid, { ...s, department: lastDepartment.get(s.userid) ?? s.department }]));
  if ([...lastDepartment.keys()].some((u) => !people.has(u))) {
    for (const s of await listAllStaff(tx)) {
      const department = lastDepartment.get(s.userid);
      if (department !== undefined && !people.has(s.userid)) people.set(s.userid, { ...s, department });
    }
  }
  return [...people.values()];
}

export type FreezeResult = { kind: 'frozen'; view: EvaluationView } | { kind: 'already'; view: EvaluationView } | { kind: 'not_office' } | { kind: 'not_freezable' };

/** 考评 <期间> 定稿 (office): the mid-year or year-end result is kept as it is now, with who froze it and when. */
export async function freezeEvaluationOf(ctx: UseCaseContext, period: Period): Promise<FreezeResult> {
  const office = await loadOffice(ctx.tx);
  if (!office?.members.includes(ctx.actor.userid)) return { kind: 'not_office' };
  if (period.kind === 'month') return { kind: 'not_freezable' };
  const existing = await findFrozenEvaluation(ctx.tx, period.key);
  if (existing) return { kind: 'already', view: { ...existing.result, frozen: { at: existing.frozenAt.toISOString(), by: existing.frozenBy } } };
  const result = await computeEvaluation(ctx.tx, period);
  if (!(await freezeEvaluation(ctx.tx, { result, frozenAt: ctx.now, frozenBy: ctx.actor.userid }))) return freezeEvaluationOf(ctx, period);
  return { kind: 'frozen', view: { ...result, frozen: { at: ctx.now.toISOString(), by: ctx.actor.userid } } };
}
