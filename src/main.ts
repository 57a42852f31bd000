import { existsSync } from 'node:fs';
import { mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig, type Config, type WeComSettings } from './config.ts';
import { createLogger, type Logger } from './shared/logger.ts';
import { systemClock } from './shared/clock.ts';
import { loadWorkCalendar } from './holidays/load-work-calendar.ts';
import { openDatabase, type Database } from './db/open-database.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { applyOrg } from './db/apply-org.ts';
import { reportOrgChanges } from './use-cases/report-org-changes.ts';
import { readOrgFile } from './org/read-org-file.ts';
import { DEMO_ORG_PATH } from './org/demo-org.ts';
import { startBot } from './bot-app.ts';
import { reminderPolicy } from './domain/reminders/reminder-policy.ts';
import { shouldRunSandbox } from './sandbox/should-run-sandbox.ts';
import { startSandbox, type StartedSandbox } from './sandbox/start-sandbox.ts';
import { sandboxBanner } from './messages/sandbox-texts.ts';

const STOP_DEADLINE_MS = 8_000;

async function main(): Promise<void> {
  // A .env file is optional; variables already in the environment win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger({ level: config.logLevel });
  // Whatever escapes is logged where the operator looks before the process goes (Node would print
  // only a stack to stderr); a supervisor restarts it and recover() resumes the inbox.
  process.on('unhandledRejection', (reason) => {
    log.fatal({ err: reason }, 'unhandled promise rejection; exiting');
    process.exit(1);
  });
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception; exiting');
    process.exit(1);
  });
  const calendar = await loadWorkCalendar(config.calendarDir);
  log.info({ years: calendar.publishedYears(), calendar: calendar.version }, 'working-day calendar loaded');

  let database: Database;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      onConnectionError: (err) => log.warn({ err: err.message }, 'database connection dropped; the pool reconnects'),
    });
  } catch (err) {
    if (err instanceof DataDirInUseError) {
      console.error(err.message);
      process.exit(3);
    }
    throw err;
  }
  log.info({ database: database.kind, migrationsApplied: database.appliedMigrations }, 'database ready');

  const orgPath = config.orgFile ?? (config.mode === 'sandbox' ? DEMO_ORG_PATH : undefined);
  // With the contacts sync WeCom owns who exists and where: the file keeps posts, heads and services.
  if (orgPath) await applyOrgFile(database, orgPath, log, config.wecom?.contactsSync === true);

  const closers: (() => Promise<void>)[] = [];
  let wecom: WeComSettings;
  let sandboxRun: StartedSandbox | undefined;
  if (config.wecom) {
    wecom = config.wecom;
  } else if (shouldRunSandbox(config)) {
    const started = await startSandbox({ dataDir: config.dataDir, log });
    closers.push(() => started.close());
    sandboxRun = started;
    wecom = started.wecom;
    log.warn({ wecomApi: started.fake.url }, 'SANDBOX MODE: no WECOM_CORP_ID set; the bot talks to a local WeCom look-alike');
  } else {
    throw new Error(`no WeCom settings in ${config.mode} mode`);
  }
  // Only sandbox mode moves time (the page's time control); a real deployment always runs on the system clock.
  const clock = sandboxRun?.clock ?? systemClock;
  const sandbox = sandboxRun?.create({ db: database.prisma, calendar, log, publicBaseUrl: config.publicBaseUrl });

  const bot = await startBot(
    {
      database,
      wecom,
      calendar,
      clock,
      log,
      adminToken: config.adminToken,
      publicBaseUrl: config.publicBaseUrl,
      reminderPolicy: reminderPolicy({ officeHours: config.officeHours }),
      cronTicks: true,
      startupCheck: config.mode === 'wecom',
      outbox: { concurrency: config.outboxConcurrency, sendTimeoutMs: config.wecomTimeoutMs },
      // In the sandbox the look-alike serves the authorize page; the secret is made at start.
      workbench: {
        oauthBase: sandboxRun ? sandboxRun.fake.url : config.oauthBase,
        sandboxPick: sandboxRun !== undefined,
        ...(config.sessionSecret && { sessionSecret: config.sessionSecret }),
      },
      ...(sandbox && { extraRoutes: (router) => sandbox.routes(router) }),
    },
    config.port,
  );
  sandbox?.attach(bot);
  log.info({ url: config.publicBaseUrl, mode: config.mode }, 'bot is serving');
  if (sandbox) {
    console.log(sandboxBanner(`${config.publicBaseUrl}/sandbox`));
  }
  if (database.dump) closers.push(scheduleBackups(database, config.dataDir, log));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing work in flight');
    // Service managers kill after 10-90 s; whatever is still running then is durable and resumes at the next start.
    setTimeout(() => {
      log.error({ signal }, 'stop took over 8 s: exiting; unfinished work resumes at the next start');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    await bot.stop();
    for (const close of closers) await close();
    await database.close();
    log.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function applyOrgFile(database: Database, file: string, log: Logger, peopleFromWeCom: boolean): Promise<void> {
  const parsed = await readOrgFile(file, { peopleFromWeCom });
  if (!parsed.ok) {
    console.error(`Organization file ${file} was not applied:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(4);
  }
  if (parsed.warnings.length > 0) log.warn({ file, warnings: parsed.warnings }, 'organization file applied with warnings');
  const result = await applyOrg(database.prisma, parsed.org, new Date(), { peopleFromWeCom });
  await reportOrgChanges(database.prisma, new Date());
  log.info({ file, changes: result.changes, postChanges: result.postChanges.length }, 'organization file applied');
}

/** PGlite does not fsync: a daily consistent dump (kept 7 days) is the embedded mode's safety net. */
function scheduleBackups(database: Database, dataDir: string, log: Logger): () => Promise<void> {
  const dir = path.join(dataDir, 'backups');
  const run = async () => {
    try {
      await mkdir(dir, { recursive: true });
      const blob = await database.dump!();
      const file = path.join(dir, `pgdata-${new Date().toISOString().slice(0, 10)}.tar.gz`);
      await writeFile(file, Buffer.from(await blob.arrayBuffer()));
      const old = (await readdir(dir)).filter((f) => f.startsWith('pgdata-')).sort().slice(0, -7);
      for (const f of old) await unlink(path.join(dir, f));
      log.info({ file }, 'embedded database backed up');
    } catch (err) {
      log.error({ err }, 'backup failed');
    }
  };
  const timer = setInterval(() => void run(), 24 * 3600_000);
  timer.unref();
  const first = setTimeout(() => void run(), 60_000);
  first.unref();
  return async () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}

await main();
