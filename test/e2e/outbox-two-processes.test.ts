import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { applyOrg } from '../../src/db/apply-org.ts';
import { enqueueOutbound } from '../../src/db/outbox.ts';
import { readOrgFile } from '../../src/org/read-org-file.ts';
import { startFakeWeComApiServer, type FakeWeComApiServer } from '../fakes/fake-wecom-server.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { BASIC_ORG, TEST_WECOM } from '../support/start-test-bot.ts';
import { startBotProcess, type BotProcess } from '../support/bot-process.ts';
import { waitFor } from '../support/wait-for.ts';

const REPLIES = 50;

/**
 * Two bot processes on one PostgreSQL database and a WeCom that takes 15 s to answer each send: the
 * claims outlive the sends, each row is re-checked just before its send, so nothing goes twice
 * (issue 14 item 3; with one process and 15 s answers, 6 replies used to arrive 2-5 times each).
 */
describe.runIf(process.env.TEST_DATABASE_URL)('two bot processes and a slow WeCom', { timeout: 240_000 }, () => {
  let database: Database;
  let wecom: FakeWeComApiServer;
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const org = await readOrgFile(BASIC_ORG);
    if (!org.ok) throw new Error(org.errors.join('\n'));
    await applyOrg(database.prisma, org.org, new Date());
    wecom = await startFakeWeComApiServer({ corpId: TEST_WECOM.corpId, secret: TEST_WECOM.secret, agentId: TEST_WECOM.agentId });
    wecom.setLatency(15_000);
    await enqueueOutbound(
      database.prisma,
      Array.from({ length: REPLIES }, (_, i) => ({ key: `slow:${i}`, toUser: `member${i % 25}`, kind: 'text' as const, payload: { content: `回复${i}` } })),
    );
  }, 120_000);
  afterAll(async () => {
    for (const b of bots) if (b.child.exitCode === null) b.child.kill('SIGKILL');
    await wecom?.close();
    await database?.close();
  });

  it('delivers 50 replies with 0 duplicates', async () => {
    const [row] = await database.prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    const env = { DATABASE_URL: url.toString(), WECOM_API_BASE: wecom.url, OUTBOX_CONCURRENCY: '10', LOG_LEVEL: 'warn' };
    bots.push(await startBotProcess(env), await startBotProcess(env));
    await waitFor('all replies marked sent', async () => (await database.prisma.outboxMessage.count({ where: { sentAt: null } })) === 0, { timeoutMs: 200_000, intervalMs: 500 });
    // Anything a second instance still had in flight would have reached WeCom by now.
    await new Promise((r) => setTimeout(r, 1_000));
    const contents = wecom.messages.map((m) => `${m.touser.join('|')} ${m.content}`);
    expect(contents).toHaveLength(REPLIES);
    expect(new Set(contents).size).toBe(REPLIES);
    expect(await database.prisma.outboxMessage.count({ where: { gaveUpAt: { not: null } } })).toBe(0);
    // Both processes took part.
    const owners = await database.prisma.outboxMessage.groupBy({ by: ['claimedBy'], _count: true });
    expect(owners.length).toBe(2);
    for (const b of bots) b.child.kill('SIGTERM');
    for (const b of bots) expect(await b.exited).toBe(0);
  });
});
