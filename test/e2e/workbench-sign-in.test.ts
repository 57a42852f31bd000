import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Keygrip from 'keygrip';
import { startTestBot, TEST_SESSION_SECRET, TEST_WECOM, type TestBot } from '../support/start-test-bot.ts';
import { signIn, startSignIn, workbenchClient, type WorkbenchClient } from '../support/workbench-client.ts';

/** The workbench's WeCom sign-in (OAuth2 snsapi_base) through the look-alike, and every way it must fail. */
describe('workbench sign-in', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  async function returnFromWeCom(client: WorkbenchClient, code: string, state: string): Promise<Response> {
    return client.get(`/app/oauth?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`);
  }

  it('GET /app redirects to the authorize URL of the issue, with a fresh state each time', async () => {
    const { authorize, state } = await startSignIn(workbenchClient(t));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${t.wecom.url}/connect/oauth2/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      appid: TEST_WECOM.corpId,
      redirect_uri: 'http://bot.test/app/oauth',
      response_type: 'code',
      scope: 'snsapi_base',
      state,
      agentid: String(TEST_WECOM.agentId),
    });
    expect(authorize.hash).toBe('#wechat_redirect');
    expect(state).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect((await startSignIn(workbenchClient(t))).state).not.toBe(state);
  });

  it('the look-alike lists the demo people on its authorize page', async () => {
    const { authorize } = await startSignIn(workbenchClient(t));
    const page = await fetch(authorize);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('value="liuyang"');
    expect(html).toContain('刘洋');
  });

  it('active staff get an 8-hour HttpOnly SameSite=Lax session and land on 我的', async () => {
    const client = await signIn(t, 'liuyang');
    const line = client.jar.setCookieLines.find((l) => l.startsWith('wb_session='));
    expect(line).toBeDefined();
    expect(line).toMatch(/httponly/i);
    expect(line).toMatch(/samesite=lax/i);
    expect(line).not.toMatch(/;\s*secure/i);
    const expires = new Date(/expires=([^;]+)/i.exec(line!)![1]!).getTime();
    expect(Math.abs(expires - (Date.now() + 8 * 3600_000))).toBeLessThan(60_000);
    const me = await client.get('/app/me');
    expect(me.status).toBe(200);
    const html = await me.text();
    expect(html).toContain('我的工作台');
    expect(html).toContain('刘洋');
  });

  it('a code used once does not sign in again', async () => {
    const first = workbenchClient(t);
    const { state } = await startSignIn(first);
    const code = t.wecom.issueOAuthCode('lihua');
    expect((await returnFromWeCom(first, code, state)).status).toBe(302);
    const second = workbenchClient(t);
    const { state: state2 } = await startSignIn(second);
    const res = await returnFromWeCom(second, code, state2);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('授权码无效、已使用或已过期');
    expect(second.jar.cookies.has('wb_session')).toBe(false);
    expect((await second.get('/app/me')).status).toBe(302);
  });

  it('a wrong state, or one replayed after use, gets a clear page and no session', async () => {
    const client = workbenchClient(t);
    const { state } = await startSignIn(client);
    const wrong = await returnFromWeCom(client, t.wecom.issueOAuthCode('lihua'), `${state}x`);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('登录链接已失效或已被使用过');
    expect(client.jar.cookies.has('wb_session')).toBe(false);

    // The state of a finished sign-in, replayed with its cookie still in hand.
    const victim = workbenchClient(t);
    const { state: used } = await startSignIn(victim);
    const stateCookies = new Map(victim.jar.cookies);
    expect((await returnFromWeCom(victim, t.wecom.issueOAuthCode('lihua'), used)).status).toBe(302);
    const replayer = workbenchClient(t);
    for (const [k, v] of stateCookies) replayer.jar.cookies.set(k, v);
    const replayed = await returnFromWeCom(replayer, t.wecom.issueOAuthCode('chenjing'), used);
    expect(replayed.status).toBe(400);
    expect(replayer.jar.cookies.has('wb_session')).toBe(false);
  });

  it('a userid that is not active staff gets a clear page and no session', async () => {
    const client = workbenchClient(t);
    const { state } = await startSignIn(client);
    const res = await returnFromWeCom(client, t.wecom.issueOAuthCode('stranger'), state);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('您不在本单位的人员名单中');
    expect(client.jar.cookies.has('wb_session')).toBe(false);
  });

  it('a tampered or forged session cookie is refused, cleared, and signs nobody in', async () => {
    const client = await signIn(t, 'lihua');
    const value = client.jar.cookies.get('wb_session')!;
    const claims = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { u: string; t: number };
    const forged = Buffer.from(JSON.stringify({ ...claims, u: 'liuyang' })).toString('base64url');
    client.jar.cookies.set('wb_session', forged);
    const res = await client.get('/app/me');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('登录凭证无法验证');
    expect(client.jar.cookies.has('wb_session')).toBe(false);
    const json = workbenchClient(t);
    json.jar.cookies.set('wb_session', forged);
    json.jar.cookies.set('wb_session.sig', 'AAAA');
    const api = await json.get('/app/api/me');
    expect(api.status).toBe(401);
  });

  it('a genuine session cookie older than 8 hours is over: sign in again', async () => {
    const keys = new Keygrip([TEST_SESSION_SECRET], 'sha256');
    const cookie = (claims: { u: string; t: number }) => {
      const value = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return { value, sig: keys.sign(`wb_session=${value}`) };
    };
    const fresh = workbenchClient(t);
    const ok = cookie({ u: 'lihua', t: Date.now() - 60_000 });
    fresh.jar.cookies.set('wb_session', ok.value);
    fresh.jar.cookies.set('wb_session.sig', ok.sig);
    expect((await fresh.get('/app/me')).status).toBe(200);
    const stale = workbenchClient(t);
    const old = cookie({ u: 'lihua', t: Date.now() - 8 * 3600_000 - 1000 });
    stale.jar.cookies.set('wb_session', old.value);
    stale.jar.cookies.set('wb_session.sig', old.sig);
    const res = await stale.get('/app/me');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('/connect/oauth2/authorize');
  });
});

describe('the workbench behind https', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ publicBaseUrl: 'https://xiaoneng.example.gov.cn', now: new Date('2026-12-01T09:30:00+08:00') });
  });
  afterAll(async () => t?.close());

  it('marks the session cookie Secure when PUBLIC_BASE_URL is https (a TLS proxy in front of plain HTTP)', async () => {
    const client = await signIn(t, 'liuyang');
    const line = client.jar.setCookieLines.find((l) => l.startsWith('wb_session='));
    expect(line).toMatch(/;\s*secure/i);
    expect(line).toMatch(/httponly/i);
    const { authorize } = await startSignIn(workbenchClient(t));
    expect(authorize.searchParams.get('redirect_uri')).toBe('https://xiaoneng.example.gov.cn/app/oauth');
  });
});

