/** The workbench's case list, case page and case actions (the chat commands, through the same authorization). */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { CASE_STATUSES, type CaseRecord, type CaseStatus } from '../../domain/case/case.ts';
import { isTimeLimitClass, type TimeLimitClass } from '../../domain/time-limit-class.ts';
import { maskPhone } from '../../domain/org/visibility.ts';
import { chinaInstant } from '../../domain/calendar/china-time.ts';
import { renderCaseListPage, renderCasePage, WORKBENCH_TEXT, type CaseListFilters } from '../../messages/pages/workbench/pages.ts';
import { FORBIDDEN_TEXT } from '../../messages/pages/workbench/layout.ts';
import { COMMAND_TEXTS, type CommandName } from '../../messages/command-texts.ts';
import { caseListView, caseView, formPickersFor, loadNames, type WebCaseAction } from '../../use-cases/workbench/workbench-views.ts';
import { caseLifecycleJson } from '../routes/case-lifecycle-json.ts';
import { commandArgsOf } from './action-form.ts';
import { caseNoOf, chromeOf, forbid, form, html, nonce, notFound, q, viewerOf, webSourceKey, type WorkbenchDeps } from './workbench-http.ts';

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

export function caseJson(c: CaseRecord, handling: boolean) {
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

export function registerCaseRoutes(router: Router, deps: WorkbenchDeps): void {
  const { db, clock, calendar } = deps;
  const auth = deps.requireViewer;

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
    const result = await deps.runCommand({ userid: viewer.userid, text, allowed: [command], caseNo: no, sourceKey: webSourceKey(viewer, body) });
    deps.onQueued();
    // A reply that changed nothing (a mistake, or the use case's reasons why not) is shown as an error.
    const after = await caseView(db, viewer, no, clock.now());
    const changed = after.kind === 'ok' ? after.case.version !== v.case.version : true;
    await showCase(ctx, { text: result.reply || WORKBENCH_TEXT.done, error: !result.ok || !changed });
  });
}
