import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startScheduler } from '../../src/jobs/start-scheduler.ts';
import type { Job, JobDeps } from '../../src/jobs/job.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { AdjustableClock } from '../../src/shared/clock.ts';

const deps = {} as Omit<JobDeps, 'now' | 'claimed' | 'log'>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function logger() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: 'debug', destination: new Writable({ write: (c, _e, cb) => (lines.push(JSON.parse(String(c))), cb()) }) });
  return { log, lines };
}

describe('the scheduler', () => {
  it('passes the instant to every job, runs them in order, and keeps going when one fails', async () => {
    const { log, lines } = logger();
    const seen: string[] = [];
    const job = (name: string, fail = false): Job => ({
      name,
      schedule: '* * * * *',
      async run({ now }) {
        seen.push(`${name}@${now.toISOString()}`);
        if (fail) throw new Error('boom');
        return { sent: 1 };
      },
    });
    const s = startScheduler({ jobs: [job('a'), job('b', true), job('c')], deps, clock: new AdjustableClock(), log, cron: false });
    const now = new Date('2026-09-21T01:00:00Z');
    const report = await s.tick(now);
    expect(seen).toEqual(['a@2026-09-21T01:00:00.000Z', 'b@2026-09-21T01:00:00.000Z', 'c@2026-09-21T01:00:00.000Z']);
    expect(report['b']?.error).toBe('boom');
    expect(report['c']?.result).toEqual({ sent: 1 });
    expect(lines.some((l) => l['msg'] === 'scheduled job failed' && l['job'] === 'b')).toBe(true);
    const tick = lines.find((l) => l['msg'] === 'scheduler tick')!;
    expect(tick['sent']).toBe(2);
    expect(typeof tick['ms']).toBe('number');
    await s.stop();
  });

  it('never runs two ticks at once: explicit ticks queue, cron firings during a run are skipped', async () => {
    const { log, lines } = logger();
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const slow: Job = {
      name: 'slow',
      schedule: '* * * * * *', // every second
      async run() {
        running++;
        maxRunning = Math.max(maxRunning, running);
        runs++;
        await sleep(1500);
        running--;
        return { sent: 0 };
      },
    };
    const s = startScheduler({ jobs: [slow], deps, clock: new AdjustableClock(), log, cron: true });
    await Promise.all([s.tick(), s.tick(), sleep(3200)]);
    await s.stop();
    expect(maxRunning).toBe(1);
    // Two explicit ticks plus whatever cron got in between; cron cannot have fired every second.
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(runs).toBeLessThan(5);
    expect(lines.some((l) => l['msg'] === 'scheduler tick skipped: the previous one is still running')).toBe(true);
    const after = runs;
    await sleep(1200);
    expect(runs).toBe(after); // stopped: no more firings
  });
});
