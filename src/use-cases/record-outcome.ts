import type { Responsible } from '../domain/accountability/accountability-record.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import { outcomeOf, type Acted, type OutcomeKind } from '../domain/evaluation/case-outcome.ts';
import { loadHistory } from '../db/case-repository.ts';
import { coverFor } from '../db/coverage-repository.ts';
import { findActiveStaff } from '../db/org-repository.ts';
import { insertOutcome } from '../db/outcome-repository.ts';
import type { Tx } from '../db/transaction.ts';
import type { UseCaseContext } from './context.ts';

/** Whoever was to act on a handler's case at `at`: the handler, or the one covering for them (R7). */
export async function responsibleAt(tx: Tx, handler: string, at: Date): Promise<Responsible> {
  const person = (await coverFor(tx, handler, at))?.userid ?? handler;
  return { person, coveredFor: person === handler ? null : handler };
}

/** `userid` acting on case `c` at `at`: their department, and whose absence they covered, if so. */
export async function actedBy(tx: Tx, c: CaseRecord, userid: string, at: Date): Promise<Acted> {
  const department = (await findActiveStaff(tx, userid))?.department ?? c.department;
  if (userid === c.handler) return { userid, department, coveredFor: null };
  const cover = await coverFor(tx, c.handler, at);
  return { userid, department, coveredFor: cover && cover.via !== 'handler' && cover.userid === userid ? c.handler : null };
}

/**
 * Stores what the closed case `c` counts for in the evaluation (R9), in the transaction that closed
 * it, so the facts are those of that moment. Credited to whoever acted (`acted`).
 */
export async function recordOutcome(
  ctx: Pick<UseCaseContext, 'tx' | 'now' | 'calendar'>,
  c: CaseRecord,
  input: { kind: OutcomeKind; acted: Acted; judgedAt?: Date; immediate?: boolean },
): Promise<void> {
  const history = await loadHistory(ctx.tx, c.no);
  await insertOutcome(ctx.tx, outcomeOf(c, { ...input, at: ctx.now, history, calendar: ctx.calendar }));
}
