import { afterEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { waitFor } from '../support/wait-for.ts';

/** Start-up calls gettoken and agent/get and logs what it found, or exactly what is wrong (issue 14 item 2). */
describe('the WeCom start-up check', () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const checkLine = async (bot: TestBot) => {
    const line = await waitFor('the start-up check in the log', async () => bot.logLines.find((l) => l.includes('"wecomCheck"')), { timeoutMs: 20_000, intervalMs: 50 });
    return JSON.parse(line) as { level: number; msg: string; wecomCheck: Record<string, unknown> };
  };

  it("logs the app's name, its visible range and that no callback has come yet", async () => {
    t = await startTestBot({ startupCheck: true, fake: { agent: { name: '效能助手', visibleUsers: ['lihua', 'zhaomin'], visibleParties: [2, 3, 4] } } });
    const line = await checkLine(t);
    expect(line.level).toBe(30);
    expect(line.wecomCheck).toMatchObject({ ok: true, app: '效能助手', closed: false, visibleUsers: 2, visibleDepartments: 3, lastCallbackAt: null });
    expect(t.logLines.some((l) => l.includes('no callback has ever arrived') && l.includes('http://bot.test/wecom/callback'))).toBe(true);
    expect(t.wecom.calls.map((c) => c.path)).toEqual(expect.arrayContaining(['/cgi-bin/gettoken', '/cgi-bin/agent/get']));
  });

  it('says exactly what is wrong with a bad secret, and how to fix it', async () => {
    t = await startTestBot({ startupCheck: true, fake: { secret: 'the-real-secret' } });
    const line = await checkLine(t);
    expect(line.level).toBe(50);
    expect(line.wecomCheck).toMatchObject({ ok: false, errcode: 40001, path: '/cgi-bin/gettoken' });
    expect(String(line.wecomCheck['fix'])).toContain('WECOM_SECRET');
  });

  it('names a wrong agent id', async () => {
    t = await startTestBot({ startupCheck: true, fake: { agentId: 1000099 } });
    const line = await checkLine(t);
    expect(line.wecomCheck).toMatchObject({ ok: false, errcode: 40056 });
    expect(String(line.wecomCheck['fix'])).toContain('WECOM_AGENT_ID');
  });
});
