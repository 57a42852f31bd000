import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEMO_ORG_PATH } from '../../src/org/demo-org.ts';
import { openDatabase } from '../../src/db/open-database.ts';

const run = promisify(execFile);
const importOrg = (file: string, dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/import-org.ts', file], { env: { PATH: process.env.PATH, DATA_DIR: dataDir } }).catch(
    (e: { stdout: string; stderr: string; code: number }) => e,
  );

// Each test starts fresh Node processes (tsx compiles the project in each): give them time on a loaded machine.
describe('npm run org:import', { timeout: 180_000 }, () => {
  it('imports a file, then finds nothing to change on the second run', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'xn-import-'));
    const first = await importOrg(DEMO_ORG_PATH, dataDir);
    expect(first.stdout).toMatch(/已导入：\d+ 处更改/);
    const second = await importOrg(DEMO_ORG_PATH, dataDir);
    expect(second.stdout).toContain('组织文件与数据库一致，无需更改。');
  });

  it('rejects a broken file whole, naming every error, and writes nothing', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'xn-import-'));
    const file = path.join(dataDir, 'broken.yaml');
    await writeFile(file, 'unit: 测试\nprincipal: ghost\noffice: nope\ndepartments: []\nstaff:\n  - { userid: a, name: 甲, department: x }\n');
    const result = await importOrg(file, dataDir);
    expect('code' in result && result.code).toBe(1);
    expect(result.stderr).toContain('组织文件未导入');
    for (const named of ['principal', 'office', 'staff[0].department']) expect(result.stderr).toContain(named);
    const db = await openDatabase({ dataDir });
    try {
      expect(await db.prisma.staff.count()).toBe(0);
    } finally {
      await db.close();
    }
  });
});
