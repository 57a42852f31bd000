import { readFile } from 'node:fs/promises';
import type Router from '@koa/router';
import type { Context } from 'koa';

const PUBLIC_DIR = new URL('./public/', import.meta.url);

/** A fixed list, so no request path ever reaches the file system. */
const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'sandbox.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'chat-view.js': 'text/javascript; charset=utf-8',
  'render-card.js': 'text/javascript; charset=utf-8',
  'render-markdown.js': 'text/javascript; charset=utf-8',
  'people-view.js': 'text/javascript; charset=utf-8',
  'time-view.js': 'text/javascript; charset=utf-8',
  'shared-stream.js': 'text/javascript; charset=utf-8',
};

/** The page is plain files (no build step); the CSP forbids inline script and foreign origins. */
export function serveSandboxPage(router: Router): void {
  const send = async (ctx: Context, name: string) => {
    const type = FILES[name];
    if (!type) {
      ctx.status = 404;
      return;
    }
    ctx.set('cache-control', 'no-cache');
    ctx.set('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'");
    ctx.set('x-content-type-options', 'nosniff');
    ctx.type = type;
    ctx.body = await readFile(new URL(name, PUBLIC_DIR));
  };
  router.get('/sandbox', (ctx) => send(ctx, 'index.html'));
  router.get('/sandbox/assets/:file', (ctx) => send(ctx, ctx.params.file ?? ''));
}
