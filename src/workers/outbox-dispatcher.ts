import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { Db } from '../db/open-database.ts';
import { claimDueOutbound, markGaveUp, markRetry, markSent, type ClaimedOutbound } from '../db/outbox.ts';
import { WeComApiError, WeComNetworkError } from '../wecom/errors.ts';
import type { WeComApiClient } from '../wecom/api-client.ts';

interface OutboxDispatcherOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  api: WeComApiClient;
  /** Give up after this many failed attempts, with a record. */
  maxAttempts?: number;
  batchSize?: number;
}

const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 10 * 60_000;

/** Sends queued messages through the WeCom API and marks each row sent exactly once. */
export class OutboxDispatcher {
  private readonly owner = `outbox-${randomUUID().slice(0, 8)}`;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: OutboxDispatcherOptions) {}

  /** Looks for due messages now (after a transaction queued some). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Polls for messages whose retry time has come. */
  start(intervalMs = 5_000): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle();
  }

  private async loop(): Promise<void> {
    try {
      for (;;) {
        const batch = await claimDueOutbound(this.o.db, { owner: this.owner, now: this.o.clock.now(), limit: this.o.batchSize ?? 20, leaseMs: LEASE_MS });
        if (batch.length === 0) return;
        for (const row of batch) await this.sendOne(row);
      }
    } catch (err) {
      this.o.log.error({ err }, 'outbox dispatch failed');
    }
  }

  private async sendOne(row: ClaimedOutbound): Promise<void> {
    const { db, log, clock } = this.o;
    const started = Date.now();
    try {
      const result = await this.deliver(row);
      await markSent(db, row.id, this.owner, clock.now(), result);
      log.info({ outboxId: String(row.id), kind: row.kind, to: row.toUser, ms: Date.now() - started }, 'outbound sent');
    } catch (err) {
      const attempts = row.attempts + 1;
      const retryable = (err instanceof WeComApiError || err instanceof WeComNetworkError) && err.retryable;
      const message = err instanceof Error ? err.message : String(err);
      if (retryable && attempts < (this.o.maxAttempts ?? 8)) {
        const hinted = err instanceof WeComApiError ? (err.retryAfterMs ?? 0) : 0;
        const delay = Math.max(hinted, Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** (attempts - 1)));
        await markRetry(db, row.id, this.owner, new Date(clock.now().getTime() + delay), message);
        log.warn({ outboxId: String(row.id), attempts, delayMs: delay, err: message }, 'outbound will retry');
      } else {
        await markGaveUp(db, row.id, this.owner, clock.now(), message);
        log.error({ outboxId: String(row.id), attempts, err: message }, 'outbound given up');
      }
    }
  }

  private async deliver(row: ClaimedOutbound): Promise<unknown> {
    const { api } = this.o;
    const p = row.payload;
    switch (row.kind) {
      case 'text':
        return api.sendText([row.toUser], String(p.content));
      case 'markdown':
        return api.sendMarkdown([row.toUser], String(p.content));
      case 'template_card':
        return api.sendTemplateCard([row.toUser], p.card as object);
      case 'update_card':
        return api.updateTemplateCard({ userids: [row.toUser], responseCode: String(p.responseCode), card: p.card as object | undefined, replaceName: p.replaceName as string | undefined });
    }
  }
}
