import cron from 'node-cron';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { ClaimedKeyCache } from './claimed-key-cache.ts';
import type { Job, JobDeps, JobResult } from './job.ts';

export interface SchedulerOptions {
  jobs: readonly Job[];
  deps: Omit<JobDeps, 'now' | 'claimed' | 'log'>;
  clock: Clock;
  log: Logger;
  /** false: no cron timers; runs happen only through tick() (tools, some tests). Default true. */
  cron?: boolean;
  /** Creates the timer of one schedule. Default: node-cron's `cron.schedule`; tests pass one they fire by hand. */
  createCronTask?: CreateCronTask;
}

/** What the scheduler asks of a cron timer: call `fire` on `schedule` (in `options.timezone`) until destroyed. */
export type CreateCronTask = (schedule: string, fire: () => void, options: CronTaskOptions) => CronTask;

export interface CronTaskOptions {
  name: string;
  timezone: string;
  /** The timer does not keep the process alive. */
  unref: boolean;
  logger: {
    info(m: string): void;
    warn(m: string): void;
    error(m: string | Error): void;
    debug(m: string | Error): void;
  };
}

export interface CronTask {
  destroy(): void | Promise<void>;
}

const nodeCronTask: CreateCronTask = (schedule, fire, options) => cron.schedule(schedule, fire, options);

export type TickReport = Record<string, { ms: number; result?: JobResult; error?: string }>;

export interface Scheduler {
  /** Runs every job once at `now` (default: the clock's now), after any run in progress. */
  tick(now?: Date): Promise<TickReport>;
  /** Stops the timers and waits for the run in progress. */
  stop(): Promise<void>;
}

/**
 * The ONLY user of node-cron. Cron decides when to look; each job decides from the data what is due.
 * Overlap guard: runs are chained one after another, and a cron firing while the previous run of the
 * same schedule is still queued or running is skipped (the next firing catches up). Each job runs in
 * its own error boundary, and each run is timed in the log.
 */
export function startScheduler(o: SchedulerOptions): Scheduler {
  const claimed = new ClaimedKeyCache();
  let chain: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn);
    chain = run.catch(() => undefined);
    return run;
  };

  async function runJobs(jobs: readonly Job[], now: Date): Promise<TickReport> {
    const report: TickReport = {};
    const started = performance.now();
    for (const job of jobs) {
      const t0 = performance.now();
      try {
        const result = await job.run({ ...o.deps, now, claimed, log: o.log.child({ job: job.name }) });
        report[job.name] = { ms: Math.round(performance.now() - t0), result };
      } catch (err) {
        report[job.name] = { ms: Math.round(performance.now() - t0), error: err instanceof Error ? err.message : String(err) };
        o.log.error({ job: job.name, err, at: now.toISOString() }, 'scheduled job failed');
      }
    }
    const ms = Math.round(performance.now() - started);
    const sent = Object.values(report).reduce((n, r) => n + (r.result?.['sent'] ?? 0), 0);
    o.log[sent > 0 || ms > 1000 ? 'info' : 'debug']({ at: now.toISOString(), ms, sent, jobs: report }, 'scheduler tick');
    return report;
  }

  const tasks: CronTask[] = [];
  let stopped = false;
  if (o.cron ?? true) {
    const createCronTask = o.createCronTask ?? nodeCronTask;
    const bySchedule = new Map<string, Job[]>();
    for (const job of o.jobs) bySchedule.set(job.schedule, [...(bySchedule.get(job.schedule) ?? []), job]);
    const busy = new Set<string>();
    const cronLog = {
      info: (m: string) => o.log.info({ component: 'cron' }, m),
      warn: (m: string) => o.log.warn({ component: 'cron' }, m),
      error: (m: string | Error) => o.log.error({ component: 'cron', err: m }, 'cron error'),
      debug: (m: string | Error) => o.log.debug({ component: 'cron' }, String(m)),
    };
    for (const [schedule, jobs] of bySchedule) {
      const fire = () => {
        if (stopped) return; // a timer that fires while stop() destroys it
        if (busy.has(schedule)) {
          o.log.warn({ schedule }, 'scheduler tick skipped: the previous one is still running');
          return;
        }
        busy.add(schedule);
        void enqueue(() => runJobs(jobs, o.clock.now())).finally(() => busy.delete(schedule));
      };
      tasks.push(createCronTask(schedule, fire, { name: `jobs ${schedule}`, timezone: 'Asia/Shanghai', unref: true, logger: cronLog }));
    }
  }

  return {
    tick: (now) => enqueue(() => runJobs(o.jobs, now ?? o.clock.now())),
    async stop() {
      stopped = true;
      for (const t of tasks) await t.destroy();
      await chain;
    },
  };
}
