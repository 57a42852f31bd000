import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import Router from '@koa/router';
import type Keygrip from 'keygrip';
import type { Logger } from '../shared/logger.ts';

/** The Koa app with its one error boundary: log with an id, answer 500, never leak a stack. */
export function createHttpApp(log: Logger, register: (router: Router) => void, keys?: Keygrip): Koa {
  const app = new Koa();
  app.proxy = true;
  // Signs cookies (the workbench's session): Koa's cookies check the signature with these keys.
  if (keys) app.keys = keys;
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const ref = randomUUID().slice(0, 8);
      log.error({ err, ref, path: ctx.path }, 'request failed');
      ctx.status = 500;
      ctx.body = { error: 'internal', ref };
    }
  });
  const router = new Router();
  register(router);
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
