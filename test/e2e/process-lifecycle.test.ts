import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { storeInbound } from '../../src/db/inbox.ts';
import { startFakeWeComApiServer, type FakeWeComApiServer } from '../fakes/fake-wecom-server.ts';
import { createWeComTestClient } from '../support/wecom-test-client.ts';
import { ADMIN_TOKEN, BASIC_ORG, TEST_WECOM } from '../support/start-test-bot.ts';
import { waitFor } from '../support/wait-for.ts';
import { freePort, startBotProcess } from '../support/bot-process.ts';

/** Polls until `fn` gives a value (a failed fetch counts as not yet); the bot process may take a while. */
const until = <T>(what: string, fn: () => Promise<T | undefined | false>) => waitFor(what, fn, { timeoutMs: 60_000, intervalMs: 50 });

// Each test starts the real bot as a process: give it time on a loaded machine.
describe('the bot as a process: start, graceful stop, recovery after a crash', { timeout: 180_000 }, () => {
  let wecom: FakeWeComApiServer;
  let dataDir: string;
  let port: number;
  const client = createWeComTestClient(TEST_WECOM);

  beforeAll(async () => {
    wecom = await startFakeWeComApiServer({ corpId: TEST_WECOM.corpId, secret: TEST_WECOM.secret, agentId: TEST_WECOM.agentId });
    dataDir = await mkdtemp(path.join(tmpdir(), 'xn-proc-'));
    port = await freePort();
  });
  afterAll(async () => wecom?.close());

  const startProcess = () => startBotProcess({ WECOM_API_BASE: wecom.url, DATA_DIR: dataDir, ORG_FILE: BASIC_ORG, ADMIN_TOKEN }, port);

  const base = () => `http://127.0.0.1:${port}`;
  const post = (req: { query: string; body: string }) => fetch(`${base()}/wecom/callback?${req.query}`, { method: 'POST', body: req.body });

  it('serves, finishes in-flight messages on SIGTERM, and exits cleanly', async () => {
    const p = await startProcess();
    await until('healthz', async () => (await fetch(`${base()}/healthz`)).ok);
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post(client.textCallback({ from: 'lihua', content: `登记 来人 审核 申请人${i} 申报材料${i}` })).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain('stopped cleanly');

    // Every acknowledged message was worked before the exit.
    const db = await openDatabase({ dataDir });
    try {
      expect(await db.prisma.inboxMessage.count({ where: { processedAt: null } })).toBe(0);
      expect(await db.prisma.case.count()).toBe(10);
    } finally {
      await db.close();
    }
  });

  it('works at start-up a message that was acknowledged but not worked before a crash', async () => {
    // The state a crash leaves between the answer to WeCom and the work: an unprocessed inbox row.
    const db = await openDatabase({ dataDir });
    const msg = { kind: 'text', msgId: '4561255354251345929', fromUser: 'lihua', createTime: 1764300000, content: '登记 来电 咨询 孙八 崩溃前的消息', agentId: TEST_WECOM.agentId };
    await storeInbound(db, { key: 'msg:4561255354251345929', kind: 'text', fromUser: 'lihua', payload: msg });
    await db.close();

    const p = await startProcess();
    try {
      const reply = await until('the recovered reply', async () => wecom.messagesTo('lihua').find((m) => JSON.stringify(m.card ?? m.content ?? '').includes('孙八')));
      // The reply to 登记 is the case's card, titled 已登记 #no（…）.
      const no = Number(/^已登记 #(\d+)/.exec(String((reply.card!['main_title'] as { title: string }).title))![1]);
      const res = await fetch(`${base()}/api/cases/${no}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect((await res.json()).applicant).toBe('孙八');
    } finally {
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
    }
  });

  it('stops at start-up with one message naming every bad variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, WECOM_CORP_ID: 'wx1', PORT: 'abc', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(2);
    for (const name of ['PORT', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY']) expect(err).toContain(name);
  });
});
