import type { Db } from './transaction.ts';
import type { ReminderCase } from '../domain/reminders/due-reminders.ts';
import type { OrgView } from '../domain/reminders/resolve-recipients.ts';
import type { TimeLimitClass } from '../domain/time-limit-class.ts';

/** A case as the reminders need it: what the ladder reads plus what the message says. */
export interface ReminderCaseRow extends ReminderCase {
  applicant: string;
  matter: string;
  handler: string;
  department: string;
}

const CASE_FIELDS = {
  no: true,
  status: true,
  class: true,
  receivedAt: true,
  dueAt: true,
  pausedAt: true,
  urgent: true,
  applicant: true,
  matter: true,
  handler: true,
  department: true,
} as const;

type Row = { no: number; status: string; class: string; receivedAt: Date; dueAt: Date | null; pausedAt: Date | null; urgent: boolean; applicant: string; matter: string; handler: string; department: string };

function toRow(r: Row): ReminderCaseRow {
  const { class: cls, ...rest } = r;
  return { ...rest, cls: cls as TimeLimitClass };
}

/**
 * OPEN cases with a running clock due by `horizon`, overdue ones included. The range on
 * ("status", "dueAt") is the Case index, so the cost follows the number of cases near or past their
 * deadline, not the number of open cases.
 */
export async function loadCasesDueBy(db: Db, horizon: Date, options: { onlyUrgent?: boolean } = {}): Promise<ReminderCaseRow[]> {
  const rows = await db.case.findMany({
    where: { status: 'OPEN', dueAt: { lte: horizon }, pausedAt: null, ...(options.onlyUrgent ? { urgent: true } : {}) },
    select: CASE_FIELDS,
    orderBy: [{ dueAt: 'asc' }, { no: 'asc' }],
  });
  return rows.map(toRow);
}

export async function loadCasesByNo(db: Db, nos: number[]): Promise<Map<number, ReminderCaseRow>> {
  if (nos.length === 0) return new Map();
  const rows = await db.case.findMany({ where: { no: { in: [...new Set(nos)] } }, select: CASE_FIELDS });
  return new Map(rows.map((r) => [r.no, toRow(r)]));
}

export interface OrgSnapshot {
  org: OrgView;
  names: Map<string, string>;
}

/** The organization and who is away at `now`: small tables, read once per tick. */
export async function loadOrgSnapshot(db: Db, now: Date): Promise<OrgSnapshot> {
  const [staff, departments, posts, settings, absences] = await Promise.all([
    db.staff.findMany({ select: { userid: true, name: true, department: true } }),
    db.department.findMany({ select: { key: true, head: true, leader: true } }),
    db.post.findMany({ select: { department: true, a: true, b: true }, orderBy: { id: 'asc' } }),
    db.orgSetting.findMany({ where: { key: { in: ['principal', 'office'] } } }),
    db.absence.findMany({
      where: { from: { lte: now }, to: { gte: now }, OR: [{ endedAt: null }, { endedAt: { gt: now } }] },
      select: { userid: true },
    }),
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
    },
    names: new Map(staff.map((s) => [s.userid, s.name])),
  };
}

export interface FilingRow {
  id: number;
  caseNo: number;
  filer: string;
  leader: string;
  reason: string;
  status: string;
  createdAt: Date;
  escalatedAt: Date | null;
  decidedAt: Date | null;
  noticeDueAt: Date | null;
}

/**
 * Refusal filings with a clock running: undecided ones (pending, escalated), and approved ones whose
 * written notice is not given yet (告知 #no) and falls due by `horizon` and has not passed yet.
 */
export async function loadFilingsWithClocks(db: Db, now: Date, horizon: Date): Promise<FilingRow[]> {
  return db.refusalFiling.findMany({
    where: { OR: [{ status: { in: ['pending', 'escalated'] } }, { status: 'approved', noticeGivenAt: null, noticeDueAt: { gte: now, lte: horizon } }] },
    select: { id: true, caseNo: true, filer: true, leader: true, reason: true, status: true, createdAt: true, escalatedAt: true, decidedAt: true, noticeDueAt: true },
    orderBy: { id: 'asc' },
  });
}

export async function loadOpenComplaintsDueBy(db: Db, horizon: Date) {
  return db.complaint.findMany({
    where: { status: 'OPEN', dueAt: { lte: horizon } },
    select: { id: true, status: true, at: true, dueAt: true, content: true },
    orderBy: { id: 'asc' },
  });
}
