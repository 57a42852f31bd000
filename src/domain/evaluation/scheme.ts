/**
 * The evaluation scheme (效能考评制): a base score, points deducted per record and per decision (each
 * kind with a cap: 扣完为止 within the cap), a few bonuses, grade bands, and what vetoes 评先评优
 * (the one-vote veto blocks awards; it does not zero the score). The office sets it in the
 * organization file (`evaluation:`); what it leaves out keeps these defaults.
 */
import { ACCOUNTABILITY_KINDS, type AccountabilityKind, type RecordDecision } from '../accountability/accountability-record.ts';

export interface PointsWithCap {
  /** Points per event. */
  points: number;
  /** At most this many points in one period for one department or person. */
  cap: number;
}

export type ScoredDecision = Exclude<RecordDecision, 'no_action'>;
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

export interface EvaluationScheme {
  base: number;
  /** Per record kind, for each record not decided 不予追究. */
  deductions: Record<AccountabilityKind, PointsWithCap>;
  /** Added to the record's kind points once the office decides; 不予追究 makes the record count nothing. */
  decisions: Record<ScoredDecision, number>;
  bonuses: { key_task_early: PointsWithCap };
  /** The lowest score of each grade; below `pass`, 不合格. */
  grades: { excellent: number; good: number; pass: number };
  /** What vetoes 评先评优: any record of these kinds, or decided so. */
  veto: { kinds: AccountabilityKind[]; decisions: RecordDecision[] };
}

export const DEFAULT_SCHEME: EvaluationScheme = {
  base: 100,
  deductions: {
    overdue: { points: 2, cap: 20 },
    deemed_approval: { points: 5, cap: 20 },
    second_round_materials: { points: 2, cap: 10 },
    complaint_upheld: { points: 5, cap: 20 },
    shirked_referral: { points: 3, cap: 15 },
    late_written_notice: { points: 2, cap: 10 },
    refusal_undecided: { points: 3, cap: 15 },
    key_task_late: { points: 3, cap: 15 },
    dissatisfied: { points: 1, cap: 10 },
    rectification_late: { points: 2, cap: 10 },
  },
  decisions: { criticism: 1, public_criticism: 3, written_warning: 5, admonition: 5 },
  bonuses: { key_task_early: { points: 2, cap: 10 } },
  grades: { excellent: 90, good: 80, pass: 60 },
  veto: { kinds: [], decisions: ['public_criticism', 'written_warning', 'admonition'] },
};

/** What the organization file may give: any part of the scheme. */
export interface EvaluationSchemeInput {
  base?: number;
  deductions?: Partial<Record<AccountabilityKind, Partial<PointsWithCap>>>;
  decisions?: Partial<Record<ScoredDecision, number>>;
  bonuses?: { key_task_early?: Partial<PointsWithCap> };
  grades?: Partial<EvaluationScheme['grades']>;
  veto?: Partial<EvaluationScheme['veto']>;
}

/** The defaults with the file's values over them. */
export function schemeFrom(input: EvaluationSchemeInput | undefined): EvaluationScheme {
  const d = DEFAULT_SCHEME;
  const i = input ?? {};
  const deductions = Object.fromEntries(
    ACCOUNTABILITY_KINDS.map((k) => [k, { ...d.deductions[k], ...(i.deductions?.[k] ?? {}) }]),
  ) as Record<AccountabilityKind, PointsWithCap>;
  return {
    base: i.base ?? d.base,
    deductions,
    decisions: { ...d.decisions, ...(i.decisions ?? {}) },
    bonuses: { key_task_early: { ...d.bonuses.key_task_early, ...(i.bonuses?.key_task_early ?? {}) } },
    grades: { ...d.grades, ...(i.grades ?? {}) },
    veto: { kinds: i.veto?.kinds ?? d.veto.kinds, decisions: i.veto?.decisions ?? d.veto.decisions },
  };
}

/** Rules between values (each value alone is checked by the file's schema): the bands fall in order within the base. */
export type SchemeProblem = { code: 'grades_out_of_order' } | { code: 'grade_above_base'; grade: 'excellent' | 'good' | 'pass'; base: number };

export function checkScheme(s: EvaluationScheme): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const { excellent, good, pass } = s.grades;
  if (!(excellent > good && good > pass)) problems.push({ code: 'grades_out_of_order' });
  for (const grade of ['excellent', 'good', 'pass'] as const) if (s.grades[grade] > s.base) problems.push({ code: 'grade_above_base', grade, base: s.base });
  return problems;
}

export function gradeOf(score: number, s: EvaluationScheme): Grade {
  if (score >= s.grades.excellent) return 'excellent';
  if (score >= s.grades.good) return 'good';
  if (score >= s.grades.pass) return 'pass';
  return 'fail';
}
