import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { postgresBinDir, startOwnPostgres, type OwnPostgres } from '../support/own-postgres.ts';
import { waitFor } from '../support/wait-for.ts';

const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');
const SENDERS = ['lihua', 'zhaomin', 'chenjing', 'liuyang'];
/** A reply as the person sees it: a text, or a card's fields. */
const shown = (m: { content?: string; card?: unknown }) => m.content ?? JSON.stringify(m.card ?? '');

// Its own PostgreSQL cluster (not the shared test server): this test crashes it.
describe.runIf(postgresBinDir())('PostgreSQL crashes while messages are worked', () => {
  let cluster: OwnPostgres;
  let database: Database;
  let t: TestBot;
  beforeAll(async () => {
    cluster = await startOwnPostgres();
    database = await openDatabase({ databaseUrl: cluster.url, dataDir: '' });
    // A short lease: a reply sent just before the crash, whose record was lost with it, is tried again
    // (WeCom's duplicate check drops the copy) within seconds rather than after the default 2 minutes.
    t = await startTestBot({ database, now: TUESDAY_MORNING, outbox: { sendTimeoutMs: 2_000, leaseMs: 8_000, maxBackoffMs: 5_000 } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await database?.close();
    await cluster?.destroy();
  });

  it('survives: every acknowledged message is worked once and its reply sent once after the restart', async () => {
    const requests = Array.from({ length: 60 }, (_, i) => ({
      applicant: `重启${String(i + 1).padStart(2, '0')}`,
      req: t.client.textCallback({ from: SENDERS[i % SENDERS.length]!, content: `登记 来人 审核 重启${String(i + 1).padStart(2, '0')} 申报材料` }),
    }));
    const acknowledged = new Set<string>();
    let crashed = false;
    const crash = (async () => {
      // The crash comes while the inbox is working: some replies are out, most are not.
      await waitFor('the first replies', () => t.wecom.messages.length >= 4, { timeoutMs: 60_000, intervalMs: 5 });
      await cluster.stop('immediate');
      crashed = true;
    })();
    for (const { applicant, req } of requests) {
      const res = await t.post(req);
      if (res.status === 200) acknowledged.add(applicant);
      else expect(res.status).toBe(503);
    }
    await crash;
    expect(acknowledged.size).toBeGreaterThan(4);
    // Down: the process is alive and says so; callbacks are refused, not lost (WeCom delivers them again).
    await waitFor('the health check to see the database gone', async () => (await fetch(`${t.bot.url}/healthz`)).status === 503);
    const refused = await t.post(t.client.textCallback({ from: 'lihua', content: '帮助' }));
    expect(refused.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await cluster.start();
    expect(crashed).toBe(true);

    // WeCom delivers again what was not acknowledged; a redelivery of an acknowledged one changes nothing.
    for (const { applicant, req } of requests) {
      const res = await t.post(req);
      expect(res.status).toBe(200);
      acknowledged.add(applicant);
    }
    await waitFor(
      () => `a reply for each of the 60 messages (missing: ${requests.filter(({ applicant }) => !t.wecom.messages.some((m) => shown(m).includes(applicant))).map((r) => r.applicant).join(' ')})`,
      () => requests.every(({ applicant }) => t.wecom.messages.some((m) => shown(m).includes(applicant))),
      // A reply claimed by the outbox just before the crash waits out the claim's lease.
      { timeoutMs: 150_000, intervalMs: 100 },
    );
    // A reply sent just before the crash whose record was lost is tried again once its claim lapses:
    // WeCom's duplicate check (texts) or 42014 (cards) then says it was delivered, and nobody gets it twice.
    await waitFor(
      'the outbox to be empty',
      async () => {
        t.bot.outbox.kick();
        return (await database.prisma.outboxMessage.count({ where: { sentAt: null, gaveUpAt: null } })) === 0;
      },
      { timeoutMs: 200_000, intervalMs: 1_000 },
    );
    await t.bot.settle();

    for (const { applicant } of requests) {
      expect(await database.prisma.case.count({ where: { applicant } }), applicant).toBe(1);
      // Worked once: one reply queued; sent once, also when the database went away between the send
      // and its record (the outbox's part, issue 14 item 3).
      const [queued] = await database.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "OutboxMessage" WHERE "key" LIKE 'reply:%' AND "payload"::text LIKE ${`%${applicant}%`}`;
      expect(Number(queued!.n), applicant).toBe(1);
      expect(t.wecom.messages.filter((m) => shown(m).includes(applicant)), applicant).toHaveLength(1);
    }
    // None given up either: a card whose send went through just before the crash is recognised on its retry.
    expect(await database.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
    expect(await database.prisma.inboxMessage.count({ where: { processedAt: null } })).toBe(0);
    // Nobody got the apology of a message set aside.
    expect(await database.prisma.outboxMessage.count({ where: { key: { startsWith: 'reply:' }, payload: { path: ['content'], string_contains: '处理您的消息时出现了问题' } } })).toBe(0);
    expect(t.logLines.some((l) => l.includes('database unavailable while working a message'))).toBe(true);
  }, 420_000);
});
