import { randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import type { Db } from '../../db/transaction.ts';
import { storeSignInState, takeSignInState } from '../../db/sign-in-state-repository.ts';
import { findActiveStaff } from '../../db/org-repository.ts';
import type { WeComApiClient } from '../../wecom/api-client.ts';
import { WeComApiError } from '../../wecom/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Viewer } from '../../domain/org/visibility.ts';
import { loadViewer } from '../../use-cases/workbench/load-viewer.ts';
import type { Clock } from '../../shared/clock.ts';
import { SIGN_IN_PAGES } from '../../messages/pages/workbench/layout.ts';
import { endSession, readSession, setStateCookie, startSession, STATE_MS, takeStateCookie, type SessionSettings } from './session.ts';

export interface SignInDeps {
  db: Db;
  api: WeComApiClient;
  clock: Clock;
  log: Logger;
  corpId: string;
  agentId: number;
  /** WECOM_OAUTH_BASE: where the authorize page is. */
  oauthBase: string;
  publicBaseUrl: string;
  session: SessionSettings;
}

export interface WorkbenchState {
  viewer: Viewer;
}

const HOME = '/app/me';

/** Only our own pages: a return path is a path under /app, never another site. */
function safeReturn(path: string): string {
  return /^\/app(\/[\w\-./%?=&]*)?$/u.test(path) && !path.startsWith('//') && path !== '/app' ? path : HOME;
}

function html(ctx: Context, status: number, body: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('cache-control', 'no-store');
  ctx.body = body;
}

/**
 * WeCom sign-in for the workbench (OAuth2, snsapi_base, docs/CONTRACT.md): GET /app sends the browser
 * to the authorize page with a fresh state; GET /app/oauth checks that state (stored once, bound to this
 * browser by a signed cookie), turns the code into a userid with auth/getuserinfo, and starts the session
 * for active staff only.
 */
export function registerSignIn(router: Router, deps: SignInDeps): (ctx: Context, next: Next) => Promise<void> {
  async function toAuthorize(ctx: Context, returnTo: string): Promise<void> {
    const state = randomBytes(18).toString('base64url');
    await storeSignInState(deps.db, state, new Date());
    setStateCookie(ctx, deps.session, state, returnTo);
    const url = new URL(`${deps.oauthBase}/connect/oauth2/authorize`);
    url.searchParams.set('appid', deps.corpId);
    url.searchParams.set('redirect_uri', `${deps.publicBaseUrl}/app/oauth`);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', 'snsapi_base');
    url.searchParams.set('state', state);
    url.searchParams.set('agentid', String(deps.agentId));
    ctx.set('cache-control', 'no-store');
    ctx.redirect(`${url.toString()}#wechat_redirect`);
  }

  router.get('/app', async (ctx) => {
    const session = readSession(ctx, Date.now());
    if (session.kind === 'ok' && (await findActiveStaff(deps.db, session.userid))) return ctx.redirect(HOME);
    if (session.kind === 'forged') {
      endSession(ctx, deps.session);
      return html(ctx, 401, SIGN_IN_PAGES.forged());
    }
    await toAuthorize(ctx, HOME);
  });

  router.get('/app/oauth', async (ctx) => {
    const code = typeof ctx.query['code'] === 'string' ? ctx.query['code'] : '';
    const state = typeof ctx.query['state'] === 'string' ? ctx.query['state'] : '';
    const bound = takeStateCookie(ctx, deps.session);
    // The state must be the one this browser was sent with, and unused (deleting it is the check).
    const fresh = state !== '' && bound?.state === state && (await takeSignInState(deps.db, state, new Date(Date.now() - STATE_MS)));
    if (!fresh) {
      deps.log.info({ reason: bound ? 'state_mismatch_or_used' : 'no_state_cookie' }, 'workbench sign-in refused');
      return html(ctx, 400, SIGN_IN_PAGES.badState());
    }
    if (code === '') return html(ctx, 400, SIGN_IN_PAGES.badCode());
    let userid: string | undefined;
    try {
      const info = await deps.api.call<{ userid?: string; openid?: string }>('GET', `/cgi-bin/auth/getuserinfo?code=${encodeURIComponent(code)}`);
      userid = typeof info.userid === 'string' && info.userid !== '' ? info.userid : undefined;
    } catch (err) {
      if (err instanceof WeComApiError) {
        deps.log.info({ errcode: err.errcode }, 'workbench sign-in: code refused by WeCom');
        return html(ctx, 400, SIGN_IN_PAGES.badCode());
      }
      deps.log.warn({ err: (err as Error).message }, 'workbench sign-in: WeCom unreachable');
      return html(ctx, 502, SIGN_IN_PAGES.wecomDown());
    }
    // A non-member (openid only) or someone the roster does not list as active gets no session.
    const staff = userid ? await findActiveStaff(deps.db, userid) : null;
    if (!staff) {
      deps.log.info({ member: userid !== undefined }, 'workbench sign-in: not active staff');
      return html(ctx, 403, SIGN_IN_PAGES.notStaff());
    }
    startSession(ctx, deps.session, staff.userid, Date.now());
    deps.log.info({ userid: staff.userid }, 'workbench session started');
    ctx.redirect(safeReturn(bound?.returnTo ?? HOME));
  });

  router.get('/app/logout', (ctx) => {
    endSession(ctx, deps.session);
    html(ctx, 200, SIGN_IN_PAGES.signedOut());
  });

  /** Every other /app route: a valid session of active staff, else sign-in (pages) or 401 (JSON). */
  return async function requireViewer(ctx: Context, next: Next): Promise<void> {
    const session = readSession(ctx, Date.now());
    const json = ctx.path.startsWith('/app/api/');
    if (session.kind === 'forged') {
      endSession(ctx, deps.session);
      if (json) {
        ctx.status = 401;
        ctx.body = { error: 'invalid_session' };
        return;
      }
      return html(ctx, 401, SIGN_IN_PAGES.forged());
    }
    const viewer = session.kind === 'ok' ? await loadViewer(deps.db, session.userid, deps.clock.now()) : null;
    if (session.kind === 'ok' && !viewer) {
      endSession(ctx, deps.session);
      return json ? void ((ctx.status = 403), (ctx.body = { error: 'not_staff' })) : html(ctx, 403, SIGN_IN_PAGES.notStaff());
    }
    if (!viewer) {
      if (json || ctx.method !== 'GET') {
        ctx.status = 401;
        ctx.body = { error: 'sign_in_required' };
        return;
      }
      return toAuthorize(ctx, safeReturn(ctx.originalUrl));
    }
    (ctx.state as WorkbenchState).viewer = viewer;
    ctx.set('cache-control', 'no-store');
    await next();
  };
}
