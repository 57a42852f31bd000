import type { OrgView } from '../domain/reminders/resolve-recipients.ts';
import type { Tx } from './transaction.ts';
import { standInsAt } from './stand-in-repository.ts';

export interface OrgSnapshot {
  org: OrgView;
  names: Map<string, string>;
}

/** The organization and who is away at `now`: small tables, read once per tick. */
export async function loadOrgSnapshot(db: Tx, now: Date): Promise<OrgSnapshot> {
  const [staff, departments, posts, settings, absences, standIns] = await Promise.all([
    db.staff.findMany({ select: { userid: true, name: true, department: true } }),
    db.department.findMany({ select: { key: true, head: true, leader: true } }),
    db.post.findMany({ select: { department: true, a: true, b: true }, orderBy: { id: 'asc' } }),
    db.orgSetting.findMany({ where: { key: { in: ['principal', 'office'] } } }),
    db.absence.findMany({
      where: { from: { lte: now }, to: { gte: now }, OR: [{ endedAt: null }, { endedAt: { gt: now } }] },
      select: { userid: true },
    }),
    standInsAt(db, now),
  ]);
  const setting = (k: string) => settings.find((s) => s.key === k)?.value ?? null;
  const deptMap = new Map(departments.map((d) => [d.key, { head: d.head, leader: d.leader }]));
  const office = setting('office');
  return {
    org: {
      staffDepartment: new Map(staff.map((s) => [s.userid, s.department])),
      departments: deptMap,
      posts,
      away: new Set(absences.map((a) => a.userid)),
      principal: setting('principal'),
      officeHead: office ? (deptMap.get(office)?.head ?? null) : null,
      standIns,
    },
    names: new Map(staff.map((s) => [s.userid, s.name])),
  };
}
