import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import nodeCron from 'node-cron';
import { startScheduler, type CreateCronTask, type CronTaskOptions } from '../../src/jobs/start-scheduler.ts';
import type { Job, JobDeps } from '../../src/jobs/job.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { AdjustableClock } from '../../src/shared/clock.ts';
import { waitFor } from '../support/wait-for.ts';

const deps = {} as Omit<JobDeps, 'now' | 'claimed' | 'log'>;

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
    const cronTasks = handFiredCron();
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    // Each run is held open until the test releases it, oldest first.
    const held: (() => void)[] = [];
    const release = () => held.shift()!();
    const slow: Job = {
      name: 'slow',
      schedule: '* * * * *',
      async run() {
        running++;
        maxRunning = Math.max(maxRunning, running);
        runs++;
        await new Promise<void>((r) => held.push(r));
        running--;
        return { sent: 0 };
      },
    };
    const skipped = () => lines.filter((l) => l['msg'] === 'scheduler tick skipped: the previous one is still running').length;
    const finished = () => lines.filter((l) => l['msg'] === 'scheduler tick').length;
    const s = startScheduler({ jobs: [slow], deps, clock: new AdjustableClock(), log, cron: true, createCronTask: cronTasks.create });
    expect(cronTasks.created.map((t) => [t.schedule, t.options.timezone])).toEqual([['* * * * *', 'Asia/Shanghai']]);
    const cron = cronTasks.created[0]!;

    // Two explicit ticks: the second waits for the first.
    const first = s.tick();
    const second = s.tick();
    await waitFor('the first tick to start', () => runs === 1);
    expect(running).toBe(1); // the second tick cannot start before the first is released

    // A cron firing now queues behind them; another firing while that one waits is skipped.
    cron.fire();
    expect(skipped()).toBe(0);
    cron.fire();
    expect(skipped()).toBe(1);

    release();
    await first;
    await waitFor('the second tick to start', () => runs === 2);
    release();
    await second;
    await waitFor('the cron run to start', () => runs === 3);
    cron.fire(); // during the cron run of the same schedule
    expect(skipped()).toBe(2);
    release();
    // Once the cron run has finished, the next firing runs again. (waitFor first checks before the
    // released run has gone on, then polls after a timer, when the run and its clean-up are done.)
    await waitFor('the cron run to finish', () => finished() === 3);
    cron.fire();
    await waitFor('the next cron run to start', () => runs === 4);
    expect(skipped()).toBe(2);

    // stop() destroys the timer and waits for the run in progress.
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await waitFor('the cron task to be destroyed', () => cron.destroyed);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(running).toBe(0);
    expect(maxRunning).toBe(1);
    // Two explicit ticks and two cron runs; the three firings during a run did not run.
    expect(runs).toBe(4);
    expect(lines.some((l) => l['msg'] === 'scheduler tick skipped: the previous one is still running')).toBe(true);

    const after = runs;
    cron.fire(); // a firing that comes after stop(), as a timer racing with destroy() could
    await new Promise((r) => setImmediate(r)); // an enqueued run would have started by now
    expect(runs).toBe(after); // stopped: no more firings
    expect(skipped()).toBe(2);
  });

  it('uses node-cron by default, and stop() destroys its task', async () => {
    const { log } = logger();
    const job: Job = { name: 'yearly', schedule: '0 0 1 1 *', run: async () => ({ sent: 0 }) };
    const s = startScheduler({ jobs: [job], deps, clock: new AdjustableClock(), log, cron: true });
    const ours = () => [...nodeCron.getTasks().values()].filter((t) => t.name === 'jobs 0 0 1 1 *');
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.getStatus()).not.toBe('destroyed');
    await s.stop();
    expect(ours()).toEqual([]); // node-cron forgets a destroyed task
  });
});

/**
 * Cron tasks that fire only when the test calls `fire()`, the scheduler's own callback. It still reaches
 * the scheduler after destroy(), so the test can show that the scheduler ignores a firing after stop().
 */
function handFiredCron() {
  const created: { schedule: string; options: CronTaskOptions; fire: () => void; destroyed: boolean }[] = [];
  const create: CreateCronTask = (schedule, fire, options) => {
    const task = { schedule, options, fire, destroyed: false };
    created.push(task);
    return { destroy: () => void (task.destroyed = true) };
  };
  return { created, create };
}
