import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { TEST_SESSION_SECRET, TEST_WECOM } from './start-test-bot.ts';

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export interface BotProcess {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<number | null>;
}

/** `npm start` as a real OS process (src/main.ts) with the test's WeCom settings and `env` on top; `port` keeps one address over restarts. */
export async function startBotProcess(env: Record<string, string>, fixedPort?: number): Promise<BotProcess> {
  const port = fixedPort ?? (await freePort());
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH,
      WECOM_CORP_ID: TEST_WECOM.corpId,
      WECOM_AGENT_ID: String(TEST_WECOM.agentId),
      WECOM_SECRET: TEST_WECOM.secret,
      WECOM_TOKEN: TEST_WECOM.token,
      WECOM_ENCODING_AES_KEY: TEST_WECOM.encodingAESKey,
      // Required with WeCom settings (the workbench's sessions).
      SESSION_SECRET: TEST_SESSION_SECRET,
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, port, output: () => out, exited };
}

/** A WeCom that accepts connections and never answers: every request hangs until its timeout. */
export async function startBlackhole(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const srv = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => srv.close(() => r()));
    },
  };
}
