import type { OutboundKind, OutboundMessage } from '../domain/messaging/outbound-message.ts';
import type { Tx } from './transaction.ts';
import type { Db } from './transaction.ts';
import { safeOutgoing } from '../messages/outgoing-safety.ts';

const SEND_AT_ONCE = new Date(0);

/** Queues messages in the caller's transaction; they leave only if it commits. */
export async function enqueueOutbound(tx: Tx, messages: OutboundMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.outboxMessage.createMany({
    data: messages.map(safeOutgoing).map((m) => ({
      key: m.key,
      toUser: m.toUser,
      kind: m.kind,
      payload: m.payload as object,
      // Not the database's now(): the app's clock decides when a row is due (tests and the sandbox move
      // it), so a row without a time is due at once whatever that clock says.
      notBefore: m.notBefore ?? SEND_AT_ONCE,
    })),
    skipDuplicates: true,
  });
}

export interface ClaimedOutbound {
  id: bigint;
  key: string;
  toUser: string;
  kind: OutboundKind;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Claims up to `limit` due messages for this dispatcher. SKIP LOCKED lets several bot instances share
 * one PostgreSQL database without sending a row twice; a claim older than `leaseMs` is taken back
 * (its dispatcher died mid-send).
 */
export async function claimDueOutbound(db: Db, opts: { owner: string; now: Date; limit: number; leaseMs: number }): Promise<ClaimedOutbound[]> {
  const staleBefore = new Date(opts.now.getTime() - opts.leaseMs);
  return db.$queryRaw<ClaimedOutbound[]>`
    UPDATE "OutboxMessage" SET "claimedAt" = ${opts.now}, "claimedBy" = ${opts.owner}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "sentAt" IS NULL AND "gaveUpAt" IS NULL AND "notBefore" <= ${opts.now}
        AND ("claimedAt" IS NULL OR "claimedAt" < ${staleBefore})
      ORDER BY "notBefore", "id"
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "key", "toUser", "kind", "payload", "attempts"`;
}

export async function markSent(db: Db, id: bigint, owner: string, at: Date, result: unknown): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id, claimedBy: owner },
    data: { sentAt: at, result: (result ?? {}) as object, attempts: { increment: 1 }, lastError: null },
  });
}

export async function markRetry(db: Db, id: bigint, owner: string, notBefore: Date, error: string): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id, claimedBy: owner },
    data: { notBefore, claimedAt: null, claimedBy: null, attempts: { increment: 1 }, lastError: error },
  });
}

export async function markGaveUp(db: Db, id: bigint, owner: string, at: Date, error: string): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id, claimedBy: owner },
    data: { gaveUpAt: at, attempts: { increment: 1 }, lastError: error },
  });
}
