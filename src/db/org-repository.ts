import type { Actor, OrgRole } from '../domain/org/actor.ts';
import { guestActor } from '../domain/org/actor.ts';
import { isOfficeMember, type DepartmentInfo, type Office, type OrgSettings, type ServiceInfo, type StaffMember } from '../domain/org/org-records.ts';
import { schemeFrom, type EvaluationScheme, type EvaluationSchemeInput } from '../domain/evaluation/scheme.ts';
import type { TimeLimitClass } from '../domain/time-limit-class.ts';
import { DEFAULT_KEY_TASK_REPORT_DAY } from '../domain/reminders/key-task-clocks.ts';
import type { Tx } from './transaction.ts';

export async function findActiveStaff(db: Tx, userid: string): Promise<StaffMember | null> {
  const s = (await db.staff.findUnique({ where: { userid } })) ?? (await findStaffIgnoringCase(db, userid));
  return s && s.active ? { userid: s.userid, name: s.name, department: s.department } : null;
}

/** WeCom compares userids without case (docs/PROTOCOL.md §2): a roster's LiHua is a callback's lihua. */
async function findStaffIgnoringCase(db: Tx, userid: string) {
  // lower() = lower(), not ILIKE: a userid may hold _ which ILIKE reads as a wildcard.
  const rows = await db.$queryRaw<{ userid: string }[]>`SELECT "userid" FROM "Staff" WHERE lower("userid") = lower(${userid}) ORDER BY "active" DESC LIMIT 1`;
  return rows[0] ? db.staff.findUnique({ where: { userid: rows[0].userid } }) : null;
}

/**
 * The userid as the roster spells it, for a userid as WeCom sent it (any case); unchanged for someone
 * not on the roster. Everything after the callback compares userids exactly.
 */
export async function canonicalUserid(db: Tx, userid: string): Promise<string> {
  if (await db.staff.findUnique({ where: { userid }, select: { userid: true } })) return userid;
  return (await findStaffIgnoringCase(db, userid))?.userid ?? userid;
}

export async function listActiveStaff(db: Tx): Promise<StaffMember[]> {
  return db.staff.findMany({ where: { active: true }, select: { userid: true, name: true, department: true }, orderBy: { userid: 'asc' } });
}

/** Everyone the roster has ever listed, active or not (names in old records must still resolve). */
export async function listAllStaff(db: Tx): Promise<StaffMember[]> {
  return db.staff.findMany({ select: { userid: true, name: true, department: true }, orderBy: { userid: 'asc' } });
}

export async function countStaff(db: Tx): Promise<number> {
  return db.staff.count();
}

/** A person named by userid or by name (names are what staff type). */
export async function findStaffByRef(db: Tx, ref: string): Promise<StaffMember[]> {
  const rows = await db.staff.findMany({ where: { active: true, OR: [{ userid: ref }, { name: ref }] } });
  return rows.map((s) => ({ userid: s.userid, name: s.name, department: s.department }));
}

export async function staffNames(db: Tx, userids: string[]): Promise<Map<string, string>> {
  const rows = await db.staff.findMany({ where: { userid: { in: [...new Set(userids)] } }, select: { userid: true, name: true } });
  return new Map(rows.map((r) => [r.userid, r.name]));
}

export async function findDepartment(db: Tx, keyOrName: string): Promise<DepartmentInfo | null> {
  return db.department.findFirst({ where: { OR: [{ key: keyOrName }, { name: keyOrName }] }, select: DEPARTMENT_FIELDS });
}

export async function findDepartmentByKey(db: Tx, key: string): Promise<DepartmentInfo | null> {
  return db.department.findUnique({ where: { key }, select: DEPARTMENT_FIELDS });
}

export async function listDepartments(db: Tx): Promise<DepartmentInfo[]> {
  return db.department.findMany({ select: DEPARTMENT_FIELDS, orderBy: { key: 'asc' } });
}

/** Department key → name. */
export async function departmentNames(db: Tx): Promise<Map<string, string>> {
  return new Map((await listDepartments(db)).map((d) => [d.key, d.name]));
}

const DEPARTMENT_FIELDS = { key: true, name: true, head: true, leader: true, phone: true } as const;

/** The posts of a department in the order the organization file lists them, with the work each handles. */
export async function listPostsOf(db: Tx, department: string): Promise<{ name: string; a: string; b: string | null; services: string[]; classes: TimeLimitClass[] }[]> {
  const rows = await db.post.findMany({ where: { department }, select: { name: true, a: true, b: true, services: true, classes: true }, orderBy: { id: 'asc' } });
  return rows.map((p) => ({ ...p, services: (p.services ?? []) as string[], classes: (p.classes ?? []) as TimeLimitClass[] }));
}

/** The departments `userid` heads, their own first (部室负责人). */
export async function departmentsHeadedBy(db: Tx, userid: string): Promise<DepartmentInfo[]> {
  const me = await db.staff.findUnique({ where: { userid }, select: { department: true } });
  const rows = await db.department.findMany({ where: { head: userid }, select: DEPARTMENT_FIELDS, orderBy: { key: 'asc' } });
  return [...rows.filter((d) => d.key === me?.department), ...rows.filter((d) => d.key !== me?.department)];
}

/** 设B岗: a post's new B holder (the A holder and the work stay). */
export async function setPostB(tx: Tx, department: string, name: string, b: string | null): Promise<void> {
  await tx.post.update({ where: { department_name: { department, name } }, data: { b } });
}

export async function listServices(db: Tx): Promise<ServiceInfo[]> {
  const rows = await db.service.findMany({ orderBy: { code: 'asc' } });
  return rows.map((s) => ({
    code: s.code,
    name: s.name,
    department: s.department,
    cls: s.class as TimeLimitClass,
    basis: s.basis,
    procedure: s.procedure,
    materials: s.materials as string[],
    statutoryDays: s.statutoryDays,
    promisedDays: s.promisedDays,
  }));
}

export async function findService(db: Tx, ref: string): Promise<ServiceInfo | null> {
  const upper = ref.toUpperCase();
  return (await listServices(db)).find((s) => s.code.toUpperCase() === upper || s.name === ref) ?? null;
}

export async function readOrgSettings(db: Tx): Promise<OrgSettings> {
  const rows = await db.orgSetting.findMany();
  const get = (k: string) => rows.find((r) => r.key === k)?.value ?? null;
  return {
    unit: get('unit') ?? '',
    principal: get('principal'),
    office: get('office'),
    complaintAnswerDays: Number(get('complaintAnswerDays') ?? 5),
    keyTaskReportDay: reportDayOf(get('keyTaskReportDay')),
  };
}

/** The evaluation scheme of the organization file, defaults filled in (also for kinds added after the file was applied). */
export async function readEvaluationScheme(db: Tx): Promise<EvaluationScheme> {
  const row = await db.orgSetting.findUnique({ where: { key: 'evaluation' } });
  return schemeFrom(row ? (JSON.parse(row.value) as EvaluationSchemeInput) : undefined);
}

/** A stored report day, or the default when none was applied yet (or it is not one). */
function reportDayOf(value: string | null): number {
  const day = Number(value ?? DEFAULT_KEY_TASK_REPORT_DAY);
  return Number.isInteger(day) && day >= 1 && day <= 31 ? day : DEFAULT_KEY_TASK_REPORT_DAY;
}

/** The office department named by the organization file, with its head and members; the one place that looks it up. */
export async function loadOffice(db: Tx): Promise<Office | null> {
  const { office: key } = await readOrgSettings(db);
  if (!key) return null;
  const dept = await db.department.findUnique({ where: { key }, select: DEPARTMENT_FIELDS });
  if (!dept) return null;
  // isOfficeMember, for everyone at once: the department's active staff, and its head.
  const staff = await db.staff.findMany({ where: { department: key, active: true }, select: { userid: true }, orderBy: { userid: 'asc' } });
  const members = [...new Set([...staff.map((s) => s.userid), ...(dept.head ? [dept.head] : [])])];
  return { key: dept.key, name: dept.name, head: dept.head, members };
}

/** Who sent a message: active staff with their roles in the organization, or a guest with none. */
export async function loadActor(db: Tx, userid: string): Promise<Actor> {
  const me = await findActiveStaff(db, userid);
  if (!me) return guestActor(userid);
  // Two small reads on every message: the settings rows and the departments table.
  const [settings, departments] = [await readOrgSettings(db), await listDepartments(db)];
  const roles = new Set<OrgRole>(['staff']);
  const office = departments.find((d) => d.key === settings.office);
  if (office && isOfficeMember(office, me)) roles.add('office');
  if (departments.some((d) => d.head === me.userid)) roles.add('head');
  if (departments.some((d) => d.leader === me.userid)) roles.add('leader');
  if (settings.principal === me.userid) roles.add('principal');
  return { userid: me.userid, name: me.name, department: me.department, roles };
}
