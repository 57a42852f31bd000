/** The workbench's pages and JSON (docs/CONTRACT.md §2.6): each checks the viewer's roles first. */
import type Router from '@koa/router';
import { mayOpen } from '../../domain/org/visibility.ts';
import { renderDepartmentIndex, renderDepartmentPage, renderMyPage, renderOverviewPage } from '../../messages/pages/workbench/pages.ts';
import { departmentsFor, departmentView, loadNames, myView, overviewView } from '../../use-cases/workbench/workbench-views.ts';
import { caseJson, registerCaseRoutes } from './case-routes.ts';
import { registerOfficeRoutes } from './office-routes.ts';
import { chromeOf, forbid, html, notFound, viewerOf, type WorkbenchDeps } from './workbench-http.ts';

export type { RunWebCommand, WorkbenchDeps } from './workbench-http.ts';

/** 我的, 部室 and 全局 here; the case pages and the office's pages in their own modules. */
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

  registerCaseRoutes(router, deps);

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

  registerOfficeRoutes(router, deps);
}
