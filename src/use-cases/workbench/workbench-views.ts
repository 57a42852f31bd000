import { FROM_STATUSES } from '../../domain/case/decision.ts';
import { findCase, loadHistory } from '../../db/case-repository.ts';
import { absenceAt, coverFor, listCoveredPeople } from '../../db/coverage-repository.ts';
import { listKeyTasksInvolving, listOpenKeyTasks, withStatus, type KeyTaskWithStatus } from '../../db/key-task-repository.ts';
import { findDepartmentByKey, findService, listActiveStaff, listAllStaff, listDepartments } from '../../db/org-repository.ts';
import type { Tx } from '../../db/transaction.ts';
import {
  countOverdueIn,
  departmentFigures,
  listDecisionsWaitingFor,
  listDepartmentOpenCases,
  listVisibleCases,
  monthlyTrend,
  onTimeCounts,
  type CaseFilter,
  type DepartmentFigures,
  type PendingDecision,
} from '../../db/workbench-queries.ts';
import { findCurrentFiling } from '../../db/refusal-filing-repository.ts';
import { findPendingExtension } from '../../db/extension-repository.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { chinaDateOf, chinaInstant } from '../../domain/calendar/china-time.ts';
import type { CaseEventRecord, CaseRecord } from '../../domain/case/case.ts';
import { CASE_ACTIONS, type CaseAction, type CaseRole } from '../../domain/case/authorization.ts';
import type { DepartmentInfo } from '../../domain/org/org-records.ts';
import { caseScope, departmentsOf, type Viewer } from '../../domain/org/visibility.ts';
import { listMyItems } from '../list-my-items.ts';
import { sightOf } from './load-viewer.ts';
import type { CoverVia } from '../../domain/coverage/who-covers.ts';

/** Staff names and department names, for whatever a page shows. */
export interface Names {
  people: ReadonlyMap<string, string>;
  departments: ReadonlyMap<string, string>;
}

export async function loadNames(tx: Tx): Promise<Names> {
  // Everyone ever on the roster: the history of a case names people who have left since.
  const [staff, departments] = [await listAllStaff(tx), await listDepartments(tx)];
  return { people: new Map(staff.map((s) => [s.userid, s.name])), departments: new Map(departments.map((d) => [d.key, d.name])) };
}

/** What a case page's forms offer to pick: the catalog's materials for 补正, people and departments for 转办. */
export interface FormPickers {
  materials: string[];
  targets: string[];
}

export async function formPickersFor(tx: Tx, c: CaseRecord): Promise<FormPickers> {
  const service = c.serviceCode ? await findService(tx, c.serviceCode) : null;
  const [staff, departments] = [await listActiveStaff(tx), await listDepartments(tx)];
  return { materials: service?.materials ?? [], targets: [...staff.map((s) => s.name), ...departments.map((d) => d.name)] };
}

/** The first instant of the China month of `at`, and of the month `offset` months later. */
export function chinaMonthStart(at: Date, offset = 0): Date {
  const [y, m] = chinaDateOf(at).split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return chinaInstant(`${year}-${String(month).padStart(2, '0')}-01`, '00:00');
}

export interface MyView {
  cases: CaseRecord[];
  covering: ReadonlyMap<number, CoverVia>;
  decisions: PendingDecision[];
  tasks: KeyTaskWithStatus[];
  /** For heads: their departments' overdue counts. */
  departmentsOverdue: { department: string; overdue: number }[];
}

/** 我的: my open cases and those I cover, decisions waiting for me, my key tasks. */
export async function myView(tx: Tx, viewer: Viewer, now: Date, calendar: WorkCalendar): Promise<MyView> {
  const { cases, covering } = await listMyItems(tx, viewer.userid, now);
  const decisions = await listDecisionsWaitingFor(tx, viewer.userid);
  const tasks = (await listKeyTasksInvolving(tx, viewer.userid)).map((t) => withStatus(t, now, calendar)).filter((t) => t.status.status !== 'done');
  const departmentsOverdue = [];
  for (const d of viewer.headOf) departmentsOverdue.push({ department: d, overdue: await countOverdueIn(tx, d, now) });
  return { cases, covering, decisions, tasks, departmentsOverdue };
}

/** 案件: the cases the viewer may see, filtered, a page at a time. */
export async function caseListView(tx: Tx, viewer: Viewer, filter: CaseFilter, now: Date, page: { limit: number; after?: number }) {
  return listVisibleCases(tx, caseScope(viewer), filter, now, page);
}

/** What the web case page offers; each is a chat command run through runCommand. */
export type WebCaseAction =
  | 'finish'
  | 'transfer'
  | 'sendBack'
  | 'referOut'
  | 'requestMaterials'
  | 'materialsComplete'
  | 'refuse'
  | 'extend'
  | 'urgent'
  | 'noticeGiven'
  | 'approve'
  | 'overturn'
  | 'escalate'
  | 'approveExtension'
  | 'refuseExtension';

const OWN_ACTIONS: readonly [WebCaseAction, CaseAction][] = [
  ['finish', 'finish'],
  ['transfer', 'transfer'],
  ['sendBack', 'sendBack'],
  ['referOut', 'referOut'],
  ['requestMaterials', 'requestMaterials'],
  ['materialsComplete', 'materialsComplete'],
  ['refuse', 'refuse'],
  ['extend', 'extend'],
  ['urgent', 'urgent'],
];

export type CaseView =
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | {
      kind: 'ok';
      case: CaseRecord;
      history: CaseEventRecord[];
      handling: boolean;
      actions: WebCaseAction[];
      coveredBy: string | null;
    };

/**
 * One case for one viewer: hidden when out of their sight; the phone whole only for whoever handles
 * it; the actions their roles allow now (the use case still decides, as for a chat command).
 */
export async function caseView(tx: Tx, viewer: Viewer, no: number, now: Date): Promise<CaseView> {
  const c = await findCase(tx, no);
  if (!c) return { kind: 'not_found' };
  const sight = await sightOf(tx, viewer, c, now);
  if (!sight.visible) return { kind: 'forbidden' };
  const history = await loadHistory(tx, c.no);
  const cover = await coverFor(tx, c.handler, now);
  const coveredBy = cover && cover.via !== 'handler' ? cover.userid : null;
  const roles = new Set<CaseRole>(['staff']);
  if (viewer.userid === c.handler) roles.add('handler');
  if (coveredBy === viewer.userid) roles.add('covering');
  if (viewer.userid === c.firstResponder) roles.add('firstResponder');
  const actions: WebCaseAction[] = [];
  // Only what the case's state allows now: no 材料已补齐 on a case that waits for nothing.
  for (const [web, action] of OWN_ACTIONS) {
    if (FROM_STATUSES[action].includes(c.status) && (CASE_ACTIONS[action] as readonly CaseRole[]).some((r) => roles.has(r))) actions.push(web);
  }
  const filing = await findCurrentFiling(tx, c.no);
  if (filing?.status === 'pending' && filing.leader === viewer.userid) actions.push('approve', 'overturn', 'escalate');
  if (filing?.status === 'escalated' && filing.escalatedTo === viewer.userid) actions.push('approve', 'overturn');
  if (filing?.status === 'approved' && filing.noticeGivenAt === null && (roles.has('handler') || roles.has('covering'))) actions.push('noticeGiven');
  const extension = await findPendingExtension(tx, c.no);
  if (extension && extension.leader === viewer.userid) actions.push('approveExtension', 'refuseExtension');
  return { kind: 'ok', case: c, history, handling: sight.handling, actions, coveredBy };
}

export interface DepartmentView {
  department: DepartmentInfo;
  cases: CaseRecord[];
  /** Who is away today and who covers them. */
  away: { userid: string; until: Date; cover: string | null; via: CoverVia | null }[];
  thisMonth: { closed: number; onTime: number };
  lastMonth: { closed: number; onTime: number };
}

/** The departments a viewer may open (部室), in the organization's order. */
export async function departmentsFor(tx: Tx, viewer: Viewer): Promise<DepartmentInfo[]> {
  const all = await listDepartments(tx);
  const keys = departmentsOf(viewer, all.map((d) => d.key));
  return all.filter((d) => keys.includes(d.key));
}

/** 部室: open cases overdue first, who holds them, who covers whom today, on-time rate this month and last. */
export async function departmentView(tx: Tx, viewer: Viewer, key: string, now: Date): Promise<DepartmentView | 'forbidden' | 'not_found'> {
  const department = await findDepartmentByKey(tx, key);
  if (!department) return 'not_found';
  if (!departmentsOf(viewer, [key]).includes(key)) return 'forbidden';
  const cases = await listDepartmentOpenCases(tx, key, 200);
  const members = (await listActiveStaff(tx)).filter((s) => s.department === key);
  const away: DepartmentView['away'] = [];
  for (const m of members) {
    const absence = await absenceAt(tx, m.userid, now);
    if (!absence) continue;
    const cover = await coverFor(tx, m.userid, now);
    away.push({ userid: m.userid, until: absence.to, cover: cover && cover.via !== 'handler' ? cover.userid : null, via: cover && cover.via !== 'handler' ? cover.via : null });
  }
  const thisMonth = await onTimeCounts(tx, key, chinaMonthStart(now), chinaMonthStart(now, 1));
  const lastMonth = await onTimeCounts(tx, key, chinaMonthStart(now, -1), chinaMonthStart(now));
  return { department, cases, away, thisMonth, lastMonth };
}

export interface OverviewView {
  departments: (DepartmentFigures & { name: string })[];
  trend: { month: string; received: number; closed: number; onTime: number }[];
  tasks: KeyTaskWithStatus[];
}

/** 全局: every department side by side this month, 12 months of trend, the red and yellow key tasks. */
export async function overviewView(tx: Tx, now: Date, calendar: WorkCalendar): Promise<OverviewView> {
  const departments = await listDepartments(tx);
  const figures = new Map((await departmentFigures(tx, now, chinaMonthStart(now), chinaMonthStart(now, 1))).map((f) => [f.department, f]));
  const bounds = Array.from({ length: 13 }, (_, i) => chinaMonthStart(now, i - 11));
  const counts = await monthlyTrend(tx, bounds);
  const trend = counts.map((c, i) => ({ month: chinaDateOf(bounds[i]!).slice(0, 7), ...c }));
  const tasks = (await listOpenKeyTasks(tx)).map((t) => withStatus(t, now, calendar)).filter((t) => t.status.status === 'overdue' || t.status.status === 'due_soon');
  return {
    departments: departments.map((d) => ({ department: d.key, open: 0, overdue: 0, closed: 0, onTime: 0, complaints: 0, records: 0, ...figures.get(d.key), name: d.name })),
    trend,
    tasks,
  };
}

/** Whom a viewer covers today (shown on 我的). */
export async function coveredPeople(tx: Tx, viewer: Viewer, now: Date) {
  return listCoveredPeople(tx, viewer.userid, now);
}
