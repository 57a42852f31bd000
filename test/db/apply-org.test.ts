import { afterEach, describe, expect, it } from 'vitest';
import { applyOrg } from '../../src/db/apply-org.ts';
import type { Database } from '../../src/db/open-database.ts';
import { parseOrgFile } from '../../src/org/parse-org-file.ts';
import { readOrgFile } from '../../src/org/read-org-file.ts';
import { DEMO_ORG_PATH } from '../../src/org/demo-org.ts';
import { BACKENDS, createTestDatabase } from '../support/test-database.ts';

const NOW = new Date('2026-12-01T09:00:00+08:00');

describe.each(BACKENDS)('applying the organization file (%s)', (backend) => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  async function demo() {
    const r = await readOrgFile(DEMO_ORG_PATH);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.org;
  }

  it('changes nothing when the same file is applied again', async () => {
    database = await createTestDatabase(backend);
    const org = await demo();
    const first = await applyOrg(database.prisma, org, NOW);
    expect(first.changes).toBeGreaterThan(20);
    const second = await applyOrg(database.prisma, org, NOW);
    expect(second).toEqual({ changes: 0, postChanges: [] });
    expect(await database.prisma.staff.count()).toBe(org.staff.length);
    expect(await database.prisma.orgChange.count()).toBe(org.posts.length); // the first application created each post
  });

  it('records a change of B holder for the office, and deactivates staff who left', async () => {
    database = await createTestDatabase(backend);
    const org = await demo();
    const leaver = { userid: 'temp01', name: '临时', department: org.staff[0]!.department };
    await applyOrg(database.prisma, { ...org, staff: [...org.staff, leaver] }, NOW);
    const post = org.posts.find((p) => p.a === 'lihua')!;
    const changed = {
      ...org,
      posts: org.posts.map((p) => (p === post ? { ...p, b: 'chenjing' } : p)),
    };
    const result = await applyOrg(database.prisma, changed, NOW);
    expect(result.postChanges).toEqual([{ department: post.department, post: post.name, before: { a: 'lihua', b: post.b }, after: { a: 'lihua', b: 'chenjing' } }]);
    expect((await database.prisma.staff.findUnique({ where: { userid: leaver.userid } }))?.active).toBe(false);
    const change = await database.prisma.orgChange.findFirst({ where: { subject: `${post.department}/${post.name}` }, orderBy: { id: 'desc' } });
    expect(change?.after).toEqual({ a: 'lihua', b: 'chenjing' });
  });

  it('rejects a broken file whole: nothing is applied', async () => {
    database = await createTestDatabase(backend);
    const broken = parseOrgFile('unit: x\nprincipal: nobody\noffice: bgs\ndepartments: []\nstaff: []\n');
    expect(broken.ok).toBe(false);
    expect(await database.prisma.staff.count()).toBe(0);
  });
});
