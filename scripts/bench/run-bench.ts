// npm run bench: acknowledged WeCom callbacks per second and latency for the real bot on PGlite and on
// PostgreSQL, beside floors measured in the same run (bare Node verify+decrypt; the same plus a raw INSERT).
// Writes each section's results into BENCHMARKS.md between that section's markers, so one section can be
// measured again alone (`npm run bench -- evaluation`) without touching the others' figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { withFreshPgDatabase } from './fresh-pg-database.ts';
import { makeCallbacks } from './bench-messages.ts';
import { readOrgFile } from '../../src/org/read-org-file.ts';
import { DEMO_ORG_PATH } from '../../src/org/demo-org.ts';
import { benchSchedulerTick, schedulerTickTable } from './scheduler-tick.ts';
import { benchEvaluation, evaluationTable } from './evaluation.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const org = await readOrgFile(DEMO_ORG_PATH);
if (!org.ok) throw new Error(org.errors.join('\n'));
const callbacks = makeCallbacks(120_000, Date.now() % 1_000_000, org.org.staff.map((s) => s.userid));

interface Row {
  variant: string;
  conns: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function startVariant(variant: string, dbUrl?: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number; lines: AsyncIterableIterator<string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/serve-variant.ts', variant, ...(dbUrl ? [dbUrl] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return (async () => {
    for (;;) {
      const { value, done } = await lines.next();
      if (done) throw new Error(`${variant} exited before it was ready`);
      const m = /^READY (\d+)/.exec(value);
      if (m) return { child, port: Number(m[1]), lines };
    }
  })();
}

let cursor = 0;
async function load(port: number, connections: number, seconds: number, amount?: number): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const cb = callbacks[cursor++ % callbacks.length]!;
          return { ...req, path: cb.path, body: cb.body, headers: { 'content-type': 'text/xml' } };
        },
      },
    ],
  });
}

async function measure(variant: string, dbUrl?: string): Promise<Row[]> {
  const { child, port } = await startVariant(variant, dbUrl);
  try {
    await load(port, 10, 2); // warm-up
    const rows: Row[] = [];
    for (const conns of [10, 50]) {
      const r = await load(port, conns, DURATION);
      rows.push({ variant, conns, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
      console.log(`${variant} @${conns}: ${Math.round(r.requests.average)} acks/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}`);
    }
    return rows;
  } finally {
    child.kill('SIGKILL');
  }
}

/** Messages worked end to end (case stored, history, reply queued) per second, the inbox running. */
async function measureWork(variant: string, dbUrl?: string): Promise<{ variant: string; messages: number; ms: number }> {
  const expected = 2000;
  const { child, port, lines } = await startVariant(variant, dbUrl, { BENCH_WORK: '1', BENCH_EXPECT: String(expected) });
  try {
    await load(port, 10, 0, expected);
    for (;;) {
      const { value, done } = await lines.next();
      if (done) throw new Error(`${variant} exited`);
      const m = /^DRAINED (\d+) (\d+)/.exec(value);
      if (m) {
        console.log(`${variant}: worked ${m[1]} messages in ${m[2]} ms`);
        return { variant, messages: Number(m[1]), ms: Number(m[2]) };
      }
    }
  } finally {
    child.kill('SIGKILL');
  }
}

async function acknowledgementSection(): Promise<string> {
  const rows: Row[] = [];
  rows.push(...(await measure('bare')));
  rows.push(...(await measure('bare+pglite')));
  rows.push(...(await withFreshPgDatabase('bench', (url) => measure('bare+postgres', url))));
  rows.push(...(await measure('bot+pglite')));
  rows.push(...(await withFreshPgDatabase('bench', (url) => measure('bot+postgres', url))));
  const work = [await measureWork('bot+pglite'), await withFreshPgDatabase('bench', (url) => measureWork('bot+postgres', url))];
  const at10 = (v: string) => rows.find((r) => r.variant === v && r.conns === 10)!;
  const at50 = (v: string) => rows.find((r) => r.variant === v && r.conns === 50)!;
  const ratio = (a: string, b: string) => (at10(a).rps / at10(b).rps).toFixed(2);
  return [
    `${DURATION} s per measurement after a 2 s warm-up; autocannon in the parent process, each server in its own process.`,
    '',
    '| variant | acks/s @10 | p50 / p99 ms @10 | acks/s @50 | p50 / p99 ms @50 | errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...['bare', 'bare+pglite', 'bare+postgres', 'bot+pglite', 'bot+postgres'].map((v) => {
      const a = at10(v);
      const b = at50(v);
      return `| ${v} | ${a.rps} | ${a.p50} / ${a.p99} | ${b.rps} | ${b.p50} / ${b.p99} | ${a.errors + b.errors} |`;
    }),
    '',
    `Bot vs raw-INSERT floor at 10 connections: PGlite ${ratio('bot+pglite', 'bare+pglite')}, PostgreSQL ${ratio('bot+postgres', 'bare+postgres')} (goal ≥ 0.50). p99 at 50 connections: PGlite ${at50('bot+pglite').p99} ms, PostgreSQL ${at50('bot+postgres').p99} ms (goal < 25 ms).`,
    '',
    'Messages worked end to end after the acknowledgement (command parsed, case and history stored, reply queued), 2,000 `登记` messages from the demo staff in turn (PostgreSQL works four senders at once; PGlite is one connection):',
    '',
    '| database | messages | seconds | messages/s |',
    '|---|---:|---:|---:|',
    ...work.map((w) => `| ${w.variant.replace('bot+', '')} | ${w.messages} | ${(w.ms / 1000).toFixed(1)} | ${Math.round(w.messages / (w.ms / 1000))} |`),
  ].join('\n');
}

// One scheduler tick over 100,000 open cases (issue 5), on both databases.
const schedulerSection = async () => `One scheduler tick with 100,000 open cases:

${schedulerTickTable(await benchSchedulerTick())}`;

// The year's evaluation and a monthly bulletin at 1,000,000 cases (issue 10), on both databases.
const evaluationSection = async () => `The year's evaluation (JSON and XLSX) and one month's bulletin, with 1,000,000 cases closed in 2026, 100,000 accountability records, 10,000 complaints, 50,000 ratings, 200 staff in 20 departments (median of 3 runs after a warm-up):

${evaluationTable(await benchEvaluation())}`;

const SECTIONS: Record<string, () => Promise<string>> = {
  acknowledgement: acknowledgementSection,
  scheduler: schedulerSection,
  evaluation: evaluationSection,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  console.error(`unknown section(s): ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
const file = 'BENCHMARKS.md';
let current = await readFile(file, 'utf8').catch(() => '');
for (const name of asked.length > 0 ? asked : Object.keys(SECTIONS)) {
  // The load average says whether the machine was shared while it ran (2 cores: above 2 means waiting).
  const machine = `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the start.`;
  const report = `${machine}\n\n${await SECTIONS[name]!()}`;
  const start = `<!-- BENCH:${name}:START -->`;
  const end = `<!-- BENCH:${name}:END -->`;
  const block = `${start}\n${report}\n${end}`;
  current = current.includes(start) ? current.replace(new RegExp(`${start}[\\s\\S]*${end}`), () => block) : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(file, current);
  console.log(`\n${report}\n\nWritten to ${file} (${name}).`);
}
process.exit(0);
