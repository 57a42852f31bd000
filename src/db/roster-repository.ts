import type { Tx } from './transaction.ts';

/** A roster row as the contacts sync compares it with WeCom. */
export interface RosterEntry {
  userid: string;
  name: string;
  department: string;
  active: boolean;
}

export async function listRoster(db: Tx): Promise<RosterEntry[]> {
  return db.staff.findMany({ select: { userid: true, name: true, department: true, active: true } });
}

export async function findRosterEntry(db: Tx, userid: string): Promise<RosterEntry | null> {
  return db.staff.findUnique({ where: { userid }, select: { userid: true, name: true, department: true, active: true } });
}

/** Department keys by WeCom department id (Department.wecomId). */
export async function departmentKeysByWecomId(db: Tx): Promise<Map<number, string>> {
  const rows = await db.department.findMany({ where: { wecomId: { not: null } }, select: { key: true, wecomId: true } });
  return new Map(rows.map((r) => [r.wecomId!, r.key]));
}

/**
 * A WeCom department the organization file does not map keeps its members somewhere: a department
 * `wecom-<id>` with WeCom's name (made unique: WeCom allows one name under two parents). Returns its key.
 */
export async function ensureWecomDepartment(tx: Tx, d: { id: number; name: string }): Promise<string> {
  const key = `wecom-${d.id}`;
  const have = await tx.department.findUnique({ where: { key } });
  const taken = await tx.department.findFirst({ where: { name: d.name, key: { not: key } }, select: { key: true } });
  const name = taken ? `${d.name}（${d.id}）` : d.name;
  if (!have) await tx.department.create({ data: { key, name, wecomId: d.id } });
  else if (have.name !== name || have.wecomId !== d.id) await tx.department.update({ where: { key }, data: { name, wecomId: d.id } });
  return key;
}

/** Adds or updates a member as WeCom has them; the membership history follows a change of department. */
export async function upsertMember(tx: Tx, m: { userid: string; name: string; department: string }, now: Date): Promise<void> {
  await tx.staff.upsert({ where: { userid: m.userid }, create: { ...m, active: true }, update: { name: m.name, department: m.department, active: true } });
  await recordMembership(tx, m.userid, m.department, now);
}

/** Marks someone gone; true only for the call that made the change (two instances: one hands over). */
export async function deactivateMember(tx: Tx, userid: string, now: Date): Promise<boolean> {
  const changed = (await tx.staff.updateMany({ where: { userid, active: true }, data: { active: false } })).count === 1;
  if (changed) await recordMembership(tx, userid, null, now);
  return changed;
}

/** Closes the open membership when the department differs and opens the new one; null: left. */
export async function recordMembership(tx: Tx, userid: string, department: string | null, at: Date): Promise<void> {
  const open = await tx.staffMembership.findFirst({ where: { userid, to: null }, orderBy: { from: 'desc' } });
  if (open && open.department === department) return;
  if (open) await tx.staffMembership.update({ where: { id: open.id }, data: { to: at } });
  if (department !== null) await tx.staffMembership.create({ data: { userid, department, from: at } });
}

/** Who was in which department at some time in [from, to): the evaluation's membership facts. */
export async function membershipsDuring(db: Tx, from: Date, to: Date): Promise<{ userid: string; department: string; from: Date; to: Date | null }[]> {
  return db.staffMembership.findMany({
    where: { from: { lt: to }, OR: [{ to: null }, { to: { gt: from } }] },
    select: { userid: true, department: true, from: true, to: true },
    orderBy: [{ userid: 'asc' }, { from: 'asc' }],
  });
}

/**
 * Heads, leaders and post holders the organization file names who are not on the roster (never in
 * WeCom, left, or renamed): each is a gap in AB cover or in who decides, for the operator to fix.
 */
export async function rosterGaps(db: Tx): Promise<{ role: string; where: string; userid: string }[]> {
  const active = new Set((await db.staff.findMany({ where: { active: true }, select: { userid: true } })).map((s) => s.userid));
  const gaps: { role: string; where: string; userid: string }[] = [];
  const missing = (u: string | null | undefined) => u !== null && u !== undefined && u !== '' && !active.has(u);
  for (const d of await db.department.findMany({ select: { key: true, head: true, leader: true } })) {
    if (missing(d.head)) gaps.push({ role: 'head', where: d.key, userid: d.head! });
    if (missing(d.leader)) gaps.push({ role: 'leader', where: d.key, userid: d.leader! });
  }
  for (const p of await db.post.findMany({ select: { department: true, name: true, a: true, b: true } })) {
    if (missing(p.a)) gaps.push({ role: 'post_a', where: `${p.department}/${p.name}`, userid: p.a });
    if (missing(p.b)) gaps.push({ role: 'post_b', where: `${p.department}/${p.name}`, userid: p.b! });
  }
  return gaps;
}

