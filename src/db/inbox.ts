import type { Db } from './open-database.ts';

export interface InboxRow {
  key: string;
  kind: string;
  fromUser: string;
  payload: unknown;
  receivedAt: Date;
  attempts: number;
}

/**
 * Stores a callback under its dedupe key. Returns false when the key was already there (a WeCom retry).
 * A raw INSERT: this is the one write on the acknowledgement path, so it stays as cheap as the database allows.
 */
export async function storeInbound(db: Db, row: { key: string; kind: string; fromUser: string; payload: unknown }): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO "InboxMessage" ("key", "kind", "fromUser", "payload")
    VALUES (${row.key}, ${row.kind}, ${row.fromUser}, ${JSON.stringify(row.payload)}::jsonb)
    ON CONFLICT ("key") DO NOTHING`;
  return inserted === 1;
}

/** Keys of rows not yet worked on, oldest first (start-up recovery and the periodic sweep). */
export async function listUnprocessed(db: Db, limit = 500): Promise<string[]> {
  const rows = await db.inboxMessage.findMany({
    where: { processedAt: null },
    orderBy: { receivedAt: 'asc' },
    select: { key: true },
    take: limit,
  });
  return rows.map((r) => r.key);
}
