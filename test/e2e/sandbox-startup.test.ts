import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Started {
  child: ChildProcess;
  output: () => string;
  base: string;
}

const running: { child: ChildProcess; dir: string }[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `npm start` as a newcomer runs it: the real main.ts in its own process, on a fresh data folder (or `dir`). */
async function startMain(env: Record<string, string>, dir?: string): Promise<Started> {
  dir ??= await mkdtemp(path.join(tmpdir(), 'xn-sandbox-'));
  const port = await freePort();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WECOM_') && k !== 'DATABASE_URL' && k !== 'ORG_FILE'));
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: ROOT,
    env: { ...clean, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push({ child, dir });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const base = `http://127.0.0.1:${port}`;
  // Generous: tsx compiles and PGlite migrates a fresh folder, on a CI machine that runs other tests too.
  await waitFor(() => `main.ts to start; its output:\n${out}`, () => child.exitCode !== null || out.includes('bot is serving'), { timeoutMs: 90_000, intervalMs: 50 });
  if (!out.includes('bot is serving')) throw new Error(`main.ts exited ${child.exitCode}:\n${out}`);
  return { child, output: () => out, base };
}

afterEach(async () => {
  for (const { child, dir } of running.splice(0)) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  }
});

describe('npm start: sandbox mode only without WeCom settings', { timeout: 180_000 }, () => {
  it('without WECOM_CORP_ID starts the sandbox, says so, and names the page to open', async () => {
    const main = await startMain({ PUBLIC_BASE_URL: 'http://localhost:3999' });
    expect(main.output()).toContain('沙盒模式已开启');
    expect(main.output()).toContain('http://localhost:3999/sandbox');
    const page = await fetch(`${main.base}/sandbox`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('沙盒模式：未连接企业微信，数据仅供体验');
    const { staff } = (await (await fetch(`${main.base}/sandbox/api/staff`)).json()) as { staff: { userid: string }[] };
    expect(staff.map((p) => p.userid)).toContain('lihua');

    const said = await fetch(`${main.base}/sandbox/api/say`, { method: 'POST', body: JSON.stringify({ userid: 'lihua', text: '帮助' }) });
    expect(said.status).toBe(200);
  }, 120_000);

  it('after a restart on the same data folder, each chat shows its history again', async () => {
    const first = await startMain({});
    const dir = running.at(-1)!.dir;
    const post = (base: string, p: string, body: unknown) => fetch(`${base}${p}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post(first.base, '/sandbox/api/say', { userid: 'lihua', text: '帮助' })).status).toBe(200);
    expect((await post(first.base, '/sandbox/api/say', { userid: 'lihua', text: '登记 来电 咨询 张三 13800000000 科普项目申报条件' })).status).toBe(200);
    const before = (await (await fetch(`${first.base}/sandbox/api/history?userid=lihua`)).json()) as { run: string; events: { id: string; kind: string }[] };
    expect(before.events.filter((e) => e.kind === 'said')).toHaveLength(2);
    expect(before.events.filter((e) => e.kind === 'message').length).toBeGreaterThanOrEqual(2);

    const stopped = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGTERM');
    await stopped;
    running.pop();
    const second = await startMain({}, dir);
    const after = (await (await fetch(`${second.base}/sandbox/api/history?userid=lihua`)).json()) as { run: string; events: { id: string }[] };
    expect(after.run).not.toBe(before.run);
    expect(after.events.map((e) => e.id)).toEqual(before.events.map((e) => e.id));
    const other = (await (await fetch(`${second.base}/sandbox/api/history?userid=luwei`)).json()) as { events: unknown[] };
    expect(other.events).toEqual([]);
  }, 180_000);

  it('with WeCom settings has no sandbox at all', async () => {
    const main = await startMain({
      WECOM_CORP_ID: 'ww0123456789abcdef',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'not-a-real-secret',
      WECOM_TOKEN: 'RealToken1',
      WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
      SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
      WECOM_API_BASE: 'http://127.0.0.1:9',
    });
    expect(main.output()).not.toContain('沙盒模式');
    expect(main.output()).not.toContain('SANDBOX MODE');
    for (const p of ['/sandbox', '/sandbox/api/staff', '/sandbox/api/time', '/sandbox/assets/app.js']) {
      expect((await fetch(`${main.base}${p}`)).status, p).toBe(404);
    }
    const say = await fetch(`${main.base}/sandbox/api/say`, { method: 'POST', body: JSON.stringify({ userid: 'lihua', text: '帮助' }) });
    expect(say.status).toBe(404);
    expect((await fetch(`${main.base}/healthz`)).status).toBe(200);
  }, 120_000);
});
