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
  /** Set once a send of this row was started: a later send may be a retry of one WeCom processed. */
  firstTriedAt: Date | null;
}

/**
 * Claims up to `limit` due messages for this dispatcher. SKIP LOCKED lets several bot instances share
 * one PostgreSQL database without sending a row twice; a claim older than `leaseMs` is taken back
 * (its dispatcher died mid-send). A member's messages keep their order: a row waits while an earlier
 * one to the same member is waiting for its retry or is being sent by another instance.
 */
export async function claimDueOutbound(db: Db, opts: { owner: string; now: Date; limit: number; leaseMs: number }): Promise<ClaimedOutbound[]> {
  const staleBefore = new Date(opts.now.getTime() - opts.leaseMs);
  return db.$queryRaw<ClaimedOutbound[]>`
    UPDATE "OutboxMessage" SET "claimedAt" = ${opts.now}, "claimedBy" = ${opts.owner}
    WHERE "id" IN (
      SELECT o."id" FROM "OutboxMessage" o
      WHERE o."sentAt" IS NULL AND o."gaveUpAt" IS NULL AND o."notBefore" <= ${opts.now}
        AND (o."claimedAt" IS NULL OR o."claimedAt" < ${staleBefore})
        AND NOT EXISTS (
          SELECT 1 FROM "OutboxMessage" e
          WHERE e."toUser" = o."toUser" AND e."id" < o."id" AND e."sentAt" IS NULL AND e."gaveUpAt" IS NULL
            AND ((e."attempts" > 0 AND e."notBefore" > ${opts.now})
              OR (e."claimedAt" >= ${staleBefore} AND e."claimedBy" <> ${opts.owner})))
      ORDER BY o."notBefore", o."id"
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "key", "toUser", "kind", "payload", "attempts", "firstTriedAt"`;
}

/**
 * Just before a send: true when the claim is still this dispatcher's and fresh, and then it runs a full
 * lease from now. A claim that went stale may have been taken by another instance: that one sends it.
 */
export async function renewClaim(db: Db, o: { id: bigint; owner: string; now: Date; leaseMs: number }): Promise<boolean> {
  const staleBefore = new Date(o.now.getTime() - o.leaseMs);
  const n = await db.$executeRaw`
    UPDATE "OutboxMessage" SET "claimedAt" = ${o.now}, "firstTriedAt" = COALESCE("firstTriedAt", ${o.now})
    WHERE "id" = ${o.id} AND "claimedBy" = ${o.owner} AND "claimedAt" >= ${staleBefore}
      AND "sentAt" IS NULL AND "gaveUpAt" IS NULL`;
  return n === 1;
}

/** Gives claimed rows back untouched (a paused or stopping dispatcher): they keep their place in the queue. */
export async function releaseClaims(db: Db, owner: string, ids?: bigint[], error?: string): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { claimedBy: owner, sentAt: null, gaveUpAt: null, ...(ids && { id: { in: ids } }) },
    data: { claimedAt: null, claimedBy: null, ...(error !== undefined && { lastError: error }) },
  });
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
