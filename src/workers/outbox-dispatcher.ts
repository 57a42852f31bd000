import type { Db } from '../db/transaction.ts';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { claimDueOutbound, markGaveUp, markRetry, markSent, releaseClaims, renewClaim, type ClaimedOutbound } from '../db/outbox.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import { cardUpdateFallback } from './card-update-fallback.ts';
import { rateWindowEnd, type SendLimits } from './rate-limit.ts';
import { SendBudgets, type SendBudget } from './send-budget.ts';
import { deliverOutbound } from './deliver-outbound.ts';
import { WeComAbortedError, WeComApiError } from '../wecom/errors.ts';
import type { WeComApiClient } from '../wecom/api-client.ts';
import { classifySendFailure } from '../wecom/send-failure.ts';
import { wecomSetupFix } from '../messages/operator-texts.ts';

interface OutboxDispatcherOptions extends OutboxTuning {
  db: Db;
  clock: Clock;
  log: Logger;
  api: WeComApiClient;
}

export interface OutboxTuning {
  batchSize?: number;
  /** WeCom's send limits; default 30/min and 1000/h per member, and 200 × (staff count) a day for the app. */
  limits?: Partial<SendLimits>;
  /** Members served in parallel (one member's messages always go one after another). Default 4; 45033 lowers it. */
  concurrency?: number;
  /** The API client's per-request timeout: a claim's lease is several times this, so a send never outlives it. */
  sendTimeoutMs?: number;
  /** Lease of a claim; at least 4 × sendTimeoutMs (a token fetch, a send and a token refresh). Default 120 s. */
  leaseMs?: number;
  /** Transient failures (busy, network, HTTP 5xx) are retried this long after the first try. Default 48 h. */
  retryForMs?: number;
  /** Longest wait between two tries of a row, or two probes of an unreachable WeCom. Default 5 min. */
  maxBackoffMs?: number;
  /** While the app's setup is refused: first probe after this, doubling to probeMaxMs. Default 60 s and 2 min. */
  probeFirstMs?: number;
  probeMaxMs?: number;
}

/** What /healthz says about WeCom: ok, or why nothing is being sent and when the next try is. */
export type WeComHealth =
  | { ok: true }
  | { ok: false; reason: 'setup' | 'rate_limited' | 'unreachable'; errcode?: number; since: string; nextTryAt: string; queued?: number; fix?: string };

const DEFAULT_LEASE_MS = 120_000;
/** A few failed sends in a row before /healthz calls WeCom unreachable (one failure is ordinary). */
const UNREACHABLE_AFTER = 3;

type SendOutcome = 'sent' | 'failed' | 'stop';

/** Sends queued messages through the WeCom API and marks each row sent exactly once. */
export class OutboxDispatcher {
  private readonly owner = `outbox-${randomUUID().slice(0, 8)}`;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private readonly abort = new AbortController();
  private readonly leaseMs: number;
  private readonly budgets: SendBudgets;
  private readonly maxWidth: number;
  private width: number;
  private successStreak = 0;
  /** No claims before this instant (clock ms): a pause, a rate-limit window or a back-off. */
  private blockedUntil = 0;
  private pause: { errcode: number; path: string; since: Date; probes: number } | null = null;
  private transient: { since: Date; streak: number; errcode?: number } | null = null;
  private rate: { since: Date; streak: number } | null = null;

  constructor(private readonly o: OutboxDispatcherOptions) {
    this.leaseMs = Math.max(o.leaseMs ?? DEFAULT_LEASE_MS, 4 * (o.sendTimeoutMs ?? 10_000));
    this.budgets = new SendBudgets({ db: o.db, clock: o.clock, log: o.log, owner: this.owner, leaseMs: this.leaseMs, ...(o.limits && { limits: o.limits }) });
    this.maxWidth = Math.max(1, o.concurrency ?? 4);
    this.width = this.maxWidth;
  }

  /** Looks for due messages now (after a transaction queued some). */
  kick(): void {
    if (this.stopping) return;
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

  /**
   * Stops at once: sends in flight are abandoned (their rows stay queued, marked as tried, so the next
   * start retries them with WeCom's duplicate check) and every claim of this dispatcher is given back.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.abort.abort();
    await this.idle();
    await releaseClaims(this.o.db, this.owner);
  }

  /** WeCom as this dispatcher last found it. */
  health(): WeComHealth {
    const nextTryAt = new Date(this.blockedUntil).toISOString();
    if (this.pause) {
      return { ok: false, reason: 'setup', errcode: this.pause.errcode, since: this.pause.since.toISOString(), nextTryAt, fix: wecomSetupFix(this.pause.errcode) };
    }
    if (this.rate) return { ok: false, reason: 'rate_limited', errcode: 45009, since: this.rate.since.toISOString(), nextTryAt };
    if (this.transient && this.transient.streak >= UNREACHABLE_AFTER) {
      return { ok: false, reason: 'unreachable', ...(this.transient.errcode !== undefined && { errcode: this.transient.errcode }), since: this.transient.since.toISOString(), nextTryAt };
    }
    return { ok: true };
  }

  private async loop(): Promise<void> {
    try {
      for (;;) {
        if (this.stopping) return;
        const now = this.o.clock.now();
        if (now.getTime() < this.blockedUntil) return;
        // While WeCom refuses or fails, one row at a time probes it; the first success drains the rest.
        const probing = this.pause !== null || this.transient !== null || this.rate !== null;
        const limit = probing ? 1 : (this.o.batchSize ?? 20);
        const batch = await claimDueOutbound(this.o.db, { owner: this.owner, now, limit, leaseMs: this.leaseMs });
        if (batch.length === 0) return;
        // UPDATE ... RETURNING does not keep the claim's order; one member's messages go out in queue order.
        batch.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const budget = await this.budgets.forBatch(batch);
        const untouched = await this.sendBatch(batch, budget);
        if (untouched.length > 0) await releaseClaims(this.o.db, this.owner, untouched);
        if (this.stopping || this.o.clock.now().getTime() < this.blockedUntil) return;
        // A short batch emptied the queue; rows queued meanwhile come with their own kick().
        if (batch.length < limit && !probing) return;
      }
    } catch (err) {
      this.o.log.error({ err }, 'outbox dispatch failed');
    }
  }

  /** Sends a claimed batch, members in parallel lanes; returns the ids never tried (a stop came first). */
  private async sendBatch(batch: ClaimedOutbound[], budget: SendBudget): Promise<bigint[]> {
    const byUser = new Map<string, ClaimedOutbound[]>();
    for (const row of batch) byUser.set(row.toUser, [...(byUser.get(row.toUser) ?? []), row]);
    const queues = [...byUser.values()];
    const touched = new Set<bigint>();
    let halt = false;
    const lane = async () => {
      for (let rows = queues.shift(); rows && !halt; rows = queues.shift()) {
        for (const row of rows) {
          if (halt || this.stopping) break;
          touched.add(row.id);
          if (await budget.holdIfOverLimit(row)) continue;
          const outcome = await this.sendOne(row);
          if (outcome === 'sent') budget.count(row);
          if (outcome === 'stop') halt = true;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.width, queues.length) }, lane));
    return batch.filter((r) => !touched.has(r.id)).map((r) => r.id);
  }

  private async sendOne(row: ClaimedOutbound): Promise<SendOutcome> {
    const { db, log, clock } = this.o;
    const started = Date.now();
    const now = clock.now();
    const claim = await renewClaim(db, { id: row.id, owner: this.owner, now, leaseMs: this.leaseMs });
    if (!claim) {
      log.warn({ outboxId: String(row.id) }, 'outbound claim lapsed before its send; left to whoever holds it');
      return 'failed';
    }
    const { firstTriedAt } = claim;
    try {
      const result = await deliverOutbound(this.o.api, row, firstTriedAt, now, this.abort.signal);
      await markSent(db, row.id, this.owner, clock.now(), result);
      log.info({ outboxId: String(row.id), kind: row.kind, to: row.toUser, ms: Date.now() - started }, 'outbound sent');
      this.succeeded();
      return 'sent';
    } catch (err) {
      return this.failed(row, err, firstTriedAt);
    }
  }

  private succeeded(): void {
    if (this.pause) {
      this.o.log.warn({ errcode: this.pause.errcode, pausedMs: this.o.clock.now().getTime() - this.pause.since.getTime() }, 'WeCom accepts sends again: the outbox drains in order');
    }
    this.pause = null;
    this.transient = null;
    this.rate = null;
    // After 45033 the lanes come back one at a time, each after a run of clean sends.
    if (this.width < this.maxWidth && ++this.successStreak >= 20) {
      this.width++;
      this.successStreak = 0;
    }
  }

  private async failed(row: ClaimedOutbound, err: unknown, firstTriedAt: Date | null): Promise<SendOutcome> {
    const { db, log, clock } = this.o;
    const now = clock.now();
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof WeComAbortedError || this.stopping) {
      // Abandoned by a stop: WeCom may have it; the next start retries with the duplicate check.
      await releaseClaims(db, this.owner, [row.id], message);
      return 'stop';
    }
    // The card's task_id is stable per row: 42014 on a retry means the earlier try got through (90236).
    if (firstTriedAt !== null && row.kind === 'template_card' && err instanceof WeComApiError && err.errcode === 42014) {
      await markSent(db, row.id, this.owner, now, { deliveredEarlier: true });
      log.warn({ outboxId: String(row.id), to: row.toUser }, 'card was delivered by an earlier try whose answer was lost');
      this.succeeded();
      return 'sent';
    }
    const fallback = cardUpdateFallback(row, err, now);
    if (fallback) {
      await enqueueOutbound(db, [fallback]);
      await markGaveUp(db, row.id, this.owner, now, `${message}; sent as text instead`);
      log.warn({ outboxId: String(row.id), to: row.toUser }, 'card update refused; outcome sent as text');
      return 'failed';
    }
    const failure = classifySendFailure(err);
    switch (failure.kind) {
      case 'setup': {
        await releaseClaims(db, this.owner, [row.id], message);
        this.enterPause(failure.errcode, failure.path, now);
        return 'stop';
      }
      case 'rate_limited': {
        const until = rateWindowEnd(now, this.rate?.streak ?? 0);
        this.rate = { since: this.rate?.since ?? now, streak: (this.rate?.streak ?? 0) + 1 };
        this.blockedUntil = until.getTime();
        await markRetry(db, row.id, this.owner, until, message);
        log.warn({ outboxId: String(row.id), until: until.toISOString(), window: this.rate.streak }, 'WeCom rate limit (45009): sending waits out the window');
        return 'stop';
      }
      case 'concurrency': {
        this.width = Math.max(1, Math.floor(this.width / 2));
        this.successStreak = 0;
        this.blockedUntil = now.getTime() + 1_000;
        await releaseClaims(db, this.owner, [row.id], message);
        log.warn({ outboxId: String(row.id), lanes: this.width }, 'WeCom refused concurrent calls (45033): fewer in parallel');
        return 'stop';
      }
      case 'transient': {
        const attempts = row.attempts + 1;
        const since = firstTriedAt ?? now;
        if (now.getTime() - since.getTime() >= (this.o.retryForMs ?? 48 * 3600_000)) {
          await markGaveUp(db, row.id, this.owner, now, message);
          log.error({ outboxId: String(row.id), attempts, err: message }, 'outbound given up after retrying since its first try');
          return 'failed';
        }
        const cap = this.o.maxBackoffMs ?? 5 * 60_000;
        const delay = Math.min(cap, 2_000 * 2 ** Math.min(attempts - 1, 20));
        this.transient = { since: this.transient?.since ?? now, streak: (this.transient?.streak ?? 0) + 1, ...(failure.errcode !== undefined && { errcode: failure.errcode }) };
        // The whole outbox backs off too: the next row would most likely meet the same outage.
        this.blockedUntil = now.getTime() + Math.min(cap, 2_000 * 2 ** Math.min(this.transient.streak - 1, 20));
        await markRetry(db, row.id, this.owner, new Date(now.getTime() + delay), message);
        log.warn({ outboxId: String(row.id), attempts, delayMs: delay, err: message }, 'outbound will retry');
        return 'stop';
      }
      case 'permanent': {
        await markGaveUp(db, row.id, this.owner, now, message);
        log.error({ outboxId: String(row.id), attempts: row.attempts + 1, err: message }, 'outbound given up');
        return 'failed';
      }
    }
  }

  /** The app's setup is refused: everything waits, an operator is told once, and a probe tries now and then. */
  private enterPause(errcode: number, path: string, now: Date): void {
    const { log } = this.o;
    if (!this.pause || this.pause.errcode !== errcode) {
      this.pause = { errcode, path, since: now, probes: 0 };
      log.error({ alert: 'wecom_setup', errcode, path, fix: wecomSetupFix(errcode) }, 'WeCom refuses the app setup: sending is paused until it is fixed; nothing is given up');
    } else {
      this.pause.probes++;
    }
    const first = this.o.probeFirstMs ?? 60_000;
    const wait = Math.min(this.o.probeMaxMs ?? 2 * 60_000, first * 2 ** Math.min(this.pause.probes, 20));
    this.blockedUntil = now.getTime() + wait;
    log.warn({ errcode, nextProbeAt: new Date(this.blockedUntil).toISOString() }, 'outbox paused');
  }
}
