import type { Tx } from './transaction.ts';
import type { Db } from './transaction.ts';
import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import { enqueueOutbound } from './outbox.ts';

export interface ReminderClaim {
  /** Unique forever: (subject, kind, due instant). */
  key: string;
  caseNo: number | null;
  kind: string;
  toUsers: string[];
  messages: OutboundMessage[];
  /** More writes that belong to this reminder (e.g. an accountability record), in the same transaction. */
  onWon?: (tx: Tx) => Promise<void>;
}

/** The keys among `keys` that are already claimed (one indexed lookup; cheap pre-filter, not the guard). */
export async function claimedKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.reminderSent.findMany({ where: { key: { in: keys } }, select: { key: true } });
  return new Set(rows.map((r) => r.key));
}

/**
 * Claims reminders and queues their messages in ONE transaction. The claim is an INSERT ... ON
 * CONFLICT DO NOTHING on ReminderSent's primary key: of two ticks (two processes, two instances on one
 * PostgreSQL) inserting the same key, the second waits for the first to commit and gets nothing back,
 * so it queues nothing. If the transaction fails, neither the claim nor the messages exist.
 */
export async function claimReminders(db: Db, claims: ReminderClaim[], now: Date): Promise<string[]> {
  if (claims.length === 0) return [];
  // Inserting in one fixed order makes overlapping claims of concurrent ticks wait, never deadlock.
  const sorted = [...claims].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return db.$transaction(async (tx) => {
    const won = await tx.reminderSent.createManyAndReturn({
      data: sorted.map((c) => ({ key: c.key, caseNo: c.caseNo, kind: c.kind, toUser: c.toUsers.join(','), at: now })),
      skipDuplicates: true,
      select: { key: true },
    });
    const wonKeys = new Set(won.map((w) => w.key));
    const winners = sorted.filter((c) => wonKeys.has(c.key));
    await enqueueOutbound(tx, winners.flatMap((c) => c.messages));
    for (const w of winners) await w.onWon?.(tx);
    return winners.map((w) => w.key);
  });
}

/**
 * `caseNo:userid` for every direct reminder about one of `caseNos` sent since `since` (the digest
 * itself not counted): a person told of a case this morning does not find it in the digest again.
 */
export async function remindedSince(db: Db, caseNos: number[], since: Date): Promise<Set<string>> {
  if (caseNos.length === 0) return new Set();
  const rows = await db.reminderSent.findMany({ where: { caseNo: { in: caseNos }, at: { gte: since }, NOT: { kind: 'morning_digest' } }, select: { caseNo: true, toUser: true } });
  return new Set(rows.flatMap((r) => r.toUser.split(',').map((u) => `${r.caseNo}:${u}`)));
}
