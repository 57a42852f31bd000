import type { Db } from '../db/transaction.ts';
import type { Logger } from '../shared/logger.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { ReminderPolicy } from '../domain/reminders/reminder-policy.ts';
import type { ClaimedKeyCache } from './claimed-key-cache.ts';

/** What a job gets for one run: the instant it looks at is passed in, never read from a clock inside. */
export interface JobDeps {
  db: Db;
  calendar: WorkCalendar;
  policy: ReminderPolicy;
  now: Date;
  log: Logger;
  publicBaseUrl: string;
  /** Reminder keys this process knows are claimed: spares a lookup per minute for reminders already sent. */
  claimed: ClaimedKeyCache;
}

/** Counts for the timing log (e.g. { due: 3, sent: 1 }). */
export type JobResult = Record<string, number>;

/**
 * A scheduled job: node-cron decides WHEN it looks (`schedule`, China time); WHAT is due is decided by
 * `run` from the data and `now`, so a run missed while the bot was down is caught up by the next one.
 */
export interface Job {
  name: string;
  schedule: string;
  run(deps: JobDeps): Promise<JobResult>;
}
