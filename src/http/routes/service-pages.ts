import type { Db } from '../../db/transaction.ts';
import type Router from '@koa/router';
import { departmentNames, listServices, readOrgSettings } from '../../db/org-repository.ts';
import { renderCatalogPage, renderServiceNotFoundPage, renderServicePage } from '../../messages/pages/service-pages-html.ts';

/** GET /services and GET /services/:code: the public service commitments (R2), no token. */
export function registerServicePages(router: Router, deps: { db: Db }): void {
  const load = async () => {
    const [settings, services, departments] = await Promise.all([
      readOrgSettings(deps.db),
      listServices(deps.db),
      departmentNames(deps.db),
    ]);
    return { unit: settings.unit, services, departments };
  };

  router.get('/services', async (ctx) => {
    const { unit, services, departments } = await load();
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = renderCatalogPage(unit, services, departments);
  });

  router.get('/services/:code', async (ctx) => {
    const code = ctx.params.code ?? '';
    const { unit, services, departments } = await load();
    const service = services.find((s) => s.code.toUpperCase() === code.toUpperCase());
    ctx.type = 'text/html; charset=utf-8';
    if (!service) {
      ctx.status = 404;
      ctx.body = renderServiceNotFoundPage(unit, code);
      return;
    }
    ctx.body = renderServicePage(unit, service, departments.get(service.department) ?? service.department);
  });
}
