import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCHEMA_PATH = path.join(projectRoot, 'prisma/schema.prisma');
export const MIGRATIONS_DIR = path.join(projectRoot, 'prisma/migrations');

/**
 * Prisma's schema engine compiled to WASM. The native engine would be downloaded at install time,
 * which these machines cannot do; the WASM build ships inside an npm package and speaks to the
 * database through the same driver adapter the bot uses.
 */
export async function openSchemaEngine(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const Engine = await (engineClass ??= loadEngineClass());
  const datamodel = await readFile(SCHEMA_PATH, 'utf8');
  const quiet = () => {};
  return Engine.new({ datamodels: [[SCHEMA_PATH, datamodel]] }, quiet, bindMigrationAwareSqlAdapterFactory(adapter));
}

// The bindings keep the WASM instance in module state: instantiate it once per process.
let engineClass: Promise<typeof SchemaEngine> | undefined;

async function loadEngineClass(): Promise<typeof SchemaEngine> {
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = (await import(bgPath)) as WebAssembly.ModuleImports & { __wbg_set_wasm(exports: unknown): void };
  const bytes = await readFile(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  return (bg as unknown as { SchemaEngine: typeof SchemaEngine }).SchemaEngine;
}

/** The committed migrations, read the way `prisma migrate deploy` reads them. */
export async function readMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const content = await readFile(path.join(dir, name, 'migration.sql'), 'utf8').then(
        (text) => ({ tag: 'ok' as const, value: text }),
        (err: Error) => ({ tag: 'error' as const, value: err.message }),
      );
      return { path: name, migrationFile: { path: 'migration.sql', content } };
    }),
  );
  const lockPath = path.join(dir, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

export const NO_FILTER = { externalTables: [], externalEnums: [] };
