// One server variant of the benchmark, in its own process so the load generator does not share its event loop.
// Prints "READY <port>" when listening. Variants: bare, bare+pglite, bare+postgres, bot+pglite, bot+postgres.
import { createServer } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { verifyAndDecrypt } from '../../src/wecom/callback-crypto.ts';
import { parseEnvelopeXml, parseMessageXml } from '../../src/wecom/callback-xml.ts';
import { dedupeKeyOf } from '../../src/wecom/inbound-schema.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { applyOrg } from '../../src/db/apply-org.ts';
import { readOrgFile } from '../../src/org/read-org-file.ts';
import { DEMO_ORG_PATH } from '../../src/org/demo-org.ts';
import { loadWorkCalendar } from '../../src/holidays/load-work-calendar.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { startBot } from '../../src/bot-app.ts';
import { startFakeWeComApiServer } from '../../src/wecom/fake/wecom-api-server.ts';
import { BENCH_WECOM } from './bench-messages.ts';

const [variant = 'bare', databaseUrl] = process.argv.slice(2);
const crypto = { token: BENCH_WECOM.token, encodingAESKey: BENCH_WECOM.encodingAESKey, corpId: BENCH_WECOM.corpId };
const workInbox = process.env.BENCH_WORK === '1';

async function bare(insert?: (key: string, from: string, payload: string) => Promise<unknown>) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const url = req.url ?? '';
        const q = new URLSearchParams(url.slice(url.indexOf('?') + 1));
        const encrypted = parseEnvelopeXml(Buffer.concat(chunks).toString('utf8'));
        const msg = parseMessageXml(
          verifyAndDecrypt(crypto, { msgSignature: q.get('msg_signature') ?? '', timestamp: q.get('timestamp') ?? '', nonce: q.get('nonce') ?? '', encrypted }),
        );
        if (insert) await insert(dedupeKeyOf(msg), msg.fromUser, JSON.stringify(msg));
        res.writeHead(200).end('');
      } catch {
        res.writeHead(400).end('bad');
      }
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    console.log(`READY ${typeof a === 'object' && a ? a.port : 0}`);
  });
}

const INBOX_DDL = `CREATE TABLE IF NOT EXISTS inbox (key text PRIMARY KEY, kind text NOT NULL, from_user text NOT NULL, payload jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`;
const INSERT = 'INSERT INTO inbox (key, kind, from_user, payload) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING';

if (variant === 'bare') {
  await bare();
} else if (variant === 'bare+pglite') {
  const db = new PGlite(await mkdtemp(path.join(tmpdir(), 'bench-raw-')));
  await db.exec(INBOX_DDL);
  await bare((k, f, p) => db.query(INSERT, [k, 'text', f, p]));
} else if (variant === 'bare+postgres') {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  await pool.query(INBOX_DDL);
  await bare((k, f, p) => pool.query(INSERT, [k, 'text', f, p]));
} else {
  const database = await openDatabase(
    variant === 'bot+postgres' ? { databaseUrl, dataDir: '' } : { dataDir: await mkdtemp(path.join(tmpdir(), 'bench-bot-')) },
  );
  const org = await readOrgFile(DEMO_ORG_PATH);
  if (!org.ok) throw new Error(org.errors.join('\n'));
  await applyOrg(database.prisma, org.org, new Date());
  const fake = await startFakeWeComApiServer({ corpId: crypto.corpId, secret: BENCH_WECOM.secret, agentId: BENCH_WECOM.agentId });
  const bot = await startBot(
    {
      database,
      wecom: { ...BENCH_WECOM, apiBase: fake.url },
      calendar: await loadWorkCalendar(),
      clock: systemClock,
      log: createLogger({ level: 'silent' }),
      adminToken: undefined,
      publicBaseUrl: 'http://localhost',
      workInbox,
    },
    0,
    '127.0.0.1',
  );
  console.log(`READY ${new URL(bot.url).port}`);
  const expected = Number(process.env.BENCH_EXPECT ?? 0);
  if (workInbox && expected > 0) {
    // Time from the first stored message until `expected` messages are worked (case, history, reply queued).
    let first = 0;
    const timer = setInterval(async () => {
      const [stored, done] = await Promise.all([
        database.prisma.inboxMessage.count(),
        database.prisma.inboxMessage.count({ where: { processedAt: { not: null } } }),
      ]);
      if (stored > 0 && first === 0) first = Date.now();
      if (done >= expected) {
        clearInterval(timer);
        console.log(`DRAINED ${done} ${Date.now() - first}`);
      }
    }, 50);
  }
}
