// The workbench's heaviest pages at 100,000 cases on PostgreSQL: the case list (unfiltered for the
// office, a head's scoped list, the overdue filter, a search) and the 全局 page, timed over HTTP on
// the loopback against the real bot (sign-in cookie, routes, queries, HTML). Goal: p95 under 100 ms.
// Runnable alone (node --import tsx scripts/bench/workbench.ts); run-bench.ts calls benchWorkbench().
import { pathToFileURL } from 'node:url';
import Keygrip from 'keygrip';
import { withFreshPgDatabase } from './fresh-pg-database.ts';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { loadWorkCalendar } from '../../src/holidays/load-work-calendar.ts';
import { startBot } from '../../src/bot-app.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { startFakeWeComApiServer } from '../../src/wecom/fake/wecom-api-server.ts';

export interface WorkbenchRow {
  page: string;
  viewer: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  kb: number;
}

const CASES = Number(process.env.BENCH_WORKBENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_WORKBENCH_RUNS ?? 100);
const DEPARTMENTS = 20;
const STAFF = 200;
const SECRET = 'bench-session-secret-0123456789abcdef';

/** 20 departments of 10; a tenth of the cases open (a third of those overdue), the rest closed over the last 12 months with outcomes. */
export async function seedForProbe(database: Database): Promise<void> {
  return seed(database);
}

async function seed(database: Database): Promise<void> {
  const sql = (text: string) => database.prisma.$executeRawUnsafe(text);
  await sql(`INSERT INTO "OrgSetting" ("key", "value") VALUES ('unit', '基准测试单位'), ('office', 'd1'), ('principal', 'u2')`);
  await sql(`INSERT INTO "Department" ("key", "name", "head", "leader") SELECT 'd' || g, '部室' || g, 'u' || ((g - 1) * 10 + 1), 'u' || (1 + g % 3) FROM generate_series(1, ${DEPARTMENTS}) g`);
  await sql(`INSERT INTO "Staff" ("userid", "name", "department") SELECT 'u' || g, '员工' || g, 'd' || (1 + (g - 1) / 10) FROM generate_series(1, ${STAFF}) g`);
  const person = `(1 + g % ${STAFF})`;
  const dept = `(1 + (g % ${STAFF}) / 10)`;
  const received = `now() - make_interval(days => g % 360, hours => g % 7)`;
  await sql(`
    INSERT INTO "Case" ("status", "class", "channel", "applicant", "phone", "matter", "department", "firstResponder", "handler", "receivedAt", "dueAt", "closedAt", "sourceKey")
    SELECT CASE WHEN g % 10 = 0 THEN 'OPEN' ELSE 'DONE' END, (ARRAY['review','approval','consultation','rights'])[1 + g % 4], 'phone',
           '当事人' || g, '138' || lpad((g % 100000000)::text, 8, '0'), '事项' || g, 'd' || ${dept}, 'u' || ${person}, 'u' || ${person},
           CASE WHEN g % 10 = 0 THEN now() - make_interval(days => g % 9) ELSE ${received} END,
           CASE WHEN g % 10 = 0 THEN now() + make_interval(days => (g % 9) - 3) ELSE ${received} + interval '3 days' END,
           CASE WHEN g % 10 = 0 THEN NULL ELSE ${received} + make_interval(hours => 1 + g % 100) END, 'bench:' || g
    FROM generate_series(1, ${CASES}) g`);
  await sql(`
    INSERT INTO "CaseOutcome" ("caseNo", "kind", "at", "class", "receivedAt", "dueAt", "onTime", "overdueDays", "credited", "creditedDepartment", "handler", "department")
    SELECT "no", 'done', "closedAt", "class", "receivedAt", "dueAt", "closedAt" <= "dueAt", CASE WHEN "closedAt" > "dueAt" THEN 1 ELSE 0 END, "handler", "department", "handler", "department"
    FROM "Case" WHERE "status" = 'DONE'`);
  await sql(`
    INSERT INTO "AccountabilityRecord" ("key", "at", "kind", "subject", "person", "department", "caseNo")
    SELECT 'bench:' || g, now() - make_interval(hours => g % 8000), 'overdue', 'u' || ${person}, 'u' || ${person}, 'd' || ${dept}, g * 10
    FROM generate_series(1, ${CASES / 100}) g`);
  await sql(`
    INSERT INTO "Complaint" ("complainant", "content", "caseNo", "at", "dueAt", "status", "sourceKey")
    SELECT 'u' || (1 + g % ${STAFF}), '投诉' || g, g * 10, now() - make_interval(hours => g % 8000), now(), 'OPEN', 'bench-complaint:' || g
    FROM generate_series(1, ${CASES / 1000}) g`);
  // As autovacuum leaves a settled database: statistics, and the visibility map index-only scans rely on.
  for (const table of ['Case', 'CaseOutcome', 'AccountabilityRecord', 'Complaint']) await sql(`VACUUM ANALYZE "${table}"`);
}

async function measure(database: Database): Promise<WorkbenchRow[]> {
  const fake = await startFakeWeComApiServer({ corpId: 'ww-bench', secret: 'bench', agentId: 1 });
  const bot = await startBot(
    {
      database,
      wecom: { corpId: 'ww-bench', agentId: 1, secret: 'bench', token: 'benchtoken', encodingAESKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', apiBase: fake.url },
      calendar: await loadWorkCalendar(),
      clock: systemClock,
      log: createLogger({ level: 'silent' }),
      adminToken: undefined,
      publicBaseUrl: 'http://127.0.0.1',
      workbench: { oauthBase: fake.url, sessionSecret: SECRET },
    },
    0,
    '127.0.0.1',
  );
  const keys = new Keygrip([SECRET], 'sha256');
  const cookieOf = (userid: string) => {
    const value = Buffer.from(JSON.stringify({ u: userid, t: Date.now() })).toString('base64url');
    return `wb_session=${value}; wb_session.sig=${keys.sign(`wb_session=${value}`)}`;
  };
  const pages: { page: string; viewer: string; userid: string; path: string }[] = [
    { page: 'case list, first page', viewer: 'office', userid: 'u1', path: '/app/cases' },
    { page: 'case list, overdue in one department', viewer: 'office', userid: 'u1', path: '/app/cases?department=d7&overdue=1' },
    { page: 'case list, search by applicant', viewer: 'office', userid: 'u1', path: `/app/cases?q=${encodeURIComponent(`当事人${Math.floor(CASES / 3)}`)}` },
    { page: 'case list, a head (own department)', viewer: 'head', userid: 'u61', path: '/app/cases' },
    { page: '全局 (overview)', viewer: 'office', userid: 'u1', path: '/app/overview' },
    { page: '部室 (one department)', viewer: 'office', userid: 'u1', path: '/app/departments/d7' },
  ];
  const rows: WorkbenchRow[] = [];
  try {
    for (const p of pages) {
      const cookie = cookieOf(p.userid);
      const get = async () => {
        const res = await fetch(`${bot.url}${p.path}`, { headers: { cookie } });
        const body = await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${p.path} answered ${res.status}`);
        return body.byteLength;
      };
      for (let i = 0; i < 5; i++) await get(); // warm-up: plans, code
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        bytes = await get();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]! * 10) / 10;
      rows.push({ page: p.page, viewer: p.viewer, runs: RUNS, p50: at(0.5), p95: at(0.95), max: at(1), kb: Math.round(bytes / 102.4) / 10 });
      console.error(`${p.page}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
    }
  } finally {
    await bot.stop();
    await fake.close();
  }
  return rows;
}

export async function benchWorkbench(): Promise<WorkbenchRow[]> {
  return withFreshPgDatabase('bench_workbench', async (url) => {
    const database = await openDatabase({ databaseUrl: url, dataDir: '' });
    try {
      const t0 = performance.now();
      await seed(database);
      console.error(`postgres: seeded ${CASES} cases in ${Math.round((performance.now() - t0) / 1000)} s`);
      return await measure(database);
    } finally {
      await database.close();
    }
  });
}

export function workbenchTable(rows: readonly WorkbenchRow[]): string {
  return [
    '| page | viewer | requests | p50 ms | p95 ms | max ms | HTML KB |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.page} | ${r.viewer} | ${r.runs} | ${r.p50} | ${r.p95} | ${r.max} | ${r.kb} |`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(workbenchTable(await benchWorkbench()));
  process.exit(0);
}
