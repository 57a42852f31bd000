import type { Db } from '../db/transaction.ts';
import { claimedKeys } from '../db/reminder-claims.ts';

/**
 * Keys known to be in ReminderSent. Only ever holds committed claims, so it can skip work but never
 * cause a send; the claim itself (INSERT ... ON CONFLICT DO NOTHING) stays the guard. Bounded: the
 * oldest keys are forgotten first, and a forgotten key costs one indexed lookup.
 */
export class ClaimedKeyCache {
  private readonly keys = new Set<string>();
  constructor(private readonly max = 100_000) {}

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(keys: Iterable<string>): void {
    for (const k of keys) {
      this.keys.delete(k);
      this.keys.add(k);
    }
    for (const k of this.keys) {
      if (this.keys.size <= this.max) break;
      this.keys.delete(k);
    }
  }

  /** The keys among `keys` that nobody has claimed yet (as far as the database knows now). */
  async unclaimed(db: Db, keys: string[]): Promise<Set<string>> {
    const unknown = [...new Set(keys.filter((k) => !this.keys.has(k)))];
    const taken = await claimedKeys(db, unknown);
    this.add(taken);
    return new Set(unknown.filter((k) => !taken.has(k)));
  }
}
