/** The organization as the rules see it: people, departments, services and the unit's settings. */
import type { TimeLimitClass } from '../time-limit-class.ts';

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
  /** Contact phone for the public (printed on the 告知书). */
  phone: string | null;
}

/** An entry of the 服务承诺 catalog (R2). */
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
  /** The monthly key-task progress-report day (organization file `keyTasks.reportDay`). */
  keyTaskReportDay: number;
}

/** The office (办公室): it takes complaints, AB changes and accountability records (R7 §5, R8 §4). */
export interface Office {
  key: string;
  name: string;
  head: string | null;
  /** Active staff of the office department, and its head. */
  members: string[];
}

/** Who belongs to the office: its department's staff, and its head (who may sit elsewhere). */
export function isOfficeMember(office: Pick<DepartmentInfo, 'key' | 'head'>, person: Pick<StaffMember, 'userid' | 'department'>): boolean {
  return person.department === office.key || person.userid === office.head;
}

/** The working days a service promises: its promised limit, else its statutory one, else none (the class decides). */
export function serviceLimitDays(service: Pick<ServiceInfo, 'promisedDays' | 'statutoryDays'> | null): number | null {
  return service?.promisedDays ?? service?.statutoryDays ?? null;
}
