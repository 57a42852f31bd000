import { describe, expect, it } from 'vitest';
import { createTestDatabase, withAdmin } from '../support/test-database.ts';
import { waitFor } from '../support/wait-for.ts';

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL closes the bot’s idle connections (restart, failover)', () => {
  it('keeps working: the pool reconnects and nothing crashes', async () => {
    const dropped: Error[] = [];
    const database = await createTestDatabase('postgres', { onConnectionError: (err) => dropped.push(err) });
    try {
      expect(await database.prisma.staff.count()).toBe(0);
      const [row] = await database.prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
      const name = row!.name;
      const killed = await withAdmin(process.env.TEST_DATABASE_URL!, (c) =>
        // Client backends only: the pool's idle connections (not an autovacuum worker that may be there).
        c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`, [name]),
      );
      expect(killed.rowCount).toBeGreaterThan(0);
      // The FATAL message has reached every idle client: the pool has dropped each of them.
      await waitFor(`the pool to drop its ${killed.rowCount} closed connections`, () => dropped.length >= killed.rowCount!);
      expect(await database.execute(`INSERT INTO "OrgSetting" ("key", "value") VALUES ('probe', 'x')`, [])).toBe(1);
      expect(await database.prisma.orgSetting.count()).toBe(1);
    } finally {
      await database.close();
    }
  });
});
