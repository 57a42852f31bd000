import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { NO_FILTER, openSchemaEngine, readMigrationList } from './schema-engine.ts';

import type { Db } from './transaction.ts';

export interface Database {
  readonly prisma: Db;
  readonly kind: 'pglite' | 'postgres';
  readonly appliedMigrations: string[];
  /**
   * One statement straight through the driver, returning the rows it changed. Only for the
   * acknowledgement path, where Prisma's per-query work is a third of the time WeCom waits.
   */
  execute(sql: string, params: unknown[]): Promise<number>;
  /** A consistent copy of the embedded database (PGlite only), as a gzipped tarball. */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  /** In-memory PGlite, for tests that need no folder. */
  memory?: boolean;
  /** Told when the server drops an idle PostgreSQL connection (the pool replaces it by itself). */
  onConnectionError?: (err: Error) => void;
}

/** Opens the database the configuration names and applies the committed migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.onConnectionError) : openPglite(options);
}

async function openPostgres(databaseUrl: string, onConnectionError: (err: Error) => void = () => undefined): Promise<Database> {
  // The schema engine takes a session-level advisory lock and leaves it held. On a pooled connection
  // that lock would outlive the migration and stall every other instance's start-up, so migrations get
  // a connection of their own, closed afterwards.
  const migrationPool = quietPool(new pg.Pool({ connectionString: databaseUrl, max: 1 }), onConnectionError);
  let appliedMigrations: string[];
  try {
    appliedMigrations = await migrate(new PrismaPg(migrationPool));
  } finally {
    await migrationPool.end();
  }
  const pool = quietPool(new pg.Pool({ connectionString: databaseUrl, max: 10 }), onConnectionError);
  const adapter = new PrismaPg(pool);
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    kind: 'postgres',
    appliedMigrations,
    execute: async (sql, params) => (await pool.query(sql, params)).rowCount ?? 0,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * An idle pooled connection that the server closes (a PostgreSQL restart, an administrator, a failover)
 * emits 'error' on the pool; unheard, that would crash the bot. The pool drops the connection and the
 * next query opens a new one, so it is only worth a log line.
 */
function quietPool(pool: pg.Pool, onError: (err: Error) => void): pg.Pool {
  pool.on('error', onError);
  return pool;
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  let lock: DataDirLock | undefined;
  let lite: PGlite;
  if (options.memory) {
    lite = new PGlite();
  } else {
    lock = await lockDataDir(options.dataDir);
    try {
      lite = new PGlite(path.join(options.dataDir, 'pgdata'));
      await lite.waitReady;
    } catch (err) {
      await lock.release();
      throw err;
    }
  }
  const adapter = new PrismaPGlite(lite);
  const appliedMigrations = await migrate(adapter);
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    kind: 'pglite',
    appliedMigrations,
    execute: async (sql, params) => (await lite.query(sql, params)).affectedRows ?? 0,
    dump: () => lite.dumpDataDir('gzip') as Promise<Blob>,
    close: async () => {
      await prisma.$disconnect();
      await lite.close();
      await lock?.release();
    },
  };
}

async function migrate(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(adapter);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrationList(),
      filters: NO_FILTER,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}
