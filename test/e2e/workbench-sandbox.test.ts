import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { workbenchClient } from '../support/workbench-client.ts';

/**
 * The sandbox's people switcher signs into the workbench as the person picked, through the
 * look-alike's OAuth: state, code and getuserinfo as with WeCom. Without the sandbox, `as` does nothing.
 */
describe('the workbench from the sandbox people switcher', () => {
  let sandbox: TestBot;
  let plain: TestBot;
  beforeAll(async () => {
    sandbox = await startTestBot({ sandbox: true });
    plain = await startTestBot();
  }, 180_000);
  afterAll(async () => {
    await sandbox?.close();
    await plain?.close();
  });

  it('GET /app?as=<userid> goes through the look-alike\'s OAuth and signs in as that person', async () => {
    const client = workbenchClient(sandbox);
    const start = await client.get('/app?as=chenjing&next=/app/cases');
    expect(start.status).toBe(302);
    const pick = new URL(start.headers.get('location')!);
    expect(pick.pathname).toBe('/connect/oauth2/pick');
    expect(pick.searchParams.get('userid')).toBe('chenjing');
    expect(pick.searchParams.get('scope')).toBe('snsapi_base');
    const fromWeCom = await fetch(pick, { redirect: 'manual' });
    const back = new URL(fromWeCom.headers.get('location')!);
    expect(back.pathname).toBe('/app/oauth');
    expect(back.searchParams.get('code')).toBeTruthy();
    const landed = await client.get(`${back.pathname}${back.search}`);
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe('/app/cases');
    const page = await (await client.get('/app/cases')).text();
    expect(page).toContain('陈静');
    expect(sandbox.wecom.calls.some((c) => c.path === '/cgi-bin/auth/getuserinfo' && c.status === 200)).toBe(true);
  });

  it('the people list links each person to it, in one window beside the chat', async () => {
    const js = await (await fetch(`${sandbox.bot.url}/sandbox/assets/people-view.js`)).text();
    expect(js).toContain('/app?as=');
    expect(js).toContain("a.target = 'workbench'");
  });

  it('outside the sandbox `as` is ignored: the authorize page lets WeCom say who it is', async () => {
    const res = await fetch(`${plain.bot.url}/app?as=liuyang`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location')!).pathname).toBe('/connect/oauth2/authorize');
  });
});
