import type { TimeLimitClass } from '../domain/time-limit-class.ts';
import type { Db } from './open-database.ts';

type Reader = Pick<Db, 'staff' | 'department' | 'post' | 'service' | 'orgSetting'>;

export interface StaffMember {
  userid: string;
  name: string;
  department: string;
}

export interface DepartmentInfo {
  key: string;
  name: string;
  head: string | null;
  leader: string | null;
}

export interface ServiceInfo {
  code: string;
  name: string;
  department: string;
  cls: TimeLimitClass;
  basis: string;
  procedure: string;
  materials: string[];
  statutoryDays: number | null;
  promisedDays: number | null;
}

export interface OrgSettings {
  unit: string;
  principal: string | null;
  office: string | null;
  complaintAnswerDays: number;
}

export async function findActiveStaff(db: Reader, userid: string): Promise<StaffMember | null> {
  const s = await db.staff.findUnique({ where: { userid } });
  return s && s.active ? { userid: s.userid, name: s.name, department: s.department } : null;
}

/** A person named by userid or by name (names are what staff type). */
export async function findStaffByRef(db: Reader, ref: string): Promise<StaffMember[]> {
  const rows = await db.staff.findMany({ where: { active: true, OR: [{ userid: ref }, { name: ref }] } });
  return rows.map((s) => ({ userid: s.userid, name: s.name, department: s.department }));
}

export async function staffNames(db: Reader, userids: string[]): Promise<Map<string, string>> {
  const rows = await db.staff.findMany({ where: { userid: { in: [...new Set(userids)] } }, select: { userid: true, name: true } });
  return new Map(rows.map((r) => [r.userid, r.name]));
}

export async function findDepartment(db: Reader, keyOrName: string): Promise<DepartmentInfo | null> {
  return db.department.findFirst({ where: { OR: [{ key: keyOrName }, { name: keyOrName }] } });
}

export async function listServices(db: Reader): Promise<ServiceInfo[]> {
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

export async function findService(db: Reader, ref: string): Promise<ServiceInfo | null> {
  const upper = ref.toUpperCase();
  return (await listServices(db)).find((s) => s.code.toUpperCase() === upper || s.name === ref) ?? null;
}

export async function readOrgSettings(db: Reader): Promise<OrgSettings> {
  const rows = await db.orgSetting.findMany();
  const get = (k: string) => rows.find((r) => r.key === k)?.value ?? null;
  return {
    unit: get('unit') ?? '',
    principal: get('principal'),
    office: get('office'),
    complaintAnswerDays: Number(get('complaintAnswerDays') ?? 5),
  };
}

/** The working days a service promises: its promised limit, else its statutory one, else none (the class decides). */
export function serviceLimitDays(service: Pick<ServiceInfo, 'promisedDays' | 'statutoryDays'> | null): number | null {
  return service?.promisedDays ?? service?.statutoryDays ?? null;
}
