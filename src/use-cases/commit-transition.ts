import type { Tx } from '../db/transaction.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import type { CaseChange } from '../domain/case/decision.ts';
import type { CaseEventRecord } from '../domain/case/case.ts';
import { appendEvent, updateCase } from '../db/case-repository.ts';

/** Stores a decided transition: the change (version-checked) and its one history event, together. */
export async function commitTransition(tx: Tx, c: CaseRecord, decided: { patch: CaseChange; event: CaseEventRecord }): Promise<CaseRecord> {
  const after = await updateCase(tx, c, decided.patch);
  await appendEvent(tx, c.no, decided.event);
  return after;
}
