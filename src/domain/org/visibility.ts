/**
 * Who sees which cases (the workbench and 查 alike): the office everything; the principal every
 * department; a supervising leader the departments they lead; a head their department; everyone
 * their own cases, those they cover for an absent handler right now (AB岗), and those they first
 * received (首问). Applicant phones are shown whole only to whoever handles the case.
 */
import type { OrgRole } from './actor.ts';

export interface Viewer {
  userid: string;
  name: string;
  department: string | null;
  roles: ReadonlySet<OrgRole>;
  /** Departments whose head the viewer is. */
  headOf: readonly string[];
  /** Departments whose supervising leader the viewer is. */
  leaderOf: readonly string[];
  /** Absent handlers the viewer covers right now. */
  covering: readonly string[];
}

/** The cases a viewer may see: all, or those of some departments plus their own. */
export type CaseScope =
  | { all: true }
  | { all: false; departments: readonly string[]; userid: string; handlers: readonly string[] };

export function caseScope(v: Viewer): CaseScope {
  if (v.roles.has('office') || v.roles.has('principal')) return { all: true };
  return { all: false, departments: [...new Set([...v.headOf, ...v.leaderOf])], userid: v.userid, handlers: [v.userid, ...v.covering] };
}

export function inScope(scope: CaseScope, c: { department: string; handler: string; firstResponder: string }): boolean {
  if (scope.all) return true;
  return scope.departments.includes(c.department) || scope.handlers.includes(c.handler) || c.firstResponder === scope.userid;
}

/** The departments whose page (部室) a viewer may open. */
export function departmentsOf(v: Viewer, all: readonly string[]): string[] {
  if (v.roles.has('office') || v.roles.has('principal')) return [...all];
  return all.filter((d) => v.headOf.includes(d) || v.leaderOf.includes(d));
}

export type WorkbenchArea = 'overview' | 'records' | 'evaluations';

/** 全局 and 考评: office, principal, supervising leaders; 记录与投诉: the office. */
export function mayOpen(v: Pick<Viewer, 'roles'>, area: WorkbenchArea): boolean {
  if (area === 'records') return v.roles.has('office');
  return v.roles.has('office') || v.roles.has('principal') || v.roles.has('leader');
}

/** Handling the case: its handler, or whoever covers the absent handler now. */
export function isHandling(userid: string, c: { handler: string }, coverer: string | null): boolean {
  return userid === c.handler || (coverer !== null && userid === coverer);
}

/** 138****0000: the first three and last four digits; anything shorter is masked whole but its length. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/gu, '');
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return '*'.repeat(digits.length);
}
