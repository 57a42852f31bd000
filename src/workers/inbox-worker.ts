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
  private stopped = false;
  private sweep: NodeJS.Timeout | null = null;

  constructor(private readonly o: InboxWorkerOptions) {
    this.lanes = Array.from({ length: Math.max(1, o.lanes ?? 1) }, () => ({ queue: [], running: null }));
  }

  /** A stored message to work on; `fromUser` picks its lane, so `登记` then `办结` from one person stay in order. */
  enqueue(key: string, fromUser: string): void {
    if (this.stopped || this.queued.has(key)) return;
    this.queued.add(key);
    const lane = this.lanes[laneOf(fromUser, this.lanes.length)]!;
    lane.queue.push(key);
    lane.running ??= this.drainLane(lane).finally(() => {
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
      if (worked) {
        log.info({ inboxKey: key, ms: Date.now() - started }, 'inbound processed');
        this.o.onProcessed?.();
      }
    } catch (err) {
      await this.recordFailure(key, err);
    }
  }

  private async recordFailure(key: string, err: unknown): Promise<void> {
    const { db, log } = this.o;
    const ref = randomUUID().slice(0, 8);
    log.error({ inboxKey: key, ref, err }, 'inbound processing failed');
    const row = await recordInboxFailure(db, key, `${ref}: ${String((err as Error)?.message ?? err)}`);
    if (row.attempts < (this.o.maxAttempts ?? 3)) {
      setTimeout(() => this.enqueue(key, row.fromUser), 1000 * 2 ** row.attempts).unref();
      return;
    }
    // Set aside for an operator, and tell the sender rather than leave them waiting in silence.
    await inTransaction(db, async (tx) => {
      await markInboxProcessed(tx, key, this.o.clock.now(), false);
      await enqueueOutbound(tx, [{ key: `reply:${key}`, toUser: row.fromUser, kind: 'text', payload: { content: GENERAL.internalError(ref) } }]);
    });
    this.o.onProcessed?.();
  }
}

function laneOf(fromUser: string, lanes: number): number {
  let h = 0;
  for (let i = 0; i < fromUser.length; i++) h = (h * 31 + fromUser.charCodeAt(i)) >>> 0;
  return h % lanes;
}
