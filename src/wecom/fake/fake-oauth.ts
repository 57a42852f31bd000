import { randomBytes } from 'node:crypto';
import { renderFakeAuthorizePage } from '../../messages/pages/workbench/fake-authorize-html.ts';

/**
 * The look-alike of WeCom's web sign-in (OAuth2, snsapi_base): the authorize page, where one picks
 * a demo person instead of WeCom knowing who holds the phone, and `cgi-bin/auth/getuserinfo`, which
 * turns the code into that person's userid once. Codes live 5 minutes and are single-use, as WeCom's.
 */
export interface FakeOAuthPerson {
  userid: string;
  name: string;
  department?: string;
}

export interface FakePage {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface FakeOAuth {
  /** GET /connect/oauth2/authorize (HTML) and GET /connect/oauth2/pick (the choice → redirect); undefined for other paths. */
  handlePage(path: string, query: URLSearchParams): Promise<FakePage | undefined>;
  /** GET /cgi-bin/auth/getuserinfo?code: the JSON answer (errcode 40029 for an unknown, used or expired code). */
  getUserInfo(query: URLSearchParams): Record<string, unknown>;
  /** A code for `userid`, as if that person had passed the authorize page (tests sign in without a browser). */
  issueCode(userid: string): string;
}

const CODE_TTL_MS = 5 * 60_000;

export function createFakeOAuth(options: { corpId: string; agentId: number; now: () => number; people: () => Promise<FakeOAuthPerson[]> | FakeOAuthPerson[] }): FakeOAuth {
  const codes = new Map<string, { userid: string; expiresAt: number; used: boolean }>();

  function issueCode(userid: string): string {
    const code = randomBytes(24).toString('base64url');
    codes.set(code, { userid, expiresAt: options.now() + CODE_TTL_MS, used: false });
    return code;
  }

  /** The redirect_uri must be an absolute http(s) URL; WeCom also checks its domain against the app's trusted one. */
  function redirectTarget(query: URLSearchParams): URL | undefined {
    try {
      const url = new URL(query.get('redirect_uri') ?? '');
      return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
    } catch {
      return undefined;
    }
  }

  function badRequest(reason: string): FakePage {
    return { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `fake WeCom OAuth: ${reason}` };
  }

  async function handlePage(path: string, query: URLSearchParams): Promise<FakePage | undefined> {
    if (path !== '/connect/oauth2/authorize' && path !== '/connect/oauth2/pick') return undefined;
    if (query.get('appid') !== options.corpId) return badRequest('appid is not the corp id');
    if (query.get('response_type') !== 'code' || query.get('scope') !== 'snsapi_base') return badRequest('response_type=code and scope=snsapi_base expected');
    if (query.get('agentid') !== String(options.agentId)) return badRequest('agentid is not the app');
    const target = redirectTarget(query);
    if (!target) return badRequest('redirect_uri must be an absolute http(s) URL');
    if (path === '/connect/oauth2/authorize') {
      const people = await options.people();
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: renderFakeAuthorizePage(people, query) };
    }
    const userid = query.get('userid') ?? '';
    if (userid === '') return badRequest('userid to sign in as is missing');
    target.searchParams.set('code', issueCode(userid));
    target.searchParams.set('state', query.get('state') ?? '');
    return { status: 302, headers: { location: target.toString() }, body: '' };
  }

  return {
    issueCode,
    handlePage,
    getUserInfo(query) {
      const code = query.get('code') ?? '';
      const entry = codes.get(code);
      if (!entry || entry.used || options.now() >= entry.expiresAt) return { errcode: 40029, errmsg: 'invalid code' };
      entry.used = true;
      return { errcode: 0, errmsg: 'ok', userid: entry.userid, user_ticket: randomBytes(16).toString('hex'), expires_in: 1800 };
    },
  };
}
