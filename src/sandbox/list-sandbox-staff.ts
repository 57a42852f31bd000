import type { Db } from '../db/transaction.ts';
import { listActiveStaff, listDepartments, readOrgSettings } from '../db/org-repository.ts';
import { SANDBOX_ROLE_LABEL, supervisesNote, type SandboxRoleLabel } from '../messages/sandbox-texts.ts';

/** principal = 主要负责人, leader = 分管领导, head = 部室负责人, office = 办公室 (the office's staff). */
export type SandboxRole = 'principal' | 'leader' | 'head' | 'office';

export interface SandboxPerson {
  userid: string;
  name: string;
  departmentKey: string;
  department: string;
  /** The Chinese labels, in the order of SandboxRole: the page shows them as they are. */
  roles: SandboxRoleLabel[];
  /** e.g. "分管 办公室、科普部": who the refusal filings of which departments go to. */
  note?: string;
}

const ROLE_RANK: Record<SandboxRole, number> = { principal: 0, leader: 1, head: 2, office: 3 };

/** The demo staff for the person picker, with the roles that decide what each person gets from the bot. */
export async function listSandboxStaff(db: Db): Promise<SandboxPerson[]> {
  const [staff, departments, settings] = await Promise.all([
    listActiveStaff(db),
    listDepartments(db),
    readOrgSettings(db),
  ]);
  const deptName = new Map(departments.map((d) => [d.key, d.name]));
  const people = staff.map((s) => {
    const roles: SandboxRole[] = [];
    if (s.userid === settings.principal) roles.push('principal');
    const supervised = departments.filter((d) => d.leader === s.userid).map((d) => d.name);
    if (supervised.length > 0) roles.push('leader');
    if (departments.some((d) => d.head === s.userid)) roles.push('head');
    if (s.department === settings.office) roles.push('office');
    const person: SandboxPerson = {
      userid: s.userid,
      name: s.name,
      departmentKey: s.department,
      department: deptName.get(s.department) ?? s.department,
      roles: roles.map((r) => SANDBOX_ROLE_LABEL[r]),
      ...(supervised.length > 0 && { note: supervisesNote(supervised) }),
    };
    return { person, rank: Math.min(4, ...roles.map((r) => ROLE_RANK[r])) };
  });
  // Leadership first, then departments by name, each led by its head: the order of an agency's phone list.
  const deptRank = (p: SandboxPerson) => (people.some((q) => q.person.departmentKey === p.departmentKey && q.rank <= 1) ? 0 : 1);
  return people
    .sort(
      (a, b) =>
        deptRank(a.person) - deptRank(b.person) ||
        a.person.department.localeCompare(b.person.department, 'zh-CN') ||
        a.rank - b.rank ||
        a.person.name.localeCompare(b.person.name, 'zh-CN'),
    )
    .map((p) => p.person);
}
