import type { Server } from 'node:http';
import type Router from '@koa/router';
import type { Clock } from './shared/clock.ts';
import type { Logger } from './shared/logger.ts';
import type { WorkCalendar } from './domain/calendar/work-calendar.ts';
import type { Database } from './db/open-database.ts';
import type { WeComSettings } from './config.ts';
import { createWeComApiClient, type WeComApiClient } from './wecom/api-client.ts';
import { createHttpApp } from './http/create-http-app.ts';
import { registerWeComCallback } from './http/routes/wecom-callback.ts';
import { lastCallbackAt, storeInbound, storeUnparsed } from './db/inbox.ts';
import { registerInboxApi } from './http/routes/inbox-api.ts';
import { checkWeComAtStartup } from './wecom/startup-check.ts';
import { registerHealth } from './http/routes/health.ts';
import { registerCasesApi, requireAdmin } from './http/routes/cases-api.ts';
import { registerNoticePage } from './http/routes/notice-page.ts';
import { registerComplaintsApi } from './http/routes/complaints-api.ts';
import { registerAccountabilityApi } from './http/routes/accountability-api.ts';
import { registerDepartmentQueueApi } from './http/routes/department-queue-api.ts';
import { registerServicePages } from './http/routes/service-pages.ts';
import { registerEvaluationsApi } from './http/routes/evaluations-api.ts';
import { registerReportPages } from './http/routes/report-pages.ts';
import { registerBulletinsApi } from './http/routes/bulletins-api.ts';
import { registerKeyTasksApi } from './http/routes/key-tasks-api.ts';
import { registerPublicPages } from './http/routes/public-pages.ts';
import { registerSignIn } from './http/workbench/sign-in-routes.ts';
import { registerWorkbench } from './http/workbench/workbench-routes.ts';
import { registerWorkbenchAssets } from './http/workbench/assets.ts';
import { makeSessionSecret, sessionKeys } from './http/workbench/session.ts';
import { runWebCommand } from './bot/web-command.ts';
import { DEFAULT_OAUTH_BASE } from './config.ts';
import { handleMessage } from './bot/handle-message.ts';
import { InboxWorker } from './workers/inbox-worker.ts';
import { ContactsSync } from './workers/contacts-sync.ts';
import { fetchDepartments, fetchDirectory, fetchMember } from './wecom/contacts-api.ts';
import type { ContactsSource } from './use-cases/contacts/sync-contacts.ts';
import { OutboxDispatcher, type OutboxTuning } from './workers/outbox-dispatcher.ts';
import { startScheduler, type TickReport } from './jobs/start-scheduler.ts';
import { ALL_JOBS } from './jobs/all-jobs.ts';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './domain/reminders/reminder-policy.ts';

export interface BotDeps {
  database: Database;
  wecom: WeComSettings;
  calendar: WorkCalendar;
  clock: Clock;
  log: Logger;
  adminToken: string | undefined;
  publicBaseUrl: string;
  /** False only in the benchmark's acknowledgement run: messages are stored but not worked. */
  workInbox?: boolean;
  /** Test hook: a WeCom client with small back-off delays. */
  api?: WeComApiClient;
  /** More routes on the same app (the sandbox page); the returned function runs first on stop (ends open streams). */
  extraRoutes?: (router: Router) => void | (() => void);
  /** Office hours and the reminder ladder; default DEFAULT_REMINDER_POLICY (OFFICE_HOURS feeds its hours). */
  reminderPolicy?: ReminderPolicy;
  /**
   * True (main.ts): node-cron ticks every minute, plus one catch-up tick at start. Default false, so tests
   * place every tick themselves through runSchedulerTick and no reminder arrives in the middle of a test.
   */
  cronTicks?: boolean;
  /** True (main.ts): check gettoken and agent/get at start-up and log what was found (src/wecom/startup-check.ts). */
  startupCheck?: boolean;
  /** Outbox lanes, lease, back-off and probe intervals (tests shorten them); defaults in OutboxDispatcher. */
  outbox?: OutboxTuning;
  /**
   * The workbench's sign-in: WECOM_OAUTH_BASE (default WeCom's) and SESSION_SECRET; without a secret one
   * is made at start (the sandbox, tests), so sessions end when the process does.
   */
  workbench?: { oauthBase?: string; sessionSecret?: string; sandboxPick?: boolean };
}

export interface RunningBot {
  server: Server;
  url: string;
  inbox: InboxWorker;
  outbox: OutboxDispatcher;
  /** WECOM_CONTACTS_SYNC=on: the directory sync (start-up, hourly; tests call syncNow). */
  contacts: ContactsSync | undefined;
  /** Waits until every stored message is worked on and every due reply has been tried. */
  settle(): Promise<void>;
  /** Graceful stop: no new callbacks, finish in-flight work, close the HTTP server (not the database). */
  stop(): Promise<void>;
  /** Runs every scheduled job once at `now` (tests and the sandbox's time control move time this way). */
  runSchedulerTick(now?: Date): Promise<TickReport>;
}

/** WeCom answers in well under a second; 20 s lets a slow answer arrive instead of being retried. */
const DEFAULT_SEND_TIMEOUT_MS = 20_000;

/** Wires the bot together and starts serving. The composition root for main.ts and for tests. */
export async function startBot(deps: BotDeps, port: number, host = '0.0.0.0'): Promise<RunningBot> {
  const { database, wecom, calendar, clock, log } = deps;
  const db = database.prisma;
  const api =
    deps.api ??
    createWeComApiClient({
      baseUrl: wecom.apiBase,
      corpId: wecom.corpId,
      secret: wecom.secret,
      agentId: wecom.agentId,
      log: log.child({ component: 'wecom-api' }),
      // One retry layer: the outbox retries, with its back-off and the duplicate check (PROTOCOL.md §10).
      maxRetries: 0,
      timeoutMs: deps.outbox?.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS,
    });
  const outbox = new OutboxDispatcher({ sendTimeoutMs: DEFAULT_SEND_TIMEOUT_MS, ...deps.outbox, db, clock, log: log.child({ component: 'outbox' }), api });
  const contactsSource: ContactsSource | undefined = wecom.contactsSync
    ? { directory: () => fetchDirectory(api), member: (userid) => fetchMember(api, userid), departments: () => fetchDepartments(api) }
    : undefined;
  const messageDeps = { calendar, publicBaseUrl: deps.publicBaseUrl, log, api, leaveTemplates: wecom.leaveTemplates ?? [], ...(contactsSource && { contacts: contactsSource }) };
  const inbox = new InboxWorker({
    db,
    // PGlite is one connection: lanes would only queue behind each other there.
    lanes: database.kind === 'postgres' ? 4 : 1,
    clock,
    log: log.child({ component: 'inbox' }),
    handle: (tx, key, msg, now) => handleMessage(messageDeps, tx, key, msg, now),
    onProcessed: () => outbox.kick(),
  });

  const contacts = contactsSource ? new ContactsSync({ db, clock, log: log.child({ component: 'contacts' }), source: contactsSource, onQueued: () => outbox.kick() }) : undefined;
  let accepting = true;
  let closeExtras: () => void = () => undefined;
  const keys = sessionKeys(deps.workbench?.sessionSecret ?? makeSessionSecret());
  const app = createHttpApp(log, (router) => {
    registerHealth(router, db, () => outbox.health());
    // Both callbacks store into the same inbox; only their URL, crypto and AgentID check differ.
    const intoInbox = (component: string) => ({
      store: (row: Parameters<typeof storeInbound>[1]) => storeInbound(database, row),
      storeUnparsed: (row: Parameters<typeof storeUnparsed>[1]) => storeUnparsed(database, row),
      log: log.child({ component }),
      onStored: (key: string, fromUser: string) => {
        if (deps.workInbox !== false) inbox.enqueue(key, fromUser);
      },
      isAccepting: () => accepting,
    });
    registerWeComCallback(router, {
      crypto: { token: wecom.token, encodingAESKey: wecom.encodingAESKey, corpId: wecom.corpId },
      agentId: wecom.agentId,
      ...intoInbox('callback'),
    });
    // The 通讯录同步 callback: its own URL, Token and EncodingAESKey; its events carry no AgentID.
    if (wecom.contactsCallback) {
      registerWeComCallback(router, { path: '/wecom/contacts-callback', crypto: { ...wecom.contactsCallback, corpId: wecom.corpId }, ...intoInbox('contacts-callback') });
    }
    router.use('/api', requireAdmin(deps.adminToken));
    registerCasesApi(router, { db, clock });
    registerInboxApi(router, { db });
    registerNoticePage(router, { db, publicBaseUrl: deps.publicBaseUrl });
    registerComplaintsApi(router, { db, clock });
    registerAccountabilityApi(router, { db });
    registerDepartmentQueueApi(router, { db, clock });
    registerEvaluationsApi(router, { db });
    registerBulletinsApi(router, { db, clock, calendar });
    registerKeyTasksApi(router, { db, clock, calendar });
    registerServicePages(router, { db });
    registerReportPages(router, { db, clock, calendar });
    registerPublicPages(router, { db, clock, calendar, publicBaseUrl: deps.publicBaseUrl, onQueued: () => outbox.kick() });
    const requireViewer = registerSignIn(router, {
      db,
      api,
      clock,
      log: log.child({ component: 'workbench' }),
      corpId: wecom.corpId,
      agentId: wecom.agentId,
      oauthBase: (deps.workbench?.oauthBase ?? DEFAULT_OAUTH_BASE).replace(/\/+$/, ''),
      publicBaseUrl: deps.publicBaseUrl,
      session: { secure: deps.publicBaseUrl.startsWith('https:') },
      sandboxPick: deps.workbench?.sandboxPick === true,
    });
    registerWorkbenchAssets(router);
    registerWorkbench(router, {
      db,
      clock,
      calendar,
      requireViewer,
      runCommand: (req) => runWebCommand({ db, calendar, publicBaseUrl: deps.publicBaseUrl, log, now: () => clock.now() }, req),
      onQueued: () => outbox.kick(),
    });
    const cleanup = deps.extraRoutes?.(router);
    if (cleanup) closeExtras = cleanup;
  }, keys);

  const server = app.listen(port, host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;

  const recovered = deps.workInbox === false ? 0 : await inbox.recover();
  if (recovered > 0) log.info({ recovered }, 'resuming messages received before the last stop');
  if (deps.workInbox !== false) inbox.startSweep();
  outbox.start();
  if (contacts && deps.workInbox !== false) contacts.start();
  if (deps.startupCheck === true) {
    void checkWeComAtStartup({ api, agentId: wecom.agentId, log: log.child({ component: 'wecom-check' }), lastCallbackAt: () => lastCallbackAt(db), callbackUrl: `${deps.publicBaseUrl}/wecom/callback` });
  }
  const scheduler = startScheduler({
    jobs: ALL_JOBS,
    deps: { db, calendar, policy: deps.reminderPolicy ?? DEFAULT_REMINDER_POLICY, publicBaseUrl: deps.publicBaseUrl },
    clock,
    log: log.child({ component: 'scheduler' }),
    cron: deps.cronTicks === true && deps.workInbox !== false,
  });
  // Whatever fell due while the bot was down goes out now, not at the next minute.
  if (deps.cronTicks === true && deps.workInbox !== false) void scheduler.tick().then(() => outbox.kick(), (err: unknown) => log.error({ err }, 'catch-up tick failed'));

  return {
    server,
    url: `http://127.0.0.1:${boundPort}`,
    inbox,
    outbox,
    contacts,
    async settle() {
      await inbox.idle();
      await outbox.idle();
      outbox.kick();
      await outbox.idle();
    },
    async runSchedulerTick(now?: Date) {
      const report = await scheduler.tick(now);
      outbox.kick();
      return report;
    },
    async stop() {
      accepting = false;
      closeExtras();
      contacts?.stop();
      await scheduler.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await inbox.stop();
      await outbox.stop();
      await closed;
    },
  };
}
