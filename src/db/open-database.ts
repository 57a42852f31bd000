import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { NO_FILTER, openSchemaEngine, readMigrationList } from './schema-engine.ts';

export type Db = InstanceType<typeof PrismaClient>;

export interface Database {
  readonly prisma: Db;
  readonly kind: 'pglite' | 'postgres';
  readonly appliedMigrations: string[];
  /** A consistent copy of the embedded database (PGlite only), as a gzipped tarball. */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  /** In-memory PGlite, for tests that need no folder. */
  memory?: boolean;
}

/** Opens the database the configuration names and applies the committed migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options);
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
  const appliedMigrations = await migrate(adapter);
  const prisma = new PrismaClient({ adapter });
  return { prisma, kind: 'postgres', appliedMigrations, close: () => prisma.$disconnect() };
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  let lock: DataDirLock | undefined;
  let pg: PGlite;
  if (options.memory) {
    pg = new PGlite();
  } else {
    lock = await lockDataDir(options.dataDir);
    try {
      pg = new PGlite(path.join(options.dataDir, 'pgdata'));
      await pg.waitReady;
    } catch (err) {
      await lock.release();
      throw err;
    }
  }
  const adapter = new PrismaPGlite(pg);
  const appliedMigrations = await migrate(adapter);
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    kind: 'pglite',
    appliedMigrations,
    dump: () => pg.dumpDataDir('gzip') as Promise<Blob>,
    close: async () => {
      await prisma.$disconnect();
      await pg.close();
      await lock?.release();
    },
  };
}

async function migrate(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(adapter);
  const { appliedMigrationNames } = await engine.applyMigrations({
    migrationsList: await readMigrationList(),
    filters: NO_FILTER,
  });
  return appliedMigrationNames;
}
