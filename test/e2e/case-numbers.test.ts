import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { insertCase } from '../../src/db/case-repository.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { BACKENDS, createTestDatabase, withAdmin } from '../support/test-database.ts';
import { newCase } from '../support/case-fixture.ts';

const numbers = async (db: Parameters<typeof inTransaction>[0]) => (await db.case.findMany({ select: { no: true }, orderBy: { no: 'asc' } })).map((c) => c.no);

describe.each(BACKENDS)('case numbers have no gaps (%s)', (backend) => {
  it('gives a rolled-back registration’s number to the next one, also when many register at once', async () => {
    const database = await createTestDatabase(backend);
    try {
      const db = database.prisma;
      await inTransaction(db, (tx) => insertCase(tx, newCase('a')));
      await expect(
        inTransaction(db, async (tx) => {
          await insertCase(tx, newCase('rolled-back'));
          throw new Error('abort mid-transaction');
        }),
      ).rejects.toThrow('abort mid-transaction');
      await inTransaction(db, (tx) => insertCase(tx, newCase('b')));
      // Twenty at once, every fourth rolled back.
      await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          inTransaction(db, async (tx) => {
            await insertCase(tx, newCase(`many-${i}`));
            if (i % 4 === 0) throw new Error('abort');
          }),
        ),
      );
      expect(await numbers(db)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
      // The same message again is the same case, no number spent.
      expect((await inTransaction(db, (tx) => insertCase(tx, newCase('a')))).record.no).toBe(1);
      expect((await inTransaction(db, (tx) => insertCase(tx, newCase('c')))).record.no).toBe(18);
    } finally {
      await database.close();
    }
  }, 60_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL: a connection killed mid-registration', () => {
  it('leaves no gap', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const db = database.prisma;
      await inTransaction(db, (tx) => insertCase(tx, newCase('a')));
      const killed = inTransaction(db, async (tx) => {
        await insertCase(tx, newCase('killed'));
        const [me] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await withAdmin(process.env.TEST_DATABASE_URL!, (c) => c.query('SELECT pg_terminate_backend($1)', [me!.pid]));
        await tx.$queryRaw`SELECT 1`;
      });
      await expect(killed).rejects.toThrow();
      expect((await inTransaction(db, (tx) => insertCase(tx, newCase('b')))).record.no).toBe(2);
    } finally {
      await database.close();
    }
  }, 60_000);
});

describe('PGlite: the process killed (SIGKILL) mid-registration', () => {
  it('leaves no gap after the restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'xn-numbers-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', new URL('../support/pglite-crash-child.ts', import.meta.url).pathname], {
        env: { ...process.env, DATA_DIR: dataDir, COMMITTED: '3' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      for await (const line of createInterface({ input: child.stdout! })) {
        if (line.startsWith('INSIDE')) {
          expect(line).toBe('INSIDE 4');
          child.kill('SIGKILL');
          break;
        }
      }
      await exited;
      const database = await openDatabase({ dataDir });
      try {
        expect(await numbers(database.prisma)).toEqual([1, 2, 3]);
        expect((await inTransaction(database.prisma, (tx) => insertCase(tx, newCase('after-restart')))).record.no).toBe(4);
      } finally {
        await database.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
