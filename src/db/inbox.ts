import type { Db } from './transaction.ts';
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
