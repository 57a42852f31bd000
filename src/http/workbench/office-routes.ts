/** The office's workbench pages: records and complaints with their decision forms, evaluations, bulletins. */
import type Router from '@koa/router';
import type { Context } from 'koa';
import { mayOpen } from '../../domain/org/visibility.ts';
import { periodOf } from '../../domain/evaluation/period.ts';
import { listRecordsForOffice } from '../../db/accountability.ts';
import { listComplaintsForOffice } from '../../db/complaint-repository.ts';
import { departmentNames } from '../../db/org-repository.ts';
import { messagePage } from '../../messages/pages/workbench/layout.ts';
import { renderEvaluationPage, renderRecordsPage, WORKBENCH_TEXT } from '../../messages/pages/workbench/pages.ts';
import { renderBulletinHtml } from '../../messages/pages/bulletin-page-html.ts';
import { buildEvaluationWorkbook } from '../../messages/reports/evaluation-workbook.ts';
import { COMMAND_TEXTS } from '../../messages/command-texts.ts';
import { DECISION_WORDS_ZH } from '../../messages/pages/workbench/command-words.ts';
import { loadNames } from '../../use-cases/workbench/workbench-views.ts';
import { evaluationOf } from '../../use-cases/run-evaluation.ts';
import { bulletinView } from '../../use-cases/monthly-bulletin.ts';
import { RECORD_DECISIONS } from '../../domain/accountability/accountability-record.ts';
import { chromeOf, forbid, form, html, nonce, notFound, q, viewerOf, webSourceKey, type WorkbenchDeps } from './workbench-http.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerOfficeRoutes(router: Router, deps: WorkbenchDeps): void {
  const { db, clock, calendar } = deps;
  const auth = deps.requireViewer;

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
    const result = await deps.runCommand({ userid: viewer.userid, text, allowed: ['decideRecord'], recordNo: id, sourceKey: webSourceKey(viewer, body) });
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
    const result = await deps.runCommand({ userid: viewer.userid, text, allowed: ['answerComplaint'], complaintId: id, sourceKey: webSourceKey(viewer, body) });
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
    const result = await deps.runCommand({ userid: viewer.userid, text, allowed: ['evaluate'], sourceKey: webSourceKey(viewer, body) });
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
