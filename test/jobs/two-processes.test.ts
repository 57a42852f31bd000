import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { applyOrg } from '../../src/db/apply-org.ts';
import { readOrgFile } from '../../src/org/read-org-file.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { at } from '../support/reminder-walk.ts';

const ORG = new URL('../fixtures/org/reminders-org.yaml', import.meta.url).pathname;
const SCRIPT = new URL('../support/reminder-bot-process.ts', import.meta.url).pathname;
const HANDLERS = [
  { a: 'lihua', department: 'kpb' },
  { a: 'wugang', department: 'kpb' },
  { a: 'qianjun', department: 'xxb' },
  { a: 'heping', department: 'xxb' },
];
const CASES = 120;
// The due day's afternoon rung: each case's reminder goes out on its own (at opening they go on one
// morning card per person instead).
const NOW = at('2026-09-21T15:30:00');

interface Result {
  sent: Record<string, number>;
  messages: { to: string; content: string }[];
}

/** Two bot processes (two OS processes, two pools) on one PostgreSQL database, ticking at the same instant. */
describe.runIf(process.env.TEST_DATABASE_URL)('two bot processes on one PostgreSQL database', () => {
  let database: Database;
  let results: Result[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const org = await readOrgFile(ORG);
    if (!org.ok) throw new Error(org.errors.join('\n'));
    await applyOrg(database.prisma, org.org, NOW);
    await database.prisma.case.createMany({
      data: Array.from({ length: CASES }, (_, i) => {
        const h = HANDLERS[i % HANDLERS.length]!;
        return { status: 'OPEN', class: 'approval', channel: 'phone', applicant: `当事人${i}`, matter: `事项${i}`, department: h.department, firstResponder: h.a, handler: h.a, receivedAt: at('2026-09-16T10:00:00'), dueAt: at('2026-09-21T23:59:59.999'), sourceKey: `seed:${i}` };
      }),
    });
    const url = await databaseUrlOf(database);
    const children = [startChild(url), startChild(url)];
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.child.stdin!.write('go\n');
    results = await Promise.all(children.map((c) => c.result));
  }, 180_000);
  afterAll(async () => database?.close());

  it('claims each reminder in exactly one process', () => {
    const claimed = results.reduce((n, r) => n + (r.sent['case-reminders'] ?? 0), 0);
    expect(claimed).toBe(CASES);
  });

  it('delivers every reminder exactly once across both processes', async () => {
    const all = results.flatMap((r) => r.messages).filter((m) => m.content.includes('今天到期'));
    const lines = all.map((m) => `${m.to} ${m.content}`);
    const seen = new Set<string>();
    const dupes = lines.filter((l) => (seen.has(l) ? true : (seen.add(l), false)));
    expect(dupes).toEqual([]);
    expect(all).toHaveLength(2 * CASES); // handler and B holder of each case
    expect(await database.prisma.reminderSent.count({ where: { kind: 'due_soon' } })).toBe(CASES);
    expect(await database.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
  });
});

async function databaseUrlOf(database: Database): Promise<string> {
  const [row] = await database.prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  return url.toString();
}

function startChild(url: string): { child: ChildProcess; ready: Promise<void>; result: Promise<Result> } {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { ...process.env, DATABASE_URL: url, NOW: NOW.toISOString(), ORG_FILE: ORG },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  let markReady: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  const result = new Promise<Result>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'READY') markReady();
      if (line.startsWith('RESULT ')) resolve(JSON.parse(line.slice(7)) as Result);
    });
    child.once('exit', (code) => reject(new Error(`bot process exited with ${code} before its result`)));
  });
  return { child, ready, result };
}
