import type { EvaluationResult } from '../domain/evaluation/evaluate.ts';
import type { Tx } from './transaction.ts';

export interface FrozenEvaluation {
  result: EvaluationResult;
  frozenAt: Date;
  frozenBy: string;
}

export async function findFrozenEvaluation(db: Tx, period: string): Promise<FrozenEvaluation | null> {
  const row = await db.evaluationRun.findUnique({ where: { period } });
  return row ? { result: row.result as unknown as EvaluationResult, frozenAt: row.frozenAt, frozenBy: row.frozenBy } : null;
}

/** Keeps a published result as it was; false when the period was frozen already. */
export async function freezeEvaluation(tx: Tx, f: FrozenEvaluation): Promise<boolean> {
  const { count } = await tx.evaluationRun.createMany({
    data: [{ period: f.result.period, frozenAt: f.frozenAt, frozenBy: f.frozenBy, result: f.result as unknown as object }],
    skipDuplicates: true,
  });
  return count === 1;
}
