import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../src/db/data-dir-lock.ts';
import { openDatabase } from '../../src/db/open-database.ts';

const run = promisify(execFile);
const OPEN_SCRIPT = `
import { openDatabase } from './src/db/open-database.ts';
const db = await openDatabase({ dataDir: process.argv[1] });
const n = await db.prisma.staff.count();
await db.close();
console.log('opened', n);
`;

describe('the embedded data folder has one writer', { timeout: 180_000 }, () => {
  it('refuses a second process while the bot holds the folder, with a clear error', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xn-lock-'));
    const db = await openDatabase({ dataDir: dir });
    try {
      await db.prisma.staff.create({ data: { userid: 'lihua', name: '李华', department: 'kpb' } });
      const second = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', OPEN_SCRIPT, dir]).catch((e: { stderr: string; code: number }) => e);
      expect('stderr' in second && second.stderr).toMatch(/is in use by process \d+/);
    } finally {
      await db.close();
    }
    // Once released, another process opens it and sees the same data, not a diverged copy.
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', OPEN_SCRIPT, dir]);
    expect(stdout.trim()).toBe('opened 1');
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xn-lock-'));
    const { hostname } = await import('node:os');
    await writeFile(path.join(dir, 'bot.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: '2026-01-01' }));
    const lock = await lockDataDir(dir);
    expect(JSON.parse(await readFile(path.join(dir, 'bot.lock'), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('refuses a second lock in the same process', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xn-lock-'));
    const lock = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    await lock.release();
  });
});
