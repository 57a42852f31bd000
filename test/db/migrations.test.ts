import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { describe, expect, it } from 'vitest';
import { NO_FILTER, SCHEMA_PATH, openSchemaEngine, readMigrationList } from '../../src/db/schema-engine.ts';
import { BACKENDS, createTestDatabase } from '../support/test-database.ts';

// Each test runs every migration through the WASM schema engine: well under 30 s alone, but the list grows
// and CI shares two cores with other database tests.
describe('migrations', { timeout: 120_000 }, () => {
  it('match prisma/schema.prisma (npm run db:migration was not forgotten)', async () => {
    const pg = new PGlite();
    const engine = await openSchemaEngine(new PrismaPGlite(pg));
    const result = await engine.diff({
      from: { tag: 'migrations', ...(await readMigrationList()) },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, 'utf8') }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    await pg.close();
    expect((result.stdout ?? '').trim()).toBe('-- This is an empty migration.');
  });

  it.each(BACKENDS)('are applied once and recorded like prisma migrate deploy (%s)', async (backend) => {
    const database = await createTestDatabase(backend);
    try {
      const names = (await readMigrationList()).migrationDirectories.map((d) => d.path);
      expect(database.appliedMigrations).toEqual(names);
      const rows = await database.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
        SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    } finally {
      await database.close();
    }
  });
});
