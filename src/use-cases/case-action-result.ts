import type { CaseRecord } from '../domain/case/case.ts';
import type { Reason } from '../domain/case/decision.ts';

/** What a case action answers: done (with its own facts), no such case, or every reason why not (nothing changed). */
export type CaseActionResult<X = object> =
  | ({ kind: 'done'; case: CaseRecord } & X)
  | { kind: 'not_found'; no: number }
  | { kind: 'rejected'; case: CaseRecord; reasons: Reason[] };
