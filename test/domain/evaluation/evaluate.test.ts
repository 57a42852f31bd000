import { describe, expect, it } from 'vitest';
import { evaluate, type EvaluationFacts, type RecordFact } from '../../../src/domain/evaluation/evaluate.ts';
import { periodOf } from '../../../src/domain/evaluation/period.ts';
import { DEFAULT_SCHEME, schemeFrom } from '../../../src/domain/evaluation/scheme.ts';

const period = periodOf('2026-H1')!;
const base = (over: Partial<EvaluationFacts> = {}): EvaluationFacts => ({
  period,
  scheme: DEFAULT_SCHEME,
  departments: [
    { key: 'kpb', name: '科普部' },
    { key: 'xsb', name: '学会部' },
  ],
  people: [
    { userid: 'lihua', name: '李华', department: 'kpb' },
    { userid: 'zhaomin', name: '赵敏', department: 'kpb' },
    { userid: 'sunli', name: '孙立', department: 'xsb' },
  ],
  outcomes: [],
  records: [],
  counts: [],
  earlyTasks: [],
  ...over,
});
const record = (id: number, over: Partial<RecordFact>): RecordFact => ({ id, kind: 'overdue', person: 'lihua', department: 'kpb', decision: null, caseNo: id, ...over });

describe('evaluate', () => {
  it('starts everyone at the base, ranks ties together, and lists people who handled nothing', () => {
    const r = evaluate(base());
    expect(r.departments.map((d) => [d.name, d.score, d.rank, d.grade])).toEqual([
      ['科普部', 100, 1, 'excellent'],
      ['学会部', 100, 1, 'excellent'],
    ]);
    expect(r.people).toHaveLength(3);
    expect(r.people[0]?.indicators.onTimeRate).toBeNull();
  });

  it('deducts per record with the decision on top, caps each kind, counts 不予追究 as nothing, and traces every point', () => {
    const records = [
      record(1, { decision: 'public_criticism' }), // 2 + 3
      ...Array.from({ length: 12 }, (_, i) => record(10 + i, {})), // 12 × 2, capped with the first at 20
      record(30, { decision: 'no_action' }),
      record(31, { kind: 'deemed_approval', person: 'zhaomin', caseNo: 31 }),
    ];
    const r = evaluate(base({ records }));
    const lihua = r.people.find((p) => p.userid === 'lihua')!;
    expect(lihua.deductions[0]).toEqual({ recordId: 1, kind: 'overdue', decision: 'public_criticism', caseNo: 1, points: 5 });
    expect(lihua.deductions.reduce((n, d) => n + d.points, 0)).toBe(20);
    expect(lihua.deductions.at(-1)).toMatchObject({ recordId: 21, points: 0 });
    expect(lihua.deductions.some((d) => d.recordId === 30)).toBe(false);
    expect(lihua).toMatchObject({ score: 80, grade: 'good', veto: true, vetoReasons: [{ recordId: 1, kind: 'overdue', decision: 'public_criticism' }] });
    // The department carries its people's records: overdue capped at 20, and the deemed approval.
    const kpb = r.departments.find((d) => d.key === 'kpb')!;
    expect(kpb.score).toBe(75);
    expect(kpb.indicators).toMatchObject({ overdue: 13, deemedApprovals: 1, records: 14 });
    expect(r.departments.map((d) => d.key)).toEqual(['xsb', 'kpb']);
  });

  it('stops at zero (扣完为止) and adds bonuses for key tasks done early, within their cap', () => {
    const scheme = schemeFrom({ base: 10, deductions: { overdue: { points: 6, cap: 100 } }, grades: { excellent: 9, good: 8, pass: 6 } });
    const r = evaluate(
      base({
        scheme,
        records: [record(1, {}), record(2, {})],
        earlyTasks: Array.from({ length: 7 }, (_, i) => ({ taskId: i + 1, person: 'lihua', department: 'kpb' })),
      }),
    );
    const lihua = r.people.find((p) => p.userid === 'lihua')!;
    expect(lihua.bonuses.map((b) => b.points)).toEqual([2, 2, 2, 2, 2, 0, 0]);
    expect(lihua.score).toBe(10);
    expect(lihua.grade).toBe('excellent');
  });

  it('credits covered work to whoever did it and rates on time per case handled', () => {
    const r = evaluate(
      base({
        outcomes: [
          { person: 'zhaomin', department: 'kpb', handled: 4, covered: 3, onTime: 3, overdueDays: 2, immediate: 1 },
          { person: 'lihua', department: 'kpb', handled: 1, covered: 0, onTime: 1, overdueDays: 0, immediate: 0 },
        ],
        counts: [{ person: 'zhaomin', department: 'kpb', ratings: 2, ratingSum: 9 }],
      }),
    );
    expect(r.people.find((p) => p.userid === 'zhaomin')?.indicators).toMatchObject({ casesHandled: 4, handledWhileCovering: 3, onTimeRate: 0.75, overdueWorkingDays: 2, answeredAtOnce: 1, satisfaction: 4.5 });
    expect(r.departments.find((d) => d.key === 'kpb')?.indicators).toMatchObject({ casesHandled: 5, onTime: 4, onTimeRate: 0.8 });
  });
});

describe('periods', () => {
  it('reads the API keys in China time and refuses anything else', () => {
    expect(periodOf('2026-H1')).toMatchObject({ kind: 'half', from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-06-30T16:00:00Z') });
    expect(periodOf('2026-12')).toMatchObject({ kind: 'month', from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
    expect(periodOf('2026')?.to).toEqual(new Date('2026-12-31T16:00:00Z'));
    for (const bad of ['2026-H3', '2026-13', '26', '2026-1', '1999', 'x']) expect(periodOf(bad), bad).toBeUndefined();
  });
});
