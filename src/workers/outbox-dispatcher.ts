import type { Db } from '../db/transaction.ts';
import { countStaff } from '../db/org-repository.ts';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { claimDueOutbound, markGaveUp, markRetry, markSent, type ClaimedOutbound } from '../db/outbox.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import { cardUpdateFallback } from './card-update-fallback.ts';
import { MESSAGE_KINDS, appSendsSince, holdBack, recentSends } from '../db/outbox-rate.ts';
import { WECOM_PER_USER_LIMITS, appDailyLimit, chinaDayStart, nextSendSlot, type SendLimits } from './rate-limit.ts';
import { WeComApiError, isRetryableWeComError } from '../wecom/errors.ts';
import type { WeComApiClient } from '../wecom/api-client.ts';

interface OutboxDispatcherOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  api: WeComApiClient;
  /** Give up after this many failed attempts, with a record. */
  maxAttempts?: number;
  batchSize?: number;
  /** WeCom's send limits; default 30/min and 1000/h per member, and 200 × (staff count) a day for the app. */
  limits?: Partial<SendLimits>;
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
        const limit = this.o.batchSize ?? 20;
        const batch = await claimDueOutbound(this.o.db, { owner: this.owner, now: this.o.clock.now(), limit, leaseMs: LEASE_MS });
        if (batch.length === 0) return;
        // UPDATE ... RETURNING does not keep the claim's order; one member's messages go out in queue order.
        batch.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const budget = await this.sendBudget(batch);
        for (const row of batch) {
          if (await budget.holdIfOverLimit(row)) continue;
          if (await this.sendOne(row)) budget.count(row);
        }
        // A short batch emptied the queue; rows queued meanwhile come with their own kick().
        if (batch.length < limit) return;
      }
    } catch (err) {
      this.o.log.error({ err }, 'outbox dispatch failed');
    }
  }

  /**
   * WeCom drops messages over its per-member limits without an error, so the dispatcher counts what
   * was sent (from the database, so every instance counts the same) and holds a message back to the
   * instant it may go instead of sending it into the limit.
   */
  private async sendBudget(batch: ClaimedOutbound[]) {
    const { db, clock } = this.o;
    const now = clock.now();
    const limits: SendLimits = {
      ...WECOM_PER_USER_LIMITS,
      perAppPerDay: this.o.limits?.perAppPerDay ?? appDailyLimit(await this.staffCount(now)),
      ...this.o.limits,
    };
    const messages = batch.filter((r) => MESSAGE_KINDS.includes(r.kind));
    const sends = await recentSends(db, { users: [...new Set(messages.map((r) => r.toUser))], now, owner: this.owner, leaseMs: LEASE_MS });
    let appToday = messages.length > 0 ? await appSendsSince(db, chinaDayStart(now)) : 0;
    return {
      holdIfOverLimit: async (row: ClaimedOutbound): Promise<boolean> => {
        if (!MESSAGE_KINDS.includes(row.kind)) return false;
        const slot = nextSendSlot({ userSends: sends.get(row.toUser) ?? [], appSendsToday: appToday, now: clock.now(), limits });
        if (!slot) return false;
        await holdBack(db, row.id, this.owner, slot);
        this.o.log.info({ outboxId: String(row.id), to: row.toUser, until: slot.toISOString() }, 'outbound held back for WeCom send limits');
        return true;
      },
      count: (row: ClaimedOutbound) => {
        if (!MESSAGE_KINDS.includes(row.kind)) return;
        sends.set(row.toUser, [...(sends.get(row.toUser) ?? []), clock.now()]);
        appToday++;
      },
    };
  }

  private staffCache: { count: number; at: number } | null = null;

  /** The staff count sets the app's daily limit; it changes with the organization file, so a few minutes' cache is exact enough. */
  private async staffCount(now: Date): Promise<number> {
    if (!this.staffCache || now.getTime() - this.staffCache.at > 5 * 60_000) {
      this.staffCache = { count: await countStaff(this.o.db), at: now.getTime() };
    }
    return this.staffCache.count;
  }

  /** True when the message was sent. */
  private async sendOne(row: ClaimedOutbound): Promise<boolean> {
    const { db, log, clock } = this.o;
    const started = Date.now();
    try {
      const result = await this.deliver(row);
      await markSent(db, row.id, this.owner, clock.now(), result);
      log.info({ outboxId: String(row.id), kind: row.kind, to: row.toUser, ms: Date.now() - started }, 'outbound sent');
      return true;
    } catch (err) {
      const fallback = cardUpdateFallback(row, err, clock.now());
      if (fallback) {
        await enqueueOutbound(db, [fallback]);
        await markGaveUp(db, row.id, this.owner, clock.now(), `${err instanceof Error ? err.message : String(err)}; sent as text instead`);
        log.warn({ outboxId: String(row.id), to: row.toUser }, 'card update refused; outcome sent as text');
        return false;
      }
      const attempts = row.attempts + 1;
      const retryable = isRetryableWeComError(err);
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
      return false;
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
