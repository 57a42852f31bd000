import type { Db } from '../db/transaction.ts';
import { readOrgSettings } from '../db/org-repository.ts';

export type SandboxRole = '主要负责人' | '分管领导' | '部室负责人' | '办公室';

export interface SandboxPerson {
  userid: string;
  name: string;
  departmentKey: string;
  department: string;
  roles: SandboxRole[];
  /** e.g. "分管 办公室、科普部": who the refusal filings of which departments go to. */
  note?: string;
}

const ROLE_RANK: Record<SandboxRole, number> = { 主要负责人: 0, 分管领导: 1, 部室负责人: 2, 办公室: 3 };

/** The demo staff for the person picker, with the roles that decide what each person gets from the bot. */
export async function listSandboxStaff(db: Db): Promise<SandboxPerson[]> {
  const [staff, departments, settings] = await Promise.all([
    db.staff.findMany({ where: { active: true } }),
    db.department.findMany(),
    readOrgSettings(db),
  ]);
  const deptName = new Map(departments.map((d) => [d.key, d.name]));
  const people = staff.map((s): SandboxPerson => {
    const roles: SandboxRole[] = [];
    if (s.userid === settings.principal) roles.push('主要负责人');
    const supervised = departments.filter((d) => d.leader === s.userid).map((d) => d.name);
    if (supervised.length > 0) roles.push('分管领导');
    if (departments.some((d) => d.head === s.userid)) roles.push('部室负责人');
    if (s.department === settings.office) roles.push('办公室');
    return {
      userid: s.userid,
      name: s.name,
      departmentKey: s.department,
      department: deptName.get(s.department) ?? s.department,
      roles,
      ...(supervised.length > 0 && { note: `分管 ${supervised.join('、')}` }),
    };
  });
  const rank = (p: SandboxPerson) => Math.min(4, ...p.roles.map((r) => ROLE_RANK[r]));
  // Leadership first, then departments by name, each led by its head: the order of an agency's phone list.
  const deptRank = (p: SandboxPerson) => (people.some((q) => q.departmentKey === p.departmentKey && rank(q) <= 1) ? 0 : 1);
  return people.sort(
    (a, b) =>
      deptRank(a) - deptRank(b) ||
      a.department.localeCompare(b.department, 'zh-CN') ||
      rank(a) - rank(b) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
}
