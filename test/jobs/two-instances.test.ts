import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { BACKENDS, withAdmin, type Backend } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { at, headline } from '../support/reminder-walk.ts';

const ORG = new URL('../fixtures/org/reminders-org.yaml', import.meta.url).pathname;
const PAIRS = [
  { a: 'lihua', b: 'zhaomin', department: 'kpb' },
  { a: 'wugang', b: 'zhengli', department: 'kpb' },
  { a: 'qianjun', b: 'fengxue', department: 'xxb' },
  { a: 'heping', b: 'luoyun', department: 'xxb' },
];
const CASES = 160;
const INSTRUCTIONS = 20;

/**
 * Two bot processes share one database: one PostgreSQL database through two connection pools, or
 * (without TEST_DATABASE_URL) one PGlite with two bots and their schedulers ticking concurrently.
 * Every reminder is claimed, queued and delivered exactly once, and no member is sent more than 30
 * messages in any minute although 80 reminders each fall due at once.
 */
describe.each(BACKENDS)('two bot instances on one database (%s)', (backend: Backend) => {
  const dbs: Database[] = [];
  let drop: (() => Promise<void>) | undefined;
  let one: TestBot;
  let two: TestBot;

  beforeAll(async () => {
    if (backend === 'postgres') {
      const admin = process.env.TEST_DATABASE_URL!;
      const name = `xn_test_two_${randomBytes(4).toString('hex')}`;
      await withAdmin(admin, (c) => c.query(`CREATE DATABASE "${name}"`));
      const url = new URL(admin);
      url.pathname = `/${name}`;
      dbs.push(await openDatabase({ databaseUrl: url.toString(), dataDir: '' }));
      dbs.push(await openDatabase({ databaseUrl: url.toString(), dataDir: '' }));
      drop = () => withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
    } else {
      const shared = await openDatabase({ dataDir: '', memory: true });
      dbs.push(shared, shared);
    }
    const now = at('2026-09-21T08:50:00');
    one = await startTestBot({ backend, database: dbs[0], orgFile: ORG, now });
    two = await startTestBot({ backend, database: dbs[1], orgFile: ORG, now });
    // 160 approval cases due Monday 09-21 24:00 and 20 requests for instructions overdue since Friday.
    await dbs[0]!.prisma.case.createMany({
      data: [
        ...Array.from({ length: CASES }, (_, i) => {
          const p = PAIRS[i % PAIRS.length]!;
          return { status: 'OPEN', class: 'approval', channel: 'phone', applicant: `当事人${i}`, matter: `事项${i}`, department: p.department, firstResponder: p.a, handler: p.a, receivedAt: at('2026-09-16T10:00:00'), dueAt: at('2026-09-21T23:59:59.999'), sourceKey: `seed:${i}` };
        }),
        ...Array.from({ length: INSTRUCTIONS }, (_, i) => {
          const p = PAIRS[i % PAIRS.length]!;
          return { status: 'OPEN', class: 'instruction', channel: 'letter', applicant: `请示单位${i}`, matter: `请示${i}`, department: p.department, firstResponder: p.a, handler: p.a, receivedAt: at('2026-09-15T10:00:00'), dueAt: at('2026-09-18T23:59:59.999'), sourceKey: `seed:i${i}` };
        }),
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await one?.close();
    await two?.close();
    for (const db of new Set(dbs)) await db.close();
    await drop?.();
  });

  const bots = () => [one, two];
  const setClocks = (d: Date) => bots().forEach((t) => t.clock.set(d));
  const sentMessages = () => [...one.wecom.messages, ...two.wecom.messages];

  /** Both instances tick at `now`, twice each, all at the same time; then deliver everything, minute by minute. */
  async function concurrentTicks(now: Date) {
    setClocks(now);
    const reports = await Promise.all([one.bot.runSchedulerTick(now), two.bot.runSchedulerTick(now), one.bot.runSchedulerTick(now), two.bot.runSchedulerTick(now)]);
    for (let minute = 0; minute < 10; minute++) {
      await Promise.all(bots().map((t) => t.bot.settle()));
      if ((await dbs[0]!.prisma.outboxMessage.count({ where: { sentAt: null, gaveUpAt: null } })) === 0) break;
      setClocks(new Date(now.getTime() + (minute + 1) * 61_000));
      bots().forEach((t) => t.bot.outbox.kick());
    }
    return reports;
  }

  // Two instances working hundreds of reminders on one database: generous bounds for a shared two-core machine.
  it('claims every reminder once across both instances at the due-day opening', { timeout: 120_000 }, async () => {
    const reports = await concurrentTicks(at('2026-09-21T09:00:00'));
    const sum = (job: string) => reports.reduce((n, r) => n + (r[job]?.result?.['sent'] ?? 0), 0);
    expect(reports.every((r) => Object.values(r).every((j) => j.error === undefined))).toBe(true);
    // What falls due at opening goes on one morning card per person: 4 handlers, 4 B holders, 2 heads.
    expect(sum('case-reminders')).toBe(0);
    expect(sum('deemed-approval')).toBe(INSTRUCTIONS);
    expect(sum('morning-digest')).toBe(2 * PAIRS.length + 2);
    expect(await dbs[0]!.prisma.reminderSent.count({ where: { kind: 'morning_digest' } })).toBe(2 * PAIRS.length + 2);
    // Each case's due-day rung is claimed once, by the digest that told it.
    expect(await dbs[0]!.prisma.reminderSent.count({ where: { kind: 'due_today' } })).toBe(CASES);
    expect(await dbs[0]!.prisma.caseEvent.count({ where: { action: 'deemed_approved' } })).toBe(INSTRUCTIONS);
  });

  it('delivers each message exactly once, to the handler and the B holder', async () => {
    const texts = sentMessages().map((m) => `${m.touser.join('|')} ${m.content ?? JSON.stringify(m.card)}`);
    expect(new Set(texts).size).toBe(texts.length);
    // One card each, listing every case due today of theirs: 40 for handler and B, 80 for a head.
    const digests = sentMessages().filter((m) => headline(m) === '【每日待办汇总】9月21日');
    expect(digests.map((m) => m.touser[0]).sort()).toEqual([...PAIRS.flatMap((p) => [p.a, p.b]), 'chenjing', 'sunli'].sort());
    for (const p of PAIRS) {
      for (const u of [p.a, p.b]) expect(digests.find((m) => m.touser[0] === u)!.card).toMatchObject({ main_title: { desc: `今日到期 ${CASES / PAIRS.length} 件` } });
    }
    expect(digests.find((m) => m.touser[0] === 'chenjing')!.card).toMatchObject({ main_title: { desc: `今日到期 ${CASES / 2} 件` } });
    // Deemed approvals: handler, head and office head (use case) plus the supervising leader, once each.
    expect(sentMessages().filter((m) => m.content?.startsWith('【视为同意】') && m.touser[0] === 'zhouqi')).toHaveLength(INSTRUCTIONS / 2);
    expect(await dbs[0]!.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
  });

  it('never sends one member more than 30 messages in a minute, counting both instances', { timeout: 120_000 }, async () => {
    await concurrentTicks(at('2026-09-21T15:30:00'));
    // The handler's is the case's card, B's a text: 2 × 160 messages, 40 to each person at once.
    expect(sentMessages().filter((m) => headline(m).includes('距下班还有'))).toHaveLength(2 * CASES);
    const rows = await dbs[0]!.prisma.outboxMessage.findMany({ where: { sentAt: { not: null } }, select: { toUser: true, sentAt: true } });
    const byUser = new Map<string, number[]>();
    for (const r of rows) byUser.set(r.toUser, [...(byUser.get(r.toUser) ?? []), r.sentAt!.getTime()]);
    let busiest = 0;
    for (const times of byUser.values()) {
      times.sort((a, b) => a - b);
      for (let i = 0; i < times.length; i++) busiest = Math.max(busiest, times.filter((t) => t >= times[i]! && t < times[i]! + 60_000).length);
    }
    expect(busiest).toBe(30);
  });
});
