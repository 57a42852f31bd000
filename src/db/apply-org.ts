import type { Tx } from './transaction.ts';
import type { Db } from './transaction.ts';
import { schemeFrom } from '../domain/evaluation/scheme.ts';
import type { OrgFile } from '../org/org-file.ts';
import { deactivateMember, upsertMember } from './roster-repository.ts';
import { DEFAULT_KEY_TASK_REPORT_DAY } from '../domain/reminders/key-task-clocks.ts';

export interface ApplyOrgResult {
  /** Rows written; 0 when the file matches the database (re-applying is a no-op). */
  changes: number;
  /** A/B holder changes, recorded for the office (R7: filed the same day). */
  postChanges: { department: string; post: string; before: { a: string; b: string | null } | null; after: { a: string; b: string | null } | null }[];
}

/**
 * Makes the database match the organization file, in one transaction. Staff missing from the file are
 * deactivated, not deleted: their cases keep their names. With `peopleFromWeCom` (contacts sync) the
 * file's staff list is left out: WeCom says who exists and where, and a restart must not undo that.
 */
export async function applyOrg(db: Db, org: OrgFile, now: Date, options: { peopleFromWeCom?: boolean } = {}): Promise<ApplyOrgResult> {
  return db.$transaction(async (tx) => {
    let changes = 0;
    changes += await syncSettings(tx, org);

    const departments = await tx.department.findMany();
    for (const d of org.departments) {
      const want = { name: d.name, head: d.head ?? null, leader: d.leader ?? null, phone: d.phone ?? null, wecomId: d.wecomId ?? null };
      const have = departments.find((x) => x.key === d.key);
      if (have && have.name === want.name && have.head === want.head && have.leader === want.leader && have.phone === want.phone && have.wecomId === want.wecomId) continue;
      // The WeCom department the sync kept under its own key (wecom-<id>) is this one now; the next sync moves its members.
      if (want.wecomId !== null) await tx.department.updateMany({ where: { wecomId: want.wecomId, key: { not: d.key } }, data: { wecomId: null } });
      await tx.department.upsert({ where: { key: d.key }, create: { key: d.key, ...want }, update: want });
      changes++;
    }

    if (!options.peopleFromWeCom) changes += await syncStaff(tx, org, now);
    const { postChanges, mappingChanges } = await syncPosts(tx, org, now);
    changes += postChanges.length + mappingChanges;
    changes += await syncServices(tx, org);
    return { changes, postChanges };
  });
}

async function syncStaff(tx: Tx, org: OrgFile, now: Date): Promise<number> {
  let changes = 0;
  const staff = await tx.staff.findMany();
  for (const s of org.staff) {
    const have = staff.find((x) => x.userid === s.userid);
    if (have && have.name === s.name && have.department === s.department && have.active) continue;
    await upsertMember(tx, { userid: s.userid, name: s.name, department: s.department }, now);
    changes++;
  }
  const listed = new Set(org.staff.map((s) => s.userid));
  for (const s of staff) if (s.active && !listed.has(s.userid) && (await deactivateMember(tx, s.userid, now))) changes++;
  return changes;
}

async function syncSettings(tx: Tx, org: OrgFile): Promise<number> {
  const want: Record<string, string> = {
    unit: org.unit,
    principal: org.principal,
    office: org.office,
    complaintAnswerDays: String(org.complaintAnswerDays ?? 5),
    // The whole scheme, defaults filled in, so that what the evaluation used is what the file said.
    evaluation: JSON.stringify(schemeFrom(org.evaluation)),
    keyTaskReportDay: String(org.keyTasks?.reportDay ?? DEFAULT_KEY_TASK_REPORT_DAY),
  };
  const have = new Map((await tx.orgSetting.findMany()).map((r) => [r.key, r.value]));
  let changes = 0;
  for (const [key, value] of Object.entries(want)) {
    if (have.get(key) === value) continue;
    await tx.orgSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
    changes++;
  }
  return changes;
}

async function syncPosts(tx: Tx, org: OrgFile, now: Date): Promise<{ postChanges: ApplyOrgResult['postChanges']; mappingChanges: number }> {
  const have = await tx.post.findMany();
  const changes: ApplyOrgResult['postChanges'] = [];
  let mappingChanges = 0;
  for (const p of org.posts) {
    const old = have.find((x) => x.department === p.department && x.name === p.name);
    const after = { a: p.a, b: p.b ?? null };
    const work = { services: p.services ?? [], classes: p.classes ?? [] };
    const sameHolders = old !== undefined && old.a === after.a && old.b === after.b;
    const sameWork = old !== undefined && JSON.stringify(old.services) === JSON.stringify(work.services) && JSON.stringify(old.classes) === JSON.stringify(work.classes);
    if (sameHolders && sameWork) continue;
    await tx.post.upsert({
      where: { department_name: { department: p.department, name: p.name } },
      create: { department: p.department, name: p.name, ...after, ...work },
      update: { ...after, ...work },
    });
    // Only a change of holders is an AB change for the office (R7 §5); what a post handles is not.
    if (sameHolders) mappingChanges++;
    else changes.push({ department: p.department, post: p.name, before: old ? { a: old.a, b: old.b } : null, after });
  }
  for (const old of have) {
    if (org.posts.some((p) => p.department === old.department && p.name === old.name)) continue;
    await tx.post.delete({ where: { id: old.id } });
    changes.push({ department: old.department, post: old.name, before: { a: old.a, b: old.b }, after: null });
  }
  if (changes.length > 0) {
    await tx.orgChange.createMany({
      data: changes.map((c) => ({
        at: now,
        kind: 'post_holders',
        subject: `${c.department}/${c.post}`,
        before: c.before ?? undefined,
        after: c.after ?? undefined,
      })),
    });
  }
  return { postChanges: changes, mappingChanges };
}

async function syncServices(tx: Tx, org: OrgFile): Promise<number> {
  const have = await tx.service.findMany();
  let changes = 0;
  for (const s of org.services) {
    const data = {
      name: s.name,
      department: s.department,
      class: s.class,
      basis: s.basis,
      procedure: s.procedure,
      materials: s.materials,
      statutoryDays: s.statutoryDays ?? null,
      promisedDays: s.promisedDays ?? null,
    };
    const old = have.find((x) => x.code === s.code);
    if (old && (Object.keys(data) as (keyof typeof data)[]).every((k) => JSON.stringify(old[k]) === JSON.stringify(data[k]))) continue;
    await tx.service.upsert({ where: { code: s.code }, create: { code: s.code, ...data }, update: data });
    changes++;
  }
  const listed = new Set(org.services.map((s) => s.code));
  const gone = have.filter((s) => !listed.has(s.code)).map((s) => s.code);
  if (gone.length > 0) changes += (await tx.service.deleteMany({ where: { code: { in: gone } } })).count;
  return changes;
}
