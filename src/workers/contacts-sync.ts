import type { Db } from '../db/transaction.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import { rosterGaps } from '../db/roster-repository.ts';
import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { applyDirectory, type ContactsSource, type ContactsSyncResult } from '../use-cases/contacts/sync-contacts.ts';

interface ContactsSyncOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  source: ContactsSource;
  /** Told when the sync queued messages (a leaver's list), so the outbox goes at once. */
  onQueued: () => void;
  intervalMs?: number;
}

/**
 * WECOM_CONTACTS_SYNC=on: the whole directory at start-up and hourly (events can be missed: the
 * callback may be down, or set up after people changed). A directory that cannot be read whole, or that
 * names nobody (a visible range not set yet), changes nothing: reading it as "everyone left" would
 * hand every open case over.
 */
export class ContactsSync {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ContactsSyncResult | null> | null = null;

  constructor(private readonly o: ContactsSyncOptions) {}

  /**
   * The first sync now, then one an hour. Start-up does not wait for it: a slow or unreachable WeCom
   * (up to WECOM_TIMEOUT_MS per call) must not hold up serving; `syncNow()` joins the running one.
   */
  start(): void {
    this.timer = setInterval(() => void this.syncNow(), this.o.intervalMs ?? 3600_000);
    this.timer.unref();
    void this.syncNow();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One sync; a call while one runs waits for it instead of starting a second. */
  syncNow(): Promise<ContactsSyncResult | null> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<ContactsSyncResult | null> {
    const { db, clock, log, source } = this.o;
    try {
      const dir = await source.directory();
      if (dir.members.length === 0) {
        log.error({ departments: dir.departments.length }, "contacts sync: WeCom lists nobody in the app's visible range; the roster is left as it is (set the visible range under the app's settings)");
        return null;
      }
      const outgoing: OutboundMessage[] = [];
      const { result, gaps } = await inTransaction(db, async (tx) => {
        const r = await applyDirectory({ tx, now: clock.now(), send: (m) => outgoing.push(m) }, dir);
        await enqueueOutbound(tx, outgoing);
        return { result: r, gaps: await rosterGaps(tx) };
      });
      log.info({ members: dir.members.length, departments: dir.departments.length, joined: result.joined, moved: result.moved, left: result.left, handedOver: result.handedOver }, 'contacts synced from WeCom');
      if (gaps.length > 0) log.warn({ gaps }, 'the organization file names people who are not in WeCom (left, renamed or never added): fix the file');
      if (outgoing.length > 0) this.o.onQueued();
      return result;
    } catch (err) {
      log.error({ err: (err as Error)?.message ?? String(err) }, 'contacts sync failed; the roster is left as it is and the next sync tries again');
      return null;
    }
  }
}
