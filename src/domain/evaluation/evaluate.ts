/**
 * 效能考评制 §1–2, §4: each department and each person of a period, from the recorded facts: the
 * indicators, the deductions (each traced to its accountability record), the bonuses, the score
 * (base minus deductions, 扣完为止, plus bonuses), rank, grade and the one-vote veto for awards.
 * Pure: the facts come in already aggregated (src/db/evaluation-queries.ts), so the size of the
 * input is the number of departments, people and records, never the number of cases.
 */
import type { AccountabilityKind, RecordDecision } from '../accountability/accountability-record.ts';
import type { Period } from './period.ts';
import { gradeOf, type EvaluationScheme, type Grade } from './scheme.ts';

/** Closed cases, summed per credited person and their department at the time. */
export interface OutcomeSums {
  person: string;
  department: string;
  handled: number;
  covered: number;
  onTime: number;
  overdueDays: number;
  immediate: number;
}

/** An accountability record of the period (its time, not its decision's). */
export interface RecordFact {
  id: number;
  kind: AccountabilityKind;
  person: string | null;
  department: string | null;
  decision: RecordDecision | null;
  caseNo: number | null;
}

/** Counts per person and department from the other tables: complaints, filings, ratings, key tasks. */
export interface PersonCounts {
  person: string | null;
  department: string | null;
  complaintsReceived?: number;
  refusalsOverturned?: number;
  writtenNotices?: number;
  writtenNoticesOnTime?: number;
  ratings?: number;
  ratingSum?: number;
  keyTasks?: number;
  keyTasksOnTime?: number;
}

/** A key task finished before its deadline day: the bonus. */
export interface EarlyTask {
  taskId: number;
  person: string;
  department: string;
}

export interface EvaluationFacts {
  period: Period;
  scheme: EvaluationScheme;
  departments: readonly { key: string; name: string }[];
  people: readonly { userid: string; name: string; department: string }[];
  outcomes: readonly OutcomeSums[];
  records: readonly RecordFact[];
  counts: readonly PersonCounts[];
  earlyTasks: readonly EarlyTask[];
}

export interface Indicators {
  casesHandled: number;
  handledWhileCovering: number;
  onTime: number;
  /** Share of handled cases finished on time, 0–1; null when none was handled. */
  onTimeRate: number | null;
  overdue: number;
  overdueWorkingDays: number;
  answeredAtOnce: number;
  deemedApprovals: number;
  secondRoundMaterials: number;
  complaintsReceived: number;
  complaintsUpheld: number;
  refusalsOverturned: number;
  writtenNotices: number;
  writtenNoticesOnTime: number;
  keyTasks: number;
  keyTasksOnTime: number;
  ratings: number;
  /** Mean rating 1 (非常不满意) – 5 (非常满意); null without ratings. */
  satisfaction: number | null;
  records: number;
}

export interface Deduction {
  recordId: number;
  kind: AccountabilityKind;
  decision: RecordDecision | null;
  caseNo: number | null;
  /** After the kind's cap: 0 when the cap was already reached. */
  points: number;
}

export interface Bonus {
  kind: 'key_task_early';
  taskId: number;
  points: number;
}

export interface Standing {
  score: number;
  rank: number;
  grade: Grade;
  /** 一票否决: no award this period. */
  veto: boolean;
  vetoReasons: { recordId: number; kind: AccountabilityKind; decision: RecordDecision | null }[];
  indicators: Indicators;
  deductions: Deduction[];
  bonuses: Bonus[];
}

export interface EvaluationResult {
  period: string;
  from: string;
  to: string;
  departments: ({ key: string; name: string } & Standing)[];
  people: ({ userid: string; name: string; department: string } & Standing)[];
}

interface Facts {
  outcomes: OutcomeSums[];
  records: RecordFact[];
  counts: PersonCounts[];
  early: EarlyTask[];
}

function groups(f: EvaluationFacts, keyOf: (x: { person: string | null; department: string | null }) => string | null): Map<string, Facts> {
  const out = new Map<string, Facts>();
  const at = (key: string | null): Facts | undefined => {
    if (key === null) return undefined;
    let g = out.get(key);
    if (!g) out.set(key, (g = { outcomes: [], records: [], counts: [], early: [] }));
    return g;
  };
  for (const o of f.outcomes) at(keyOf(o))?.outcomes.push(o);
  for (const r of f.records) if (r.decision !== 'no_action') at(keyOf(r))?.records.push(r);
  for (const c of f.counts) at(keyOf(c))?.counts.push(c);
  for (const t of f.earlyTasks) at(keyOf(t))?.early.push(t);
  return out;
}

const NO_FACTS: Facts = { outcomes: [], records: [], counts: [], early: [] };

export function evaluate(f: EvaluationFacts): EvaluationResult {
  // Everyone who was on the roster, plus anyone the period's facts name (people who have left since).
  const people = new Map(f.people.map((p) => [p.userid, p]));
  for (const o of f.outcomes) if (!people.has(o.person)) people.set(o.person, { userid: o.person, name: o.person, department: o.department });
  for (const r of f.records) if (r.person && !people.has(r.person)) people.set(r.person, { userid: r.person, name: r.person, department: r.department ?? '' });

  // Grouped once, so the work grows with the facts, not with facts × departments × people.
  const byPerson = groups(f, (x) => x.person);
  const byDepartment = groups(f, (x) => x.department);
  const departments = f.departments.map((d) => ({ ...d, ...standing(f.scheme, byDepartment.get(d.key)) }));
  const persons = [...people.values()].map((p) => ({ ...p, ...standing(f.scheme, byPerson.get(p.userid)) }));
  rank(departments);
  rank(persons);
  const order = <T extends { rank: number }>(xs: T[], name: (x: T) => string) => xs.sort((a, b) => a.rank - b.rank || name(a).localeCompare(name(b), 'zh-CN'));
  return {
    period: f.period.key,
    from: f.period.from.toISOString(),
    to: f.period.to.toISOString(),
    departments: order(departments, (d) => d.name),
    people: order(persons, (p) => p.name),
  };
}

/** One department's or person's standing from their facts (不予追究 records are already left out). */
function standing(s: EvaluationScheme, facts: Facts = NO_FACTS): Standing {
  const { outcomes, records, counts } = facts;
  const sum = <T,>(xs: readonly T[], key: keyof T) => xs.reduce((n, x) => n + (typeof x[key] === 'number' ? (x[key] as number) : 0), 0);

  const handled = sum(outcomes, 'handled');
  const onTime = sum(outcomes, 'onTime');
  const ratings = sum(counts, 'ratings');
  const of = (kind: AccountabilityKind) => records.filter((r) => r.kind === kind).length;
  const indicators: Indicators = {
    casesHandled: handled,
    handledWhileCovering: sum(outcomes, 'covered'),
    onTime,
    onTimeRate: handled === 0 ? null : onTime / handled,
    overdue: of('overdue'),
    overdueWorkingDays: sum(outcomes, 'overdueDays'),
    answeredAtOnce: sum(outcomes, 'immediate'),
    deemedApprovals: of('deemed_approval'),
    secondRoundMaterials: of('second_round_materials'),
    complaintsReceived: sum(counts, 'complaintsReceived'),
    complaintsUpheld: of('complaint_upheld'),
    refusalsOverturned: sum(counts, 'refusalsOverturned'),
    writtenNotices: sum(counts, 'writtenNotices'),
    writtenNoticesOnTime: sum(counts, 'writtenNoticesOnTime'),
    keyTasks: sum(counts, 'keyTasks'),
    keyTasksOnTime: sum(counts, 'keyTasksOnTime'),
    ratings,
    satisfaction: ratings === 0 ? null : sum(counts, 'ratingSum') / ratings,
    records: records.length,
  };

  // Each kind counts up to its cap; records are taken in their order (oldest first).
  const used = new Map<AccountabilityKind, number>();
  const deductions: Deduction[] = [...records]
    .sort((a, b) => a.id - b.id)
    .map((r) => {
      const rule = s.deductions[r.kind];
      const want = rule.points + (r.decision && r.decision !== 'no_action' ? s.decisions[r.decision] : 0);
      const before = used.get(r.kind) ?? 0;
      const points = Math.max(0, Math.min(want, rule.cap - before));
      used.set(r.kind, before + points);
      return { recordId: r.id, kind: r.kind, decision: r.decision, caseNo: r.caseNo, points };
    });

  const early = [...facts.early].sort((a, b) => a.taskId - b.taskId);
  let bonusUsed = 0;
  const bonuses: Bonus[] = early.map((t) => {
    const rule = s.bonuses.key_task_early;
    const points = Math.max(0, Math.min(rule.points, rule.cap - bonusUsed));
    bonusUsed += points;
    return { kind: 'key_task_early', taskId: t.taskId, points };
  });

  const deducted = deductions.reduce((n, d) => n + d.points, 0);
  // 扣完为止: deductions stop at zero; bonuses come on top.
  const score = round1(Math.max(0, s.base - deducted) + bonusUsed);
  const vetoReasons = records
    .filter((r) => s.veto.kinds.includes(r.kind) || (r.decision !== null && s.veto.decisions.includes(r.decision)))
    .map((r) => ({ recordId: r.id, kind: r.kind, decision: r.decision }));
  return { score, rank: 0, grade: gradeOf(score, s), veto: vetoReasons.length > 0, vetoReasons, indicators, deductions, bonuses };
}

/** Standard competition ranking: equal scores share a rank, the next rank skips (1, 1, 3). */
function rank<T extends { score: number; rank: number }>(xs: T[]): void {
  const sorted = [...xs].sort((a, b) => b.score - a.score);
  sorted.forEach((x, i) => {
    const prev = sorted[i - 1];
    x.rank = prev && prev.score === x.score ? prev.rank : i + 1;
  });
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
