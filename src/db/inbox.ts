import type { Db, Tx } from './transaction.ts';
import type { Database } from './open-database.ts';

export interface InboxRow {
  key: string;
  kind: string;
  fromUser: string;
  payload: unknown;
  receivedAt: Date;
  attempts: number;
}

const INSERT_INBOX = `INSERT INTO "InboxMessage" ("key", "kind", "fromUser", "payload") VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT ("key") DO NOTHING`;

/**
 * Stores a callback under its dedupe key. Returns false when the key was already there (a WeCom retry).
 * Straight through the driver: this is the one write on the acknowledgement path, so it stays as cheap
 * as the database allows.
 */
export async function storeInbound(database: Pick<Database, 'execute'>, row: { key: string; kind: string; fromUser: string; payload: unknown }): Promise<boolean> {
  return (await database.execute(INSERT_INBOX, [row.key, row.kind, row.fromUser, JSON.stringify(row.payload)])) === 1;
}

/** Rows not yet worked on, oldest first (start-up recovery). */
export async function listUnprocessed(db: Db, limit = 10_000): Promise<{ key: string; fromUser: string }[]> {
  return db.inboxMessage.findMany({
    where: { processedAt: null },
    orderBy: { receivedAt: 'asc' },
    select: { key: true, fromUser: true },
    take: limit,
  });
}

/**
 * Locks one unworked row for the caller's transaction and returns its message; null when it is done
 * or another instance is working it (SKIP LOCKED), so two instances never work one message.
 */
export async function claimInboxRow(tx: Tx, key: string): Promise<{ payload: unknown } | null> {
  const rows = await tx.$queryRaw<{ payload: unknown }[]>`
    SELECT "payload" FROM "InboxMessage" WHERE "key" = ${key} AND "processedAt" IS NULL FOR UPDATE SKIP LOCKED`;
  return rows[0] ?? null;
}

export async function markInboxProcessed(tx: Tx, key: string, at: Date, countAttempt: boolean): Promise<void> {
  await tx.inboxMessage.update({ where: { key }, data: { processedAt: at, ...(countAttempt ? { attempts: { increment: 1 } } : {}) } });
}

/** Counts a failed attempt and keeps its error; returns the row's attempts so far and its sender. */
export async function recordInboxFailure(db: Tx, key: string, error: string): Promise<{ attempts: number; fromUser: string }> {
  const row = await db.inboxMessage.update({ where: { key }, data: { attempts: { increment: 1 }, lastError: error.slice(0, 1000) } });
  return { attempts: row.attempts, fromUser: row.fromUser };
}

/** When the last callback was stored (any kind), or null when WeCom has never called: tells whether the callback URL works. */
export async function lastCallbackAt(db: Db): Promise<Date | null> {
  const row = await db.inboxMessage.findFirst({ orderBy: { receivedAt: 'desc' }, select: { receivedAt: true } });
  return row?.receivedAt ?? null;
}

const INSERT_UNPARSED = `INSERT INTO "InboxMessage" ("key", "kind", "fromUser", "payload", "processedAt", "lastError") VALUES ($1, 'unparsed', $2, $3::jsonb, now(), $4) ON CONFLICT ("key") DO NOTHING`;

/** Keeps a signed callback that could not be read, already "processed" so that no worker takes it. */
export async function storeUnparsed(database: Pick<Database, 'execute'>, row: { key: string; fromUser: string; raw: string; reason: string }): Promise<boolean> {
  return (await database.execute(INSERT_UNPARSED, [row.key, row.fromUser, JSON.stringify({ raw: row.raw }), row.reason.slice(0, 1000)])) === 1;
}

/** The callbacks that could not be read, newest first, for the operator. */
export async function listUnparsed(db: Db, limit = 100): Promise<{ key: string; fromUser: string; receivedAt: Date; reason: string; raw: string }[]> {
  const rows = await db.inboxMessage.findMany({ where: { kind: 'unparsed' }, orderBy: { receivedAt: 'desc' }, take: limit });
  return rows.map((r) => ({ key: r.key, fromUser: r.fromUser, receivedAt: r.receivedAt, reason: r.lastError ?? '', raw: String((r.payload as { raw?: unknown }).raw ?? '') }));
}
