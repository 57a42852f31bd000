import type { CaseRecord } from '../domain/case/case.ts';
import { listActiveCasesFor } from '../db/case-repository.ts';
import { listCoveredCases, type CoveredCase } from '../db/coverage-repository.ts';
import type { Tx } from '../db/transaction.ts';

export interface MyItems {
  /** Soonest deadline first; a case without one last. */
  cases: CaseRecord[];
  /** The cases the person covers for an absent handler (R7), and why. */
  covering: ReadonlyMap<number, CoveredCase['via']>;
}

/** What a person must act on now: their own active cases and those they cover for someone away. */
export async function listMyItems(tx: Tx, userid: string, now: Date): Promise<MyItems> {
  const covered = await listCoveredCases(tx, userid, now);
  const coveredNos = new Set(covered.map((x) => x.case.no));
  // A case the person first took and now covers is shown as covered: that is what they must do now.
  const own = (await listActiveCasesFor(tx, [userid])).filter((c) => !coveredNos.has(c.no));
  const cases = [...own, ...covered.map((x) => x.case)].sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || a.no - b.no);
  return { cases, covering: new Map(covered.map((x) => [x.case.no, x.via])) };
}
