import type { Db } from '../db/transaction.ts';
import type { ClaimedOutbound } from '../db/outbox.ts';
import { MESSAGE_KINDS, appSendsSince, holdBack, recentSends } from '../db/outbox-rate.ts';
import { countStaff } from '../db/org-repository.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { WECOM_PER_USER_LIMITS, appDailyLimit, chinaDayStart, nextSendSlot, type SendLimits } from './rate-limit.ts';

/** One batch's room under WeCom's send limits: hold a row back when it has none, count what went out. */
export interface SendBudget {
  holdIfOverLimit(row: ClaimedOutbound): Promise<boolean>;
  count(row: ClaimedOutbound): void;
}

/**
 * WeCom drops messages over its per-member limits without an error, so the dispatcher counts what
 * was sent (from the database, so every instance counts the same) and holds a message back to the
 * instant it may go instead of sending it into the limit.
 */
export class SendBudgets {
  private staffCache: { count: number; at: number } | null = null;

  constructor(private readonly o: { db: Db; clock: Clock; log: Logger; owner: string; leaseMs: number; limits?: Partial<SendLimits> }) {}

  async forBatch(batch: ClaimedOutbound[]): Promise<SendBudget> {
    const { db, clock, owner } = this.o;
    const now = clock.now();
    const limits: SendLimits = {
      ...WECOM_PER_USER_LIMITS,
      perAppPerDay: this.o.limits?.perAppPerDay ?? appDailyLimit(await this.staffCount(now)),
      ...this.o.limits,
    };
    const messages = batch.filter((r) => MESSAGE_KINDS.includes(r.kind));
    const sends = await recentSends(db, { users: [...new Set(messages.map((r) => r.toUser))], now, owner, leaseMs: this.o.leaseMs });
    let appToday = messages.length > 0 ? await appSendsSince(db, chinaDayStart(now)) : 0;
    return {
      holdIfOverLimit: async (row) => {
        if (!MESSAGE_KINDS.includes(row.kind)) return false;
        const slot = nextSendSlot({ userSends: sends.get(row.toUser) ?? [], appSendsToday: appToday, now: clock.now(), limits });
        if (!slot) return false;
        await holdBack(db, row.id, owner, slot);
        this.o.log.info({ outboxId: String(row.id), to: row.toUser, until: slot.toISOString() }, 'outbound held back for WeCom send limits');
        return true;
      },
      count: (row) => {
        if (!MESSAGE_KINDS.includes(row.kind)) return;
        sends.set(row.toUser, [...(sends.get(row.toUser) ?? []), clock.now()]);
        appToday++;
      },
    };
  }

  /** The staff count sets the app's daily limit; it changes with the organization file, so a few minutes' cache is exact enough. */
  private async staffCount(now: Date): Promise<number> {
    if (!this.staffCache || now.getTime() - this.staffCache.at > 5 * 60_000) {
      this.staffCache = { count: await countStaff(this.o.db), at: now.getTime() };
    }
    return this.staffCache.count;
  }
}
