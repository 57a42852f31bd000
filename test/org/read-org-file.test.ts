import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_ORG_PATH } from '../../src/org/demo-org.ts';
import { readOrgFile } from '../../src/org/read-org-file.ts';

const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/org/${name}`, import.meta.url));

describe('readOrgFile', () => {
  it('reads and parses the demo organization and the fixture', async () => {
    expect((await readOrgFile(DEMO_ORG_PATH)).ok).toBe(true);
    const basic = await readOrgFile(fixturePath('basic-org.yaml'));
    expect(basic.ok && basic.org.unit).toBe('滨州市科学技术协会');
  });

  it('returns the parse errors of a broken file', async () => {
    const result = await readOrgFile(fixturePath('broken-org.yaml'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain('staff[5].department：部门 "xyz" 不存在（第 16 行）');
  });

  it('names a missing file instead of throwing', async () => {
    const path = fixturePath('no-such-org.yaml');
    expect(await readOrgFile(path)).toEqual({ ok: false, errors: [`找不到组织文件：${path}`] });
  });

  it('names a directory given as the file', async () => {
    const path = fixturePath('');
    expect(await readOrgFile(path)).toEqual({ ok: false, errors: [`${path} 是目录，不是组织文件`] });
  });
});
