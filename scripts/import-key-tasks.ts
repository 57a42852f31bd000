// npm run tasks:import -- FILE.xlsx
// Loads the office's key-task table (重点工作任务分解表). When a running bot holds the embedded data
// folder (its lock file says so), the file goes through that bot's API (POST /api/key-tasks/import,
// with ADMIN_TOKEN at PUBLIC_BASE_URL or localhost:PORT), since PGlite has one writer; otherwise the
// script opens the database itself (PostgreSQL may always be opened beside the bot). Either way a
// broken table is refused whole, every error printed with its row and column, nothing stored.
// Exit codes: 0 imported (or nothing to change), 1 the table was refused, 2 usage or configuration,
// 3 a bot holds the folder but cannot be reached or refuses the token.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../src/config.ts';
import { DataDirInUseError } from '../src/db/data-dir-lock.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { loadWorkCalendar } from '../src/holidays/load-work-calendar.ts';
import { KEY_TASK_IMPORT_CLI as T } from '../src/messages/key-task-sheet-errors.ts';
import { importKeyTasks } from '../src/use-cases/import-key-tasks.ts';

interface Outcome {
  ok: boolean;
  errors: { row: number | null; column: string | null; message: string }[];
  created?: number;
  updated?: number;
  unchanged?: number;
}

// As src/main.ts: a .env file in the working directory is optional; variables already set win.
if (existsSync('.env')) process.loadEnvFile('.env');
const file = process.argv[2];
if (!file) {
  console.error(T.usage);
  process.exit(2);
}
let bytes: Buffer;
try {
  bytes = await readFile(file);
} catch (err) {
  console.error(T.unreadable(file, err instanceof Error ? err.message : String(err)));
  process.exit(2);
}
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(2);
}

const fileName = path.basename(file);
let database;
try {
  database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (err) {
  if (!(err instanceof DataDirInUseError)) throw err;
  database = null;
}
if (database) {
  const calendar = await loadWorkCalendar(config.calendarDir);
  let result;
  try {
    result = await importKeyTasks(database.prisma, { bytes, fileName, now: new Date(), calendar });
  } finally {
    await database.close();
  }
  report(result.ok ? { ok: true, errors: [], created: result.created, updated: result.updated, unchanged: result.unchanged } : { ok: false, errors: result.errors });
} else {
  report(await throughBot(config, bytes, fileName));
}

/** The running bot holds the folder: the same import, through its API. */
async function throughBot(config: Config, body: Buffer, name: string): Promise<Outcome> {
  if (!config.adminToken) {
    console.error(T.noToken);
    process.exit(3);
  }
  const bases = [...new Set([config.publicBaseUrl, `http://127.0.0.1:${config.port}`])];
  let lastError = '';
  for (const base of bases) {
    let res: Response;
    try {
      res = await fetch(`${base}/api/key-tasks/import?filename=${encodeURIComponent(name)}`, {
        method: 'POST',
        body: new Uint8Array(body),
        headers: { authorization: `Bearer ${config.adminToken}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
    } catch (err) {
      // PUBLIC_BASE_URL may be a proxy this machine cannot reach: try the bot's own port next.
      lastError = (err as { cause?: { code?: string } }).cause?.code ?? (err instanceof Error ? err.message : String(err));
      continue;
    }
    const text = await res.text();
    if (res.status === 200 || res.status === 400 || res.status === 422 || res.status === 413) {
      console.log(T.viaBot(base));
      const json = JSON.parse(text) as Outcome;
      return { ...json, ok: res.status === 200 };
    }
    console.error(T.refusedByBot(res.status, text.slice(0, 200)));
    process.exit(3);
  }
  console.error(T.unreachable(bases.join(' / '), lastError));
  process.exit(3);
}

function report(o: Outcome): never {
  if (!o.ok) {
    console.error([T.rejected(o.errors.length), ...o.errors.map((e) => T.error(e.row, e.column, e.message))].join('\n'));
    process.exit(1);
  }
  const created = o.created ?? 0;
  const updated = o.updated ?? 0;
  const unchanged = o.unchanged ?? 0;
  console.log(created + updated === 0 ? T.unchanged(unchanged) : T.imported(created, updated, unchanged));
  process.exit(0);
}
