// One scheduler tick with 100,000 open cases, on PGlite and on PostgreSQL: the time of a tick when
// nothing is due (goal: under 1 s, memory flat), and of the tick that claims a morning's reminders.
// Runnable alone (npx tsx scripts/bench/scheduler-tick.ts); run-bench.ts calls benchSchedulerTick().
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { withFreshPgDatabase } from './fresh-pg-database.ts';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { applyOrg } from '../../src/db/apply-org.ts';
import { readOrgFile } from '../../src/org/read-org-file.ts';
import { DEMO_ORG_PATH } from '../../src/org/demo-org.ts';
import { loadWorkCalendar } from '../../src/holidays/load-work-calendar.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { AdjustableClock } from '../../src/shared/clock.ts';
import { startScheduler } from '../../src/jobs/start-scheduler.ts';
import { ALL_JOBS } from '../../src/jobs/all-jobs.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminders/reminder-policy.ts';

export interface SchedulerTickRow {
  database: 'pglite' | 'postgres';
  openCases: number;
  scenario: string;
  ticks: number;
  medianMs: number;
  maxMs: number;
  rssMb: [number, number];
  heapMb: [number, number];
}

const OPEN_CASES = Number(process.env.BENCH_OPEN_CASES ?? 100_000);
const DUE_TODAY = Math.round(OPEN_CASES / 100);
const TICKS = 20;
// Monday 2026-09-21 10:00 China time: the office is open, so every job does its full work.
const NOW = new Date('2026-09-21T10:00:00+08:00');
const HANDLERS = [
  ['xuming', 'bgs'], ['gaoyan', 'bgs'], ['songtao', 'zxb'], ['hanxue', 'zxb'], ['lihua', 'kpb'], ['zhaomin', 'kpb'],
  ['wangfang', 'kpb'], ['luwei', 'xhb'], ['fengjie', 'xhb'], ['tangli', 'rczx'], ['caoyu', 'rczx'],
];

const mb = (n: number) => Math.round(n / 1048576);
const memory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: mb(m.rss), heap: mb(m.heapUsed) };
};

/** 100k OPEN cases in one INSERT ... SELECT generate_series, all due after tomorrow (nothing due now). */
async function seed(database: Database): Promise<void> {
  const org = await readOrgFile(DEMO_ORG_PATH);
  if (!org.ok) throw new Error(org.errors.join('\n'));
  await applyOrg(database.prisma, org.org, NOW);
  const handlers = `ARRAY[${HANDLERS.map(([h]) => `'${h}'`).join(',')}]`;
  const depts = `ARRAY[${HANDLERS.map(([, d]) => `'${d}'`).join(',')}]`;
  await database.prisma.$executeRawUnsafe(`
    INSERT INTO "Case" ("status", "class", "channel", "applicant", "matter", "department", "firstResponder", "handler", "receivedAt", "dueAt", "sourceKey")
    SELECT 'OPEN', 'approval', 'phone', '当事人' || g, '事项' || g, (${depts})[1 + g % ${HANDLERS.length}], (${handlers})[1 + g % ${HANDLERS.length}],
           (${handlers})[1 + g % ${HANDLERS.length}], TIMESTAMPTZ '2026-09-18 10:00:00+08',
           TIMESTAMPTZ '2026-09-24 23:59:59.999+08' + make_interval(days => g % 60), 'bench:' || g
    FROM generate_series(1, ${OPEN_CASES}) AS g`);
  await database.prisma.$executeRawUnsafe('ANALYZE "Case"');
}

async function measure(database: Database, kind: SchedulerTickRow['database']): Promise<SchedulerTickRow[]> {
  const calendar = await loadWorkCalendar();
  const log = createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
  const scheduler = startScheduler({ jobs: ALL_JOBS, deps: { db: database.prisma, calendar, policy: DEFAULT_REMINDER_POLICY, publicBaseUrl: 'http://bench' }, clock: new AdjustableClock(), log, cron: false });
  const run = async (scenario: string, ticks: number, at: Date): Promise<SchedulerTickRow> => {
    const before = memory();
    const times: number[] = [];
    for (let i = 0; i < ticks; i++) {
      const t0 = performance.now();
      const report = await scheduler.tick(new Date(at.getTime() + i * 60_000));
      times.push(performance.now() - t0);
      const failed = Object.entries(report).find(([, r]) => r.error);
      if (failed) throw new Error(`${failed[0]} failed: ${failed[1].error}`);
    }
    const after = memory();
    const sorted = [...times].sort((a, b) => a - b);
    return { database: kind, openCases: OPEN_CASES, scenario, ticks, medianMs: Math.round(sorted[Math.floor(ticks / 2)]!), maxMs: Math.round(sorted.at(-1)!), rssMb: [before.rss, after.rss], heapMb: [before.heap, after.heap] };
  };
  const rows: SchedulerTickRow[] = [];
  await scheduler.tick(NOW); // warm-up: query plans, module code
  rows.push(await run('nothing due', TICKS, NOW));
  // 1 % of the open cases fall due today: the first tick claims their reminders (2 messages each).
  await database.prisma.$executeRawUnsafe(`UPDATE "Case" SET "dueAt" = TIMESTAMPTZ '2026-09-21 23:59:59.999+08' WHERE "no" % 100 = 0`);
  await database.prisma.$executeRawUnsafe('ANALYZE "Case"');
  rows.push(await run(`${DUE_TODAY.toLocaleString('en')} due today: claiming tick`, 1, new Date(NOW.getTime() + 3600_000)));
  rows.push(await run(`${DUE_TODAY.toLocaleString('en')} due today, all sent: later ticks`, TICKS, new Date(NOW.getTime() + 3660_000)));
  await scheduler.stop();
  const sent = await database.prisma.reminderSent.count();
  const queued = await database.prisma.outboxMessage.count();
  console.error(`${kind}: ${sent} reminders claimed, ${queued} messages queued`);
  return rows;
}

async function onPglite(): Promise<SchedulerTickRow[]> {
  const database = await openDatabase({ dataDir: '', memory: true });
  try {
    await seed(database);
    return await measure(database, 'pglite');
  } finally {
    await database.close();
  }
}

async function onPostgres(): Promise<SchedulerTickRow[]> {
  return withFreshPgDatabase('bench_tick', async (url) => {
    const database = await openDatabase({ databaseUrl: url, dataDir: '' });
    try {
      await seed(database);
      return await measure(database, 'postgres');
    } finally {
      await database.close();
    }
  });
}

/** Both databases; PostgreSQL is skipped with a note when no server answers. */
export async function benchSchedulerTick(): Promise<SchedulerTickRow[]> {
  const rows = await onPglite();
  try {
    rows.push(...(await onPostgres()));
  } catch (err) {
    console.error(`scheduler tick on PostgreSQL not measured: ${err instanceof Error ? err.message : String(err)}`);
  }
  return rows;
}

export function schedulerTickTable(rows: SchedulerTickRow[]): string {
  const head = ['| database | open cases | scenario | ticks | median ms | max ms | RSS MB before → after | heap MB before → after |', '|---|---:|---|---:|---:|---:|---|---|'];
  return [
    ...head,
    ...rows.map((r) => `| ${r.database} | ${r.openCases.toLocaleString('en')} | ${r.scenario} | ${r.ticks} | ${r.medianMs} | ${r.maxMs} | ${r.rssMb[0]} → ${r.rssMb[1]} | ${r.heapMb[0]} → ${r.heapMb[1]} |`),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchSchedulerTick();
  console.log(schedulerTickTable(rows));
}
