// The year-end evaluation and a monthly bulletin at the scale of a large agency: 1,000,000 cases
// closed in 2026 (with their outcomes), 100,000 accountability records, 200 staff in 20 departments,
// on PostgreSQL and on PGlite. Goals: evaluation under 2 s on PostgreSQL with memory flat (the
// process never holds the cases), bulletin under 1 s. Runnable alone
// (node --expose-gc --import tsx scripts/bench/evaluation.ts); run-bench.ts calls benchEvaluation().
import { pathToFileURL } from 'node:url';
import { withFreshPgDatabase } from './fresh-pg-database.ts';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { periodOf } from '../../src/domain/evaluation/period.ts';
import { buildEvaluationWorkbook } from '../../src/messages/reports/evaluation-workbook.ts';
import { departmentNames } from '../../src/db/org-repository.ts';
import { evaluationOf } from '../../src/use-cases/run-evaluation.ts';
import { bulletinView } from '../../src/use-cases/monthly-bulletin.ts';
import { loadWorkCalendar } from '../../src/holidays/load-work-calendar.ts';

export interface EvaluationRow {
  database: 'pglite' | 'postgres';
  what: string;
  runs: number;
  medianMs: number;
  maxMs: number;
  heapMb: [number, number];
  output: string;
}

const CASES = Number(process.env.BENCH_EVAL_CASES ?? 1_000_000);
const RECORDS = Number(process.env.BENCH_EVAL_RECORDS ?? 100_000);
const DEPARTMENTS = 20;
const STAFF = 200;
const RUNS = 3;

const mb = (n: number) => Math.round(n / 1048576);
const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return mb(process.memoryUsage().heapUsed);
};

/** The organization and a year of facts, written by the database itself (INSERT … SELECT generate_series). */
async function seed(database: Database): Promise<void> {
  const sql = (text: string) => database.prisma.$executeRawUnsafe(text);
  await sql(`INSERT INTO "OrgSetting" ("key", "value") VALUES ('unit', '基准测试单位'), ('office', 'd1'), ('principal', 'u1')`);
  await sql(`INSERT INTO "Department" ("key", "name", "head", "leader") SELECT 'd' || g, '部室' || g, 'u' || ((g - 1) * 10 + 1), 'u' || (1 + g % 3) FROM generate_series(1, ${DEPARTMENTS}) g`);
  await sql(`INSERT INTO "Staff" ("userid", "name", "department") SELECT 'u' || g, '员工' || g, 'd' || (1 + (g - 1) / 10) FROM generate_series(1, ${STAFF}) g`);
  // Cases closed through 2026: handler u(1 + g % 200), its department, received and closed on the same day.
  const person = `(1 + g % ${STAFF})`;
  const dept = `(1 + (g % ${STAFF}) / 10)`;
  const day = `TIMESTAMPTZ '2026-01-01 10:00:00+08' + make_interval(days => g % 360)`;
  await sql(`
    INSERT INTO "Case" ("status", "class", "channel", "applicant", "matter", "department", "firstResponder", "handler", "receivedAt", "dueAt", "closedAt", "sourceKey")
    SELECT 'DONE', 'consultation', 'phone', '当事人' || g, '事项' || g, 'd' || ${dept}, 'u' || ${person}, 'u' || ${person}, ${day},
           ${day} + interval '3 days', ${day} + make_interval(hours => 1 + g % 100), 'bench:' || g
    FROM generate_series(1, ${CASES}) g`);
  await sql(`
    INSERT INTO "CaseOutcome" ("caseNo", "kind", "at", "class", "receivedAt", "dueAt", "onTime", "overdueDays", "immediate", "credited", "creditedDepartment", "coveredFor", "handler", "department")
    SELECT "no", 'done', "closedAt", 'consultation', "receivedAt", "dueAt", "closedAt" <= "dueAt", CASE WHEN "closedAt" > "dueAt" THEN 1 ELSE 0 END,
           "no" % 7 = 0, "handler", "department", CASE WHEN "no" % 10 = 0 THEN 'u' || (1 + ("no" + 1) % ${STAFF}) END, "handler", "department"
    FROM "Case"`);
  const kinds = `(ARRAY['overdue','deemed_approval','second_round_materials','complaint_upheld','shirked_referral','late_written_notice','dissatisfied'])[1 + g % 7]`;
  const decisions = `(ARRAY[NULL,NULL,'criticism','public_criticism','no_action','written_warning',NULL])[1 + g % 7]`;
  await sql(`
    INSERT INTO "AccountabilityRecord" ("key", "at", "kind", "subject", "person", "department", "caseNo", "decision", "decidedBy", "decidedAt")
    SELECT 'bench:' || g, TIMESTAMPTZ '2026-01-02 09:00:00+08' + make_interval(hours => g % 8600), ${kinds}, 'u' || ${person}, 'u' || ${person}, 'd' || ${dept},
           1 + (g * 7) % ${CASES}, ${decisions}, CASE WHEN ${decisions} IS NOT NULL THEN 'u1' END,
           CASE WHEN ${decisions} IS NOT NULL THEN TIMESTAMPTZ '2026-01-05 09:00:00+08' + make_interval(hours => g % 8600) END
    FROM generate_series(1, ${RECORDS}) g`);
  await sql(`
    INSERT INTO "Complaint" ("complainant", "content", "caseNo", "at", "dueAt", "status", "upheld", "sourceKey")
    SELECT 'u' || (1 + g % ${STAFF}), '投诉' || g, 1 + (g * 13) % ${CASES}, TIMESTAMPTZ '2026-01-03 10:00:00+08' + make_interval(hours => g % 8600),
           TIMESTAMPTZ '2026-01-10 10:00:00+08' + make_interval(hours => g % 8600), 'ANSWERED', g % 3 = 0, 'bench-complaint:' || g
    FROM generate_series(1, ${RECORDS / 10}) g`);
  await sql(`
    INSERT INTO "CaseRating" ("caseNo", "rating", "by", "at", "person", "department")
    SELECT "no", 1 + "no" % 5, 'u1', "closedAt" + interval '1 day', "handler", "department" FROM "Case" WHERE "no" % 20 = 0`);
  for (const table of ['Case', 'CaseOutcome', 'AccountabilityRecord', 'Complaint', 'CaseRating']) await sql(`ANALYZE "${table}"`);
}

async function measure(database: Database, kind: EvaluationRow['database']): Promise<EvaluationRow[]> {
  const db = database.prisma;
  const calendar = await loadWorkCalendar();
  const run = async <T,>(what: string, work: () => Promise<T>, describe: (result: T) => string): Promise<EvaluationRow> => {
    await work(); // warm-up: query plans, module code
    const before = heap();
    const times: number[] = [];
    let result: T | undefined;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      result = await work();
      times.push(performance.now() - t0);
    }
    const after = heap();
    const output = describe(result as T);
    const sorted = [...times].sort((a, b) => a - b);
    return { database: kind, what, runs: RUNS, medianMs: Math.round(sorted[Math.floor(RUNS / 2)]!), maxMs: Math.round(sorted.at(-1)!), heapMb: [before, after], output };
  };
  const year = periodOf('2026')!;
  const june = periodOf('2026-06')!;
  return [
    await run(
      'evaluation 2026 (computed)',
      () => evaluationOf(db, year),
      (view) => {
        const deductions = [...view.departments, ...view.people].reduce((n, s) => n + s.deductions.length, 0);
        return `${view.departments.length} departments, ${view.people.length} people, ${deductions.toLocaleString('en')} deductions (${(JSON.stringify(view).length / 1048576).toFixed(1)} MB as JSON)`;
      },
    ),
    await run(
      'evaluation 2026 (XLSX)',
      async () => buildEvaluationWorkbook(await evaluationOf(db, year), await departmentNames(db)),
      (book) => `${(book.length / 1048576).toFixed(1)} MB workbook`,
    ),
    await run(
      'bulletin 2026-06',
      async () => (await bulletinView(db, june, new Date('2026-07-01T09:30:00+08:00'), calendar)).bulletin,
      (b) => `${b.departments.reduce((n, d) => n + d.handled, 0).toLocaleString('en')} cases, ${b.overdueCases.length} overdue listed, ${b.decided.length} decisions`,
    ),
  ];
}

async function onPglite(): Promise<EvaluationRow[]> {
  const database = await openDatabase({ dataDir: '', memory: true });
  try {
    const t0 = performance.now();
    await seed(database);
    console.error(`pglite: seeded in ${Math.round((performance.now() - t0) / 1000)} s`);
    return await measure(database, 'pglite');
  } finally {
    await database.close();
  }
}

async function onPostgres(): Promise<EvaluationRow[]> {
  return withFreshPgDatabase('bench_eval', async (url) => {
    const database = await openDatabase({ databaseUrl: url, dataDir: '' });
    try {
      const t0 = performance.now();
      await seed(database);
      console.error(`postgres: seeded in ${Math.round((performance.now() - t0) / 1000)} s`);
      return await measure(database, 'postgres');
    } finally {
      await database.close();
    }
  });
}

export async function benchEvaluation(): Promise<EvaluationRow[]> {
  return [...(await onPostgres()), ...(await onPglite())];
}

export function evaluationTable(rows: readonly EvaluationRow[]): string {
  return [
    '| database | what | median ms | max ms | heap MB before → after | output |',
    '|---|---|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.database} | ${r.what} | ${r.medianMs} | ${r.maxMs} | ${r.heapMb[0]} → ${r.heapMb[1]} | ${r.output} |`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(evaluationTable(await benchEvaluation()));
  process.exit(0);
}
