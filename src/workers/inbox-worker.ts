import type { Tx } from '../db/transaction.ts';
import type { Db } from '../db/transaction.ts';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { claimInboxRow, listUnprocessed, markInboxProcessed, recordInboxFailure } from '../db/inbox.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import type { InboundMessage } from '../wecom/inbound-schema.ts';
import { GENERAL } from '../messages/general.ts';
import { isDatabaseUnavailable } from '../db/database-errors.ts';

export type MessageHandler = (tx: Tx, key: string, msg: InboundMessage, now: Date) => Promise<void>;

interface InboxWorkerOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  handle: MessageHandler;
  /** Called after each message is worked on, so the outbox can go at once. */
  onProcessed?: () => void;
  /** Attempts before a message that keeps failing is answered with an apology and set aside. */
  maxAttempts?: number;
  /** Messages worked at once (PostgreSQL); one sender's messages always go in order, in one lane. */
  lanes?: number;
}

interface Lane {
  queue: string[];
  running: Promise<void> | null;
}

/**
 * Works inbox rows after WeCom has its answer. Rows are claimed with FOR UPDATE SKIP LOCKED, so two bot
 * instances never work one message; a row left unprocessed by a crash is picked up by `recover()`.
 */
export class InboxWorker {
  private readonly lanes: Lane[];
  private readonly queued = new Set<string>();
  /** Sender of each message still to be worked (its lane, for a retry). */
  private readonly senders = new Map<string, string>();
  /** Consecutive tries of a message that found the database away. */
  private readonly unavailableStreak = new Map<string, number>();
  private stopped = false;
  private sweep: NodeJS.Timeout | null = null;

  constructor(private readonly o: InboxWorkerOptions) {
    this.lanes = Array.from({ length: Math.max(1, o.lanes ?? 1) }, () => ({ queue: [], running: null }));
  }

  /** A stored message to work on; `fromUser` picks its lane, so `登记` then `办结` from one person stay in order. */
  enqueue(key: string, fromUser: string): void {
    if (this.stopped || this.queued.has(key)) return;
    this.queued.add(key);
    this.senders.set(key, fromUser);
    const lane = this.lanes[laneOf(fromUser, this.lanes.length)]!;
    lane.queue.push(key);
    lane.running ??= this.drainLane(lane)
      .catch((err: unknown) => this.o.log.error({ err }, 'inbox lane stopped on an error'))
      .finally(() => {
        lane.running = null;
      });
  }

  /** Everything received but not worked on (after a crash, or another instance's crash). */
  async recover(): Promise<number> {
    const rows = await listUnprocessed(this.o.db);
    for (const row of rows) this.enqueue(row.key, row.fromUser);
    return rows.length;
  }

  /**
   * Looks again now and then: a message another instance stored and then crashed on is worked here.
   * Rows being worked elsewhere are skipped by the row lock, rows done are skipped by processedAt.
   */
  startSweep(intervalMs = 5 * 60_000): void {
    this.sweep = setInterval(() => {
      this.recover().catch((err: unknown) => this.o.log.error({ err }, 'inbox sweep failed'));
    }, intervalMs);
    this.sweep.unref();
  }

  /** Resolves when every lane's queue is empty. */
  async idle(): Promise<void> {
    while (this.lanes.some((l) => l.running)) await Promise.all(this.lanes.map((l) => l.running));
  }

  /** Stops taking new work and finishes what is queued. */
  async stop(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep);
    await this.idle();
    this.stopped = true;
  }

  private async drainLane(lane: Lane): Promise<void> {
    while (lane.queue.length > 0) {
      const key = lane.queue.shift() as string;
      this.queued.delete(key);
      await this.processOne(key);
    }
  }

  private async processOne(key: string): Promise<void> {
    const { db, log } = this.o;
    const started = Date.now();
    try {
      const worked = await inTransaction(db, async (tx) => {
        const row = await claimInboxRow(tx, key);
        if (!row) return false;
        const now = this.o.clock.now();
        await this.o.handle(tx, key, row.payload as InboundMessage, now);
        await markInboxProcessed(tx, key, now, true);
        return true;
      });
      this.senders.delete(key);
      this.unavailableStreak.delete(key);
      if (worked) {
        log.info({ inboxKey: key, ms: Date.now() - started }, 'inbound processed');
        this.o.onProcessed?.();
      }
    } catch (err) {
      await this.recordFailure(key, err);
    }
  }

  /**
   * Never throws: it runs where nothing would catch it. When the database itself is away (a restart),
   * the failure is not the message's and cannot even be written down: the message is tried again
   * later, without counting an attempt, until the database answers.
   */
  private async recordFailure(key: string, err: unknown): Promise<void> {
    const { db, log } = this.o;
    const fromUser = this.senders.get(key);
    if (isDatabaseUnavailable(err)) {
      log.error({ inboxKey: key, err: errorText(err) }, 'database unavailable while working a message; it will be tried again');
      this.retryLater(key);
      return;
    }
    const ref = randomUUID().slice(0, 8);
    log.error({ inboxKey: key, ref, err }, 'inbound processing failed');
    try {
      const row = await recordInboxFailure(db, key, `${ref}: ${errorText(err)}`);
      if (row.attempts < (this.o.maxAttempts ?? 3)) {
        this.unavailableStreak.delete(key);
        setTimeout(() => this.enqueue(key, row.fromUser), 1000 * 2 ** row.attempts).unref();
        return;
      }
      // Set aside for an operator, and tell the sender rather than leave them waiting in silence.
      await inTransaction(db, async (tx) => {
        await markInboxProcessed(tx, key, this.o.clock.now(), false);
        // A system event (sys) has nobody to apologise to: the error log is its record.
        if (row.fromUser !== 'sys') await enqueueOutbound(tx, [{ key: `reply:${key}`, toUser: row.fromUser, kind: 'text', payload: { content: GENERAL.internalError(ref) } }]);
      });
      this.senders.delete(key);
      this.o.onProcessed?.();
    } catch (recordErr) {
      log.error({ inboxKey: key, ref, from: fromUser, err: errorText(recordErr) }, 'could not record the failure; the message will be tried again');
      this.retryLater(key);
    }
  }

  /** Capped back-off while the database is away: 0.5 s, 1 s, 2 s … 15 s. */
  private retryLater(key: string): void {
    const fromUser = this.senders.get(key);
    if (fromUser === undefined) return; // recover() or the sweep finds it again
    const streak = (this.unavailableStreak.get(key) ?? 0) + 1;
    this.unavailableStreak.set(key, streak);
    setTimeout(() => this.enqueue(key, fromUser), Math.min(15_000, 500 * 2 ** (streak - 1))).unref();
  }
}

function errorText(err: unknown): string {
  return String((err as Error)?.message ?? err);
}

function laneOf(fromUser: string, lanes: number): number {
  // WeCom userids ignore case: LiHua and lihua are one person, so one lane.
  const id = fromUser.toLowerCase();
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % lanes;
}
