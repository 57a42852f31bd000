import { describe, expect, it } from 'vitest';
import { createTestDatabase, withAdmin } from '../support/test-database.ts';

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL closes the bot’s idle connections (restart, failover)', () => {
  it('keeps working: the pool reconnects and nothing crashes', async () => {
    const database = await createTestDatabase('postgres');
    try {
      expect(await database.prisma.staff.count()).toBe(0);
      const [row] = await database.prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
      const name = row!.name;
      const killed = await withAdmin(process.env.TEST_DATABASE_URL!, (c) =>
        c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]),
      );
      expect(killed.rowCount).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200)); // the FATAL message reaches the idle client
      expect(await database.execute(`INSERT INTO "OrgSetting" ("key", "value") VALUES ('probe', 'x')`, [])).toBe(1);
      expect(await database.prisma.orgSetting.count()).toBe(1);
    } finally {
      await database.close();
    }
  });
});
