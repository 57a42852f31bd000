import type { CaseOutcomeRecord } from '../domain/evaluation/case-outcome.ts';
import type { Tx } from './transaction.ts';

/** Stores a case's outcome once: a case closes once (a redelivered message finds it there). */
export async function insertOutcome(tx: Tx, o: CaseOutcomeRecord): Promise<boolean> {
  const { cls, pausedMs, ...rest } = o;
  const { count } = await tx.caseOutcome.createMany({ data: [{ ...rest, class: cls, pausedMs: BigInt(Math.round(pausedMs)) }], skipDuplicates: true });
  return count === 1;
}
