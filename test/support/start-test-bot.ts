import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { AdjustableClock } from '../../src/shared/clock.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { loadWorkCalendar } from '../../src/holidays/load-work-calendar.ts';
import type { Database } from '../../src/db/open-database.ts';
import { applyOrg } from '../../src/db/apply-org.ts';
import { readOrgFile } from '../../src/org/read-org-file.ts';
import { createWeComApiClient } from '../../src/wecom/api-client.ts';
import { startBot, type RunningBot } from '../../src/bot-app.ts';
import { createSandbox, type Sandbox } from '../../src/sandbox/create-sandbox.ts';
import type { OutboxTuning } from '../../src/workers/outbox-dispatcher.ts';
import type { FakeWeComApiServerOptions } from '../../src/wecom/fake/fake-api-types.ts';
import type { FakeContacts } from '../../src/wecom/fake/fake-contacts.ts';
import { startFakeWeComApiServer, type FakeWeComApiServer } from '../fakes/fake-wecom-server.ts';
import { createWeComTestClient, type WeComTestClient } from './wecom-test-client.ts';
import { createTestDatabase, type Backend } from './test-database.ts';

export const TEST_WECOM = {
  corpId: 'wx5823bf96d3bd56c7',
  agentId: 1000002,
  secret: 'test-secret',
  token: 'QDG6eK',
  encodingAESKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
};
/** Where the test bot's links point; nothing listens there. */
export const PUBLIC_BASE_URL = 'http://bot.test';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const BASIC_ORG = new URL('../fixtures/org/basic-org.yaml', import.meta.url).pathname;
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef';
/** The 通讯录同步 callback's own Token and EncodingAESKey. */
export const TEST_CONTACTS_CALLBACK = { token: 'C0ntactsT0ken', encodingAESKey: 'kXmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2D' };

/** A port nobody listens on right now, so that the bot's public URL can be known before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

export interface TestBot {
  bot: RunningBot;
  database: Database;
  wecom: FakeWeComApiServer;
  client: WeComTestClient;
  clock: AdjustableClock;
  /** The /sandbox page and API, when started with `sandbox: true`. */
  sandbox: Sandbox | undefined;
  logLines: string[];
  /** POSTs a signed, encrypted callback as WeCom would. */
  post(req: { query: string; body: string }): Promise<Response>;
  /** A staff member says something to the bot; resolves once the bot has worked it and replied. */
  say(from: string, content: string): Promise<string[]>;
  api(path: string): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** The whole bot on a real HTTP port, a fresh database, and a fake WeCom API server. */
export async function startTestBot(
  options: {
    backend?: Backend;
    orgFile?: string;
    now?: Date;
    database?: Database;
    sandbox?: boolean;
    /** PUBLIC_BASE_URL is the bot's real address (a browser follows the workbench's OAuth redirects to it). */
    reachableBaseUrl?: boolean;
    /** PUBLIC_BASE_URL as the bot is told it (links, OAuth redirect, the cookie's Secure flag); default http://bot.test. */
    publicBaseUrl?: string;
    outbox?: OutboxTuning;
    fake?: FakeWeComApiServerOptions;
    startupCheck?: boolean;
    /** WECOM_LEAVE_TEMPLATES: 审批 templates whose approved forms register an absence. */
    leaveTemplates?: string[];
    /**
     * WECOM_CONTACTS_SYNC=on with the contacts callback: the look-alike's 通讯录 is filled by `seed`
     * before the bot starts (its start-up sync reads it), and the org file's staff list is not applied.
     */
    contacts?: { seed?: (contacts: FakeContacts) => void };
  } = {},
): Promise<TestBot> {
  const clock = new AdjustableClock();
  if (options.now) clock.set(options.now);
  const database = options.database ?? (await createTestDatabase(options.backend ?? 'pglite'));
  const peopleFromWeCom = options.contacts !== undefined;
  const org = await readOrgFile(options.orgFile ?? BASIC_ORG, { peopleFromWeCom });
  if (!org.ok) throw new Error(org.errors.join('\n'));
  await applyOrg(database.prisma, org.org, clock.now(), { peopleFromWeCom });

  const wecom = await startFakeWeComApiServer({
    corpId: TEST_WECOM.corpId,
    secret: TEST_WECOM.secret,
    agentId: TEST_WECOM.agentId,
    ...options.fake,
    now: () => clock.now().getTime(),
    oauthPeople: async () => (await database.prisma.staff.findMany({ where: { active: true }, orderBy: { userid: 'asc' } })).map((s) => ({ userid: s.userid, name: s.name, department: s.department })),
  });
  options.contacts?.seed?.(wecom.contacts);
  const port = options.reachableBaseUrl ? await freePort() : 0;
  const publicBaseUrl = options.reachableBaseUrl ? `http://127.0.0.1:${port}` : (options.publicBaseUrl ?? PUBLIC_BASE_URL);
  const logLines: string[] = [];
  const log = createLogger({ level: 'info', destination: new Writable({ write: (chunk, _e, cb) => (logLines.push(String(chunk)), cb()) }) });
  // As in production: no retries inside the client (the outbox retries), time from the test's clock.
  const api = createWeComApiClient({
    baseUrl: wecom.url,
    corpId: TEST_WECOM.corpId,
    secret: TEST_WECOM.secret,
    agentId: TEST_WECOM.agentId,
    maxRetries: 0,
    timeoutMs: options.outbox?.sendTimeoutMs ?? 20_000,
    now: () => clock.now().getTime(),
    log,
  });
  const calendar = await loadWorkCalendar();
  const sandbox = options.sandbox
    ? createSandbox({ db: database.prisma, fake: wecom, clock, calendar, callback: { ...TEST_WECOM }, log, publicBaseUrl: PUBLIC_BASE_URL })
    : undefined;
  const bot = await startBot(
    {
      database,
      wecom: {
        ...TEST_WECOM,
        apiBase: wecom.url,
        ...(options.leaveTemplates && { leaveTemplates: options.leaveTemplates }),
        ...(options.contacts && { contactsSync: true, contactsCallback: TEST_CONTACTS_CALLBACK }),
      },
      calendar,
      clock,
      log,
      adminToken: ADMIN_TOKEN,
      publicBaseUrl,
      api,
      ...(options.outbox && { outbox: options.outbox }),
      workbench: { oauthBase: wecom.url, sessionSecret: TEST_SESSION_SECRET, sandboxPick: options.sandbox === true },
      ...(options.startupCheck && { startupCheck: true }),
      ...(sandbox && { extraRoutes: (router) => sandbox.routes(router) }),
    },
    port,
    '127.0.0.1',
  );
  sandbox?.attach(bot);
  // Tests begin once the start-up sync of the contacts is done (production does not wait for it).
  await bot.contacts?.syncNow();
  const client = createWeComTestClient({ ...TEST_WECOM }, { now: () => clock.now().getTime() });

  const send = (req: { query: string; body: string }) =>
    fetch(`${bot.url}/wecom/callback?${req.query}`, { method: 'POST', body: req.body, headers: { 'content-type': 'text/xml' } });
  // A kept-alive socket the server closed just as it was reused (after a long walk of scheduler ticks
  // that kept the event loop busy) fails before anything is sent. WeCom delivers again when that
  // happens (PROTOCOL.md §4), and the inbox key makes the second delivery safe, so the test does too.
  const post = async (req: { query: string; body: string }) => {
    try {
      return await send(req);
    } catch (err) {
      if ((err as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw err;
      return send(req);
    }
  };

  return {
    bot,
    database,
    wecom,
    client,
    clock,
    sandbox,
    logLines,
    post,
    async say(from, content) {
      const before = wecom.messagesTo(from).length;
      const res = await post(client.textCallback({ from, content }));
      if (res.status !== 200) throw new Error(`callback answered ${res.status}`);
      await bot.settle();
      return wecom.messagesTo(from).slice(before).map((m) => m.content ?? JSON.stringify(m.card));
    },
    async api(path) {
      const res = await fetch(`${bot.url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      return { status: res.status, body: await res.json() };
    },
    async close() {
      await bot.stop();
      sandbox?.close();
      await wecom.close();
      if (!options.database) await database.close();
    },
  };
}
