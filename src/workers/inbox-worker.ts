import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { Db } from '../db/open-database.ts';
import { listUnprocessed } from '../db/inbox.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import type { InboundMessage } from '../wecom/inbound-schema.ts';
import type { Tx } from '../use-cases/context.ts';
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
}

/**
 * Works inbox rows after WeCom has its answer. Rows are claimed with FOR UPDATE SKIP LOCKED, so two bot
 * instances never work one message; a row left unprocessed by a crash is picked up by `recover()`.
 */
export class InboxWorker {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly o: InboxWorkerOptions) {}

  notify(key: string): void {
    if (this.stopped || this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.running ??= this.drainQueue().finally(() => {
      this.running = null;
    });
  }

  /** Everything received but not worked on (after a crash, or another instance's crash). */
  async recover(): Promise<number> {
    const keys = await listUnprocessed(this.o.db);
    for (const key of keys) this.notify(key);
    return keys.length;
  }

  /** Resolves when the in-memory queue is empty. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops taking new work and finishes what is queued. */
  async stop(): Promise<void> {
    await this.idle();
    this.stopped = true;
  }

  private async drainQueue(): Promise<void> {
    while (this.queue.length > 0) {
      const key = this.queue.shift() as string;
      this.queued.delete(key);
      await this.processOne(key);
    }
  }

  private async processOne(key: string): Promise<void> {
    const { db, log } = this.o;
    const started = Date.now();
    try {
      const worked = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ payload: InboundMessage }[]>`
          SELECT "payload" FROM "InboxMessage" WHERE "key" = ${key} AND "processedAt" IS NULL FOR UPDATE SKIP LOCKED`;
        const row = rows[0];
        if (!row) return false;
        const now = this.o.clock.now();
        await this.o.handle(tx, key, row.payload, now);
        await tx.inboxMessage.update({ where: { key }, data: { processedAt: now, attempts: { increment: 1 } } });
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
    const row = await db.inboxMessage.update({
      where: { key },
      data: { attempts: { increment: 1 }, lastError: `${ref}: ${String((err as Error)?.message ?? err)}`.slice(0, 1000) },
    });
    if (row.attempts < (this.o.maxAttempts ?? 3)) {
      setTimeout(() => this.notify(key), 1000 * 2 ** row.attempts).unref();
      return;
    }
    // Set aside for an operator, and tell the sender rather than leave them waiting in silence.
    await db.$transaction(async (tx) => {
      await tx.inboxMessage.update({ where: { key }, data: { processedAt: this.o.clock.now() } });
      await enqueueOutbound(tx, [{ key: `reply:${key}`, toUser: row.fromUser, kind: 'text', payload: { content: GENERAL.internalError(ref) } }]);
    });
    this.o.onProcessed?.();
  }
}
