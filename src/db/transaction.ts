import type { PrismaClient } from './generated/client.ts';

/** The Prisma client of one open database. Only src/db and the composition roots hold it. */
export type Db = InstanceType<typeof PrismaClient>;

/**
 * The Prisma client inside one transaction: what every repository takes. The client itself fits too,
 * for a read that needs no transaction.
 */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Runs `work` in one transaction: everything it stores and queues commits together, or nothing does. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work);
}

/** True when the database answers a trivial query. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
