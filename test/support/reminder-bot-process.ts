// A bot in its own OS process for the two-process test: it opens the PostgreSQL database named by
// DATABASE_URL, waits for "go" on stdin, ticks its scheduler at NOW twice, delivers until the shared
// outbox is empty, then prints what its WeCom received as JSON. Both processes' clocks run from NOW
// with real time, as two instances' clocks do.
import { createInterface } from 'node:readline';
import { openDatabase } from '../../src/db/open-database.ts';
import { startTestBot } from './start-test-bot.ts';
import { waitFor } from './wait-for.ts';

const now = new Date(process.env.NOW!);
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, dataDir: '' });
const t = await startTestBot({ database, orgFile: process.env.ORG_FILE!, now });
console.log('READY');
for await (const line of createInterface({ input: process.stdin })) if (line === 'go') break;

const reports = await Promise.all([t.bot.runSchedulerTick(now), t.bot.runSchedulerTick(now)]);
// The other process may still hold rows it claimed: keep delivering until the shared outbox is empty.
await waitFor(
  'the shared outbox to be empty',
  async () => {
    await t.bot.settle();
    if ((await database.prisma.outboxMessage.count({ where: { sentAt: null, gaveUpAt: null } })) === 0) return true;
    t.bot.outbox.kick();
    return false;
  },
  { timeoutMs: 60_000, intervalMs: 50 },
);
await t.bot.settle();
const sent = Object.fromEntries(Object.keys(reports[0] ?? {}).map((job) => [job, reports.reduce((n, r) => n + Number(r[job]?.result?.['sent'] ?? 0), 0)]));
console.log(`RESULT ${JSON.stringify({ sent, messages: t.wecom.messages.map((m) => ({ to: m.touser.join('|'), content: m.content ?? JSON.stringify(m.card ?? '') })) })}`);
await t.close();
await database.close();
process.exit(0);
