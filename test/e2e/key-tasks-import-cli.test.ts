import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { applyOrg } from '../../src/db/apply-org.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { readOrgFile } from '../../src/org/read-org-file.ts';
import { ADMIN_TOKEN, BASIC_ORG, startTestBot } from '../support/start-test-bot.ts';
import { SAMPLE_HEADERS, SAMPLE_ROWS, keyTaskXlsx } from '../support/key-task-xlsx.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts/import-key-tasks.ts');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/loader.mjs');
const run = promisify(execFile);

/** `npm run tasks:import -- FILE` as an operator runs it: its own process, working directory and environment. */
const importTasks = (file: string, env: Record<string, string>, cwd = ROOT) =>
  run(process.execPath, ['--import', TSX, SCRIPT, file], { cwd, env: { PATH: process.env.PATH ?? '', ...env } }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );

async function folderWithOrg(): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'xn-tasks-'));
  const org = await readOrgFile(BASIC_ORG);
  if (!org.ok) throw new Error(org.errors.join('\n'));
  const db = await openDatabase({ dataDir });
  try {
    await applyOrg(db.prisma, org.org, new Date());
  } finally {
    await db.close();
  }
  return dataDir;
}

// Each run starts a fresh Node process (tsx compiles the project in it): give them time on a loaded machine.
describe('npm run tasks:import', { timeout: 180_000 }, () => {
  it('with no bot running: opens the database itself, imports, then finds nothing to change; a broken table is refused whole', async () => {
    const dataDir = await folderWithOrg();
    const file = path.join(dataDir, '重点工作任务分解表.xlsx');
    await writeFile(file, await keyTaskXlsx(SAMPLE_ROWS, { headers: SAMPLE_HEADERS }));

    const first = await importTasks(file, { DATA_DIR: dataDir });
    expect(first.stderr).toBe('');
    expect(first).toMatchObject({ code: 0, stdout: '已导入：新增 2 项，更新 0 项，未变 0 项。\n' });
    const second = await importTasks(file, { DATA_DIR: dataDir });
    expect(second).toMatchObject({ code: 0, stdout: '重点工作任务分解表与系统一致（2 项任务），0 处更改。\n' });

    const broken = path.join(dataDir, 'broken.xlsx');
    await writeFile(broken, await keyTaskXlsx([{ ...SAMPLE_ROWS[0]!, 序号: 7, 责任人: '王五', 完成时限: '明年' }], { headers: SAMPLE_HEADERS.filter((h) => h !== '重点工作任务') }));
    const refused = await importTasks(broken, { DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      [
        '重点工作任务分解表未导入，共 3 处错误：',
        '  - 第 2 行，“重点工作任务”列：缺少“重点工作任务”列。',
        '  - 第 3 行，“责任人”列：找不到工作人员“王五”，请写组织文件中的姓名或 userid。',
        '  - 第 3 行，“完成时限”列：日期“明年”无法识别，请写成 2026-06-30、2026年6月30日 或 6月30日。',
        '',
      ].join('\n'),
    );
    const notXlsx = path.join(dataDir, 'table.csv');
    await writeFile(notXlsx, '序号,重点工作任务\n1,任务\n');
    expect(await importTasks(notXlsx, { DATA_DIR: dataDir })).toMatchObject({ code: 1, stderr: expect.stringContaining('这不是 XLSX 文件') });

    const db = await openDatabase({ dataDir });
    try {
      expect(await db.prisma.keyTask.count()).toBe(2);
      expect(await db.prisma.keyTaskEvent.count()).toBe(2);
    } finally {
      await db.close();
    }
  });

  it('with a bot holding the data folder: goes through its API, reading ADMIN_TOKEN and PUBLIC_BASE_URL from .env', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'xn-tasks-'));
    // This process holds the folder, as the running bot would (src/db/data-dir-lock.ts).
    const database = await openDatabase({ dataDir });
    const t = await startTestBot({ database, now: new Date('2026-03-02T10:00:00+08:00') });
    try {
      const cwd = await mkdtemp(path.join(tmpdir(), 'xn-cwd-'));
      const file = path.join(cwd, 'table.xlsx');
      await writeFile(file, await keyTaskXlsx(SAMPLE_ROWS, { headers: SAMPLE_HEADERS }));

      // Without the token it cannot go through the bot, and says what to set.
      const noToken = await importTasks(file, { DATA_DIR: dataDir }, cwd);
      expect(noToken.code).toBe(3);
      expect(noToken.stderr).toContain('未设置 ADMIN_TOKEN');

      await writeFile(path.join(cwd, '.env'), `ADMIN_TOKEN=${ADMIN_TOKEN}\nPUBLIC_BASE_URL=${t.bot.url}\n`);
      const through = await importTasks(file, { DATA_DIR: dataDir }, cwd);
      expect(through.stderr).toBe('');
      expect(through).toMatchObject({ code: 0, stdout: `数据目录由运行中的效能助手占用，已通过 ${t.bot.url} 导入。\n已导入：新增 2 项，更新 0 项，未变 0 项。\n` });
      const { body } = await t.api('/api/key-tasks');
      expect(body.tasks.map((x: { owner: string }) => x.owner)).toEqual(['lihua', 'zhaomin']);
      expect((await t.api(`/api/key-tasks/${body.tasks[0].id}`)).body.history[0].detail.file.name).toBe('table.xlsx');

      const again = await importTasks(file, { DATA_DIR: dataDir }, cwd);
      expect(again.stdout).toContain('0 处更改');
    } finally {
      await t.close();
      await database.close();
    }
  });
});
