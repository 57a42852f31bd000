import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by process ${holderPid}. ` +
        'PGlite has one writer: stop that process, or send admin tasks through the running bot.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * PGlite does not lock its folder, and two processes opening one folder silently diverge.
 * A lock file created with O_EXCL holds the folder; a lock left by a dead process is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'bot.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      await handle.close();
      return { release: () => unlink(lockPath).catch(() => undefined) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await readHolder(lockPath);
      if (holder && holder.host === hostname() && isAlive(holder.pid)) throw new DataDirInUseError(dataDir, holder.pid);
      if (holder && holder.host !== hostname()) throw new DataDirInUseError(dataDir, holder.pid);
      await unlink(lockPath).catch(() => undefined); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

async function readHolder(lockPath: string): Promise<{ pid: number; host: string } | null> {
  try {
    const parsed = JSON.parse(await readFile(lockPath, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host } : null;
  } catch {
    return null; // half-written or garbled: the writer died mid-write
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
