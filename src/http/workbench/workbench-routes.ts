import { randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import type { Db } from '../../db/transaction.ts';
import type { Clock } from '../../shared/clock.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { CASE_STATUSES, type CaseRecord, type CaseStatus } from '../../domain/case/case.ts';
import { isTimeLimitClass, type TimeLimitClass } from '../../domain/time-limit-class.ts';
import { mayOpen, maskPhone, type Viewer } from '../../domain/org/visibility.ts';
import { periodOf } from '../../domain/evaluation/period.ts';
import { chinaInstant } from '../../domain/calendar/china-time.ts';
import { listRecordsForOffice } from '../../db/accountability.ts';
import { listComplaintsForOffice } from '../../db/complaint-repository.ts';
import { departmentNames } from '../../db/org-repository.ts';
import { navFor, forbiddenPage, FORBIDDEN_TEXT, messagePage } from '../../messages/pages/workbench/layout.ts';
import {
  renderCaseListPage,
  renderCasePage,
  renderDepartmentIndex,
  renderDepartmentPage,
  renderEvaluationPage,
  renderMyPage,
  renderOverviewPage,
  renderRecordsPage,
  WORKBENCH_TEXT,
  type CaseListFilters,
  type Chrome,
} from '../../messages/pages/workbench/pages.ts';
import { renderBulletinHtml } from '../../messages/pages/bulletin-page-html.ts';
import { buildEvaluationWorkbook } from '../../messages/reports/evaluation-workbook.ts';
import { COMMAND_TEXTS, type CommandName } from '../../messages/command-texts.ts';
import { DECISION_WORDS_ZH } from '../../messages/pages/workbench/command-words.ts';
import { caseListView, caseView, departmentsFor, departmentView, formPickersFor, loadNames, myView, overviewView, type WebCaseAction } from '../../use-cases/workbench/workbench-views.ts';
import { evaluationOf } from '../../use-cases/run-evaluation.ts';
import { bulletinView } from '../../use-cases/monthly-bulletin.ts';
import { caseLifecycleJson } from '../routes/case-lifecycle-json.ts';
import { readRawBody } from '../read-raw-body.ts';
import { commandArgsOf } from './action-form.ts';
import type { WorkbenchState } from './sign-in-routes.ts';
import { RECORD_DECISIONS } from '../../domain/accountability/accountability-record.ts';

/** The chat command a workbench form stands for; the bot layer runs it (src/bot/web-command.ts). */
export type RunWebCommand = (req: {
  userid: string;
  text: string;
  allowed: readonly CommandName[];
  caseNo?: number;
  recordNo?: number;
  complaintId?: number;
  sourceKey: string;
}) => Promise<{ ok: boolean; reply: string }>;

export interface WorkbenchDeps {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  requireViewer: (ctx: Context, next: Next) => Promise<void>;
  runCommand: RunWebCommand;
  /** After a command queued notices: send them now. */
  onQueued: () => void;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PAGE_SIZE = 50;

const WEB_ACTION_COMMAND: Record<WebCaseAction, CommandName> = {
  finish: 'finish',
  transfer: 'transfer',
  sendBack: 'sendBack',
  referOut: 'referOut',
  requestMaterials: 'requestMaterials',
  materialsComplete: 'materialsComplete',
  refuse: 'refuse',
  extend: 'extend',
  urgent: 'urgent',
  noticeGiven: 'noticeGiven',
  approve: 'approve',
  overturn: 'overturn',
  escalate: 'escalate',
  approveExtension: 'approveExtension',
  refuseExtension: 'refuseExtension',
};

/** The path word of a case card's link → the form it opens. */
const CARD_LINK_ACTIONS: Record<string, WebCaseAction> = {
  finish: 'finish',
  materials: 'requestMaterials',
  transfer: 'transfer',
  extend: 'extend',
  refuse: 'refuse',
  'send-back': 'sendBack',
  urgent: 'urgent',
};

function viewerOf(ctx: Context): Viewer {
  return (ctx.state as WorkbenchState).viewer;
}

function chromeOf(v: Viewer): Chrome {
  return { viewerName: v.name, nav: navFor(v.roles, v.department) };
}

function html(ctx: Context, body: string, status = 200): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = body;
}

function forbid(ctx: Context, text: string = FORBIDDEN_TEXT.page): void {
  const json = ctx.path.startsWith('/app/api/');
  if (json) {
    ctx.status = 403;
    ctx.body = { error: 'forbidden' };
    return;
  }
  html(ctx, forbiddenPage(text, chromeOf(viewerOf(ctx))), 403);
}

function notFound(ctx: Context): void {
  if (ctx.path.startsWith('/app/api/')) {
    ctx.status = 404;
    ctx.body = { error: 'not_found' };
    return;
  }
  html(ctx, messagePage(FORBIDDEN_TEXT.notFoundTitle, FORBIDDEN_TEXT.notFound, { href: '/app/me', label: FORBIDDEN_TEXT.back }, chromeOf(viewerOf(ctx))), 404);
}

function q(ctx: Context, name: string): string | undefined {
  const raw = ctx.query[name];
  const v = Array.isArray(raw) ? raw[0] : raw;
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

async function form(ctx: Context): Promise<URLSearchParams> {
  return new URLSearchParams(await readRawBody(ctx.req, 64 * 1024));
}

function caseNoOf(ctx: Context): number | undefined {
  const raw = ctx.params['no'] ?? '';
  if (!/^\d{1,9}$/u.test(raw)) return undefined;
  return Number(raw);
}

/** The list's filters from the query, every unreadable one named (and ignored). */
function readFilters(ctx: Context): { filters: CaseListFilters; query: URLSearchParams; problems: string[]; dbFilter: Parameters<typeof caseListView>[2] } {
  const problems: string[] = [];
  const filters: CaseListFilters = {};
  const dbFilter: Parameters<typeof caseListView>[2] = {};
  const query = new URLSearchParams();
  const status = q(ctx, 'status');
  if (status && (CASE_STATUSES as readonly string[]).includes(status)) {
    filters.status = status;
    dbFilter.status = status as CaseStatus;
    query.set('status', status);
  } else if (status) problems.push(WORKBENCH_TEXT.badFilter(status));
  const cls = q(ctx, 'class');
  if (cls && isTimeLimitClass(cls)) {
    filters.cls = cls;
    dbFilter.cls = cls as TimeLimitClass;
    query.set('class', cls);
  } else if (cls) problems.push(WORKBENCH_TEXT.badFilter(cls));
  const department = q(ctx, 'department');
  if (department) {
    filters.department = dbFilter.department = department;
    query.set('department', department);
  }
  const handler = q(ctx, 'handler');
  if (handler) {
    filters.handler = dbFilter.handler = handler;
    query.set('handler', handler);
  }
  if (q(ctx, 'overdue') === '1') {
    filters.overdue = dbFilter.overdue = true;
    query.set('overdue', '1');
  }
  const month = q(ctx, 'month');
  if (month) {
    const m = /^(\d{4})-(\d{2})$/u.exec(month);
    const mm = m ? Number(m[2]) : 0;
    if (m && mm >= 1 && mm <= 12) {
      filters.month = month;
      dbFilter.from = chinaInstant(`${month}-01`, '00:00');
      const next = mm === 12 ? `${Number(m[1]) + 1}-01` : `${m[1]}-${String(mm + 1).padStart(2, '0')}`;
      dbFilter.to = chinaInstant(`${next}-01`, '00:00');
      query.set('month', month);
    } else problems.push(WORKBENCH_TEXT.badFilter(month));
  }
  const text = q(ctx, 'q')?.slice(0, 50);
  if (text) {
    filters.q = dbFilter.q = text;
    query.set('q', text);
  }
  return { filters, query, problems, dbFilter };
}

function caseJson(c: CaseRecord, handling: boolean) {
  return {
    no: c.no,
    status: c.status,
    class: c.cls,
    channel: c.channel,
    applicant: c.applicant,
    phone: c.phone === null ? null : handling ? c.phone : maskPhone(c.phone),
    matter: c.matter,
    department: c.department,
    handler: c.handler,
    firstResponder: c.firstResponder,
    receivedAt: c.receivedAt.toISOString(),
    dueAt: c.dueAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
  };
}

function nonce(): string {
  return randomBytes(9).toString('base64url');
}

/** The workbench's pages and JSON (docs/CONTRACT.md "Workbench"): each checks the viewer's roles first. */
export function registerWorkbench(router: Router, deps: WorkbenchDeps): void {
  const { db, clock, calendar } = deps;
  const auth = deps.requireViewer;

  router.get('/app/me', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    const now = clock.now();
    const [v, names] = [await myView(db, viewer, now, calendar), await loadNames(db)];
    html(ctx, renderMyPage(chromeOf(viewer), v, names.people, names.departments, now, calendar));
  });

  router.get('/app/api/me', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    const now = clock.now();
    const v = await myView(db, viewer, now, calendar);
    ctx.body = {
      userid: viewer.userid,
      roles: [...viewer.roles],
      cases: v.cases.map((c) => caseJson(c, c.handler === viewer.userid || v.covering.has(c.no))),
      decisions: v.decisions,
      keyTasks: v.tasks.map((t) => ({ id: t.id, title: t.title, status: t.status.status })),
    };
  });

  router.get('/app/cases', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    const now = clock.now();
    const { filters, query, problems, dbFilter } = readFilters(ctx);
    const afterRaw = q(ctx, 'after');
    const after = afterRaw && /^\d{1,9}$/u.test(afterRaw) ? Number(afterRaw) : undefined;
    const page = await caseListView(db, viewer, dbFilter, now, { limit: PAGE_SIZE, ...(after !== undefined && { after }) });
    const names = await loadNames(db);
    html(ctx, renderCaseListPage(chromeOf(viewer), page.cases, page.next, filters, query.toString(), names.people, names.departments, now, calendar, problems));
  });

  router.get('/app/api/cases', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    const { problems, dbFilter } = readFilters(ctx);
    if (problems.length > 0) {
      ctx.status = 400;
      ctx.body = { error: 'bad_request', problems };
      return;
    }
    const afterRaw = q(ctx, 'after');
    const after = afterRaw && /^\d{1,9}$/u.test(afterRaw) ? Number(afterRaw) : undefined;
    const page = await caseListView(db, viewer, dbFilter, clock.now(), { limit: PAGE_SIZE, ...(after !== undefined && { after }) });
    // A list shows phones masked: handling is decided case by case on the case itself.
    ctx.body = { cases: page.cases.map((c) => caseJson(c, false)), next: page.next };
  });

  async function showCase(ctx: Context, flash: { text: string; error: boolean } | null, focus?: WebCaseAction): Promise<void> {
    const viewer = viewerOf(ctx);
    const no = caseNoOf(ctx);
    if (no === undefined) return notFound(ctx);
    const now = clock.now();
    const v = await caseView(db, viewer, no, now);
    if (v.kind === 'not_found') return notFound(ctx);
    if (v.kind === 'forbidden') return forbid(ctx, FORBIDDEN_TEXT.case(no));
    const names = await loadNames(db);
    const lifecycle = await caseLifecycleJson(db, no);
    const pickers = await formPickersFor(db, v.case);
    html(ctx, renderCasePage(chromeOf(viewer), v, lifecycle, names.people, names.departments, now, calendar, flash, nonce(), { ...(focus && { focus }), pickers }), flash?.error ? 422 : 200);
  }

  router.get('/app/cases/:no', auth, (ctx) => showCase(ctx, null));

  // The links that case cards carry (填写结果办结, 补正材料, 转办, 申请延期, 不予办理): the case page with that form first.
  router.get('/app/cases/:no/:action', auth, async (ctx) => {
    const focus = CARD_LINK_ACTIONS[ctx.params['action'] ?? ''];
    if (!focus) return notFound(ctx);
    await showCase(ctx, null, focus);
  });

  router.get('/app/api/cases/:no', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    const no = caseNoOf(ctx);
    if (no === undefined) return notFound(ctx);
    const v = await caseView(db, viewer, no, clock.now());
    if (v.kind === 'not_found') return notFound(ctx);
    if (v.kind === 'forbidden') return forbid(ctx);
    ctx.body = { ...caseJson(v.case, v.handling), actions: v.actions, history: v.history.map((h) => ({ at: h.at.toISOString(), actor: h.actor, action: h.action, detail: h.detail })) };
  });

  router.post('/app/cases/:no/actions', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    const no = caseNoOf(ctx);
    if (no === undefined) return notFound(ctx);
    const body = await form(ctx);
    const action = body.get('action') ?? '';
    const v = await caseView(db, viewer, no, clock.now());
    if (v.kind === 'not_found') return notFound(ctx);
    if (v.kind === 'forbidden') return forbid(ctx, FORBIDDEN_TEXT.case(no));
    const command = WEB_ACTION_COMMAND[action as WebCaseAction];
    if (!command) return showCase(ctx, { text: WORKBENCH_TEXT.unknownAction, error: true });
    const text = `${COMMAND_TEXTS[command].words[0]} #${no} ${commandArgsOf(action as WebCaseAction, body)}`.trim();
    const result = await deps.runCommand({ userid: viewer.userid, text, allowed: [command], caseNo: no, sourceKey: `web:${viewer.userid}:${(body.get('nonce') ?? nonce()).slice(0, 64)}` });
    deps.onQueued();
    // A reply that changed nothing (a mistake, or the use case's reasons why not) is shown as an error.
    const after = await caseView(db, viewer, no, clock.now());
    const changed = after.kind === 'ok' ? after.case.version !== v.case.version : true;
    await showCase(ctx, { text: result.reply || WORKBENCH_TEXT.done, error: !result.ok || !changed });
  });

  router.get('/app/departments', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    const list = await departmentsFor(db, viewer);
    if (list.length === 0) return forbid(ctx);
    if (list.length === 1) return ctx.redirect(`/app/departments/${encodeURIComponent(list[0]!.key)}`);
    html(ctx, renderDepartmentIndex(chromeOf(viewer), list));
  });

  router.get('/app/departments/:key', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    const now = clock.now();
    const v = await departmentView(db, viewer, ctx.params['key'] ?? '', now);
    if (v === 'not_found') return notFound(ctx);
    if (v === 'forbidden') return forbid(ctx);
    const names = await loadNames(db);
    html(ctx, renderDepartmentPage(chromeOf(viewer), v, names.people, now, calendar));
  });

  router.get('/app/overview', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    if (!mayOpen(viewer, 'overview')) return forbid(ctx);
    const now = clock.now();
    const [v, names] = [await overviewView(db, now, calendar), await loadNames(db)];
    html(ctx, renderOverviewPage(chromeOf(viewer), v, names.people, names.departments, now, calendar));
  });

  router.get('/app/api/overview', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    if (!mayOpen(viewer, 'overview')) return forbid(ctx);
    const v = await overviewView(db, clock.now(), calendar);
    ctx.body = { departments: v.departments, trend: v.trend, keyTasks: v.tasks.map((t) => ({ id: t.id, title: t.title, status: t.status.status })) };
  });

  async function showRecords(ctx: Context, flash: { text: string; error: boolean } | null): Promise<void> {
    const viewer = viewerOf(ctx);
    const [records, complaints, names] = [await listRecordsForOffice(db, 200), await listComplaintsForOffice(db, 100), await loadNames(db)];
    html(ctx, renderRecordsPage(chromeOf(viewer), records, complaints, names.people, names.departments, flash, nonce()), flash?.error ? 422 : 200);
  }

  router.get('/app/records', auth, async (ctx) => {
    if (!mayOpen(viewerOf(ctx), 'records')) return forbid(ctx);
    await showRecords(ctx, null);
  });

  router.post('/app/records/:id/decision', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    if (!mayOpen(viewer, 'records')) return forbid(ctx);
    const id = Number(ctx.params['id']);
    const body = await form(ctx);
    const decision = body.get('decision') ?? '';
    if (!Number.isSafeInteger(id) || !(RECORD_DECISIONS as readonly string[]).includes(decision)) return showRecords(ctx, { text: WORKBENCH_TEXT.unknownAction, error: true });
    const note = (body.get('note') ?? '').trim();
    const text = `${COMMAND_TEXTS.decideRecord.words[0]} ${id} ${DECISION_WORDS_ZH[decision as keyof typeof DECISION_WORDS_ZH]}${note ? ` ${note}` : ''}`;
    const result = await deps.runCommand({ userid: viewer.userid, text, allowed: ['decideRecord'], recordNo: id, sourceKey: `web:${viewer.userid}:${(body.get('nonce') ?? nonce()).slice(0, 64)}` });
    deps.onQueued();
    await showRecords(ctx, { text: result.reply || WORKBENCH_TEXT.done, error: !result.ok });
  });

  router.post('/app/complaints/:id/answer', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    if (!mayOpen(viewer, 'records')) return forbid(ctx);
    const id = Number(ctx.params['id']);
    const body = await form(ctx);
    const upheld = body.get('upheld');
    const answer = (body.get('answer') ?? '').trim();
    if (!Number.isSafeInteger(id) || (upheld !== 'yes' && upheld !== 'no')) return showRecords(ctx, { text: WORKBENCH_TEXT.unknownAction, error: true });
    const text = `${COMMAND_TEXTS.answerComplaint.words[0]} ${id} ${upheld === 'yes' ? DECISION_WORDS_ZH.upheld : DECISION_WORDS_ZH.notUpheld} ${answer}`.trim();
    const result = await deps.runCommand({ userid: viewer.userid, text, allowed: ['answerComplaint'], complaintId: id, sourceKey: `web:${viewer.userid}:${(body.get('nonce') ?? nonce()).slice(0, 64)}` });
    deps.onQueued();
    await showRecords(ctx, { text: result.reply || WORKBENCH_TEXT.done, error: !result.ok });
  });

  /** The half year the office works on now: H1 until June, then H2. */
  function currentPeriodKey(): string {
    const now = clock.now();
    const cn = new Date(now.getTime() + 8 * 3600_000);
    return `${cn.getUTCFullYear()}-H${cn.getUTCMonth() < 6 ? 1 : 2}`;
  }

  function lastMonths(count: number): string[] {
    const cn = new Date(clock.now().getTime() + 8 * 3600_000);
    const out: string[] = [];
    for (let i = 1; i <= count; i++) {
      const d = new Date(Date.UTC(cn.getUTCFullYear(), cn.getUTCMonth() - i, 1));
      out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
    }
    return out;
  }

  async function showEvaluation(ctx: Context, key: string, flash: { text: string; error: boolean } | null): Promise<void> {
    const viewer = viewerOf(ctx);
    const period = periodOf(key);
    if (!period) return html(ctx, messagePage(WORKBENCH_TEXT.evaluationTitle, WORKBENCH_TEXT.badPeriod, { href: '/app/evaluations', label: WORKBENCH_TEXT.back }, chromeOf(viewer)), 400);
    const view = await evaluationOf(db, period);
    html(ctx, renderEvaluationPage(chromeOf(viewer), view, period.key, viewer.roles.has('office') && period.kind !== 'month', lastMonths(6), flash, nonce()), flash?.error ? 422 : 200);
  }

  router.get('/app/evaluations', auth, async (ctx) => {
    if (!mayOpen(viewerOf(ctx), 'evaluations')) return forbid(ctx);
    await showEvaluation(ctx, q(ctx, 'period') ?? currentPeriodKey(), null);
  });

  router.get('/app/evaluations/:file', auth, async (ctx) => {
    if (!mayOpen(viewerOf(ctx), 'evaluations')) return forbid(ctx);
    const file = ctx.params['file'] ?? '';
    if (!file.endsWith('.xlsx')) return showEvaluation(ctx, file, null);
    const period = periodOf(file.slice(0, -'.xlsx'.length));
    if (!period) return notFound(ctx);
    const view = await evaluationOf(db, period);
    ctx.type = XLSX;
    ctx.set('content-disposition', `attachment; filename="evaluation-${period.key}.xlsx"`);
    ctx.body = await buildEvaluationWorkbook(view, await departmentNames(db));
  });

  router.post('/app/evaluations/:period/freeze', auth, async (ctx) => {
    const viewer = viewerOf(ctx);
    if (!mayOpen(viewer, 'evaluations')) return forbid(ctx);
    const key = ctx.params['period'] ?? '';
    if (!periodOf(key)) return notFound(ctx);
    const body = await form(ctx);
    const text = `${COMMAND_TEXTS.evaluate.words[0]} ${key} ${DECISION_WORDS_ZH.freeze}`;
    const result = await deps.runCommand({ userid: viewer.userid, text, allowed: ['evaluate'], sourceKey: `web:${viewer.userid}:${(body.get('nonce') ?? nonce()).slice(0, 64)}` });
    deps.onQueued();
    await showEvaluation(ctx, key, { text: result.reply || WORKBENCH_TEXT.done, error: !result.ok });
  });

  router.get('/app/bulletins/:month', auth, async (ctx) => {
    if (!mayOpen(viewerOf(ctx), 'evaluations')) return forbid(ctx);
    const period = periodOf(ctx.params['month'] ?? '');
    if (!period || period.kind !== 'month') return notFound(ctx);
    const view = await bulletinView(db, period, clock.now(), calendar);
    html(ctx, renderBulletinHtml(view.bulletin, view.unit, view.names, view.departments, clock.now()));
  });
}
