/** Issue 12 item 1: `npm run wecom:menu` installs the app menu through menu/create; its clicks run the commands. */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWeComApiClient } from '../../src/wecom/api-client.ts';
import { WeComApiError } from '../../src/wecom/errors.ts';
import { menuViolations } from '../../src/wecom/menu-limits.ts';
import { startTestBot, TEST_WECOM, type TestBot } from '../support/start-test-bot.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts/wecom-menu.ts');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/loader.mjs');
const run = promisify(execFile);
const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');

const menuScript = async (env: Record<string, string>, args: string[] = []) => {
  // Its own folder: a developer's .env must not leak into the run.
  const cwd = await mkdtemp(path.join(tmpdir(), 'xn-menu-'));
  return run(process.execPath, ['--import', TSX, SCRIPT, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );
};

const bytes = (s: unknown) => Buffer.byteLength(String(s), 'utf8');

describe('the app menu', { timeout: 120_000 }, () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: TUESDAY_MORNING });
  });
  afterAll(async () => t?.close());

  const wecomEnv = () => ({
    WECOM_CORP_ID: TEST_WECOM.corpId,
    WECOM_AGENT_ID: String(TEST_WECOM.agentId),
    WECOM_SECRET: TEST_WECOM.secret,
    WECOM_TOKEN: TEST_WECOM.token,
    WECOM_ENCODING_AES_KEY: TEST_WECOM.encodingAESKey,
    WECOM_API_BASE: t.wecom.url,
    PUBLIC_BASE_URL: 'http://bot.test',
  });

  const click = async (from: string, eventKey: string): Promise<string[]> => {
    // One tap a second, as a person taps: events are told apart by sender, second and key (PROTOCOL.md §2).
    t.clock.set(new Date(t.clock.now().getTime() + 1000));
    const before = t.wecom.messagesTo(from).length;
    const res = await t.post(t.client.eventCallback({ from, event: 'click', eventKey }));
    expect(res.status).toBe(200);
    await t.bot.settle();
    return t.wecom.messagesTo(from).slice(before).map((m) => m.content ?? JSON.stringify(m.card));
  };

  it('installs a menu that keeps WeCom’s limits, and each click runs its command as if typed', async () => {
    const installed = await menuScript(wecomEnv());
    expect(installed.stderr).toBe('');
    expect(installed).toMatchObject({ code: 0, stdout: '已为应用 1000002 安装菜单：登记 | 我的待办 | 更多（请假、销假、服务指南、工作台、帮助）。\n' });

    const calls = t.wecom.calls.filter((c) => c.path === '/cgi-bin/menu/create');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST', query: { agentid: '1000002' }, response: { errcode: 0 } });
    // WeCom's limits, read off what was sent: 1–3 top items, 1–5 sub-items, names 16 / 40 bytes.
    const top = (calls[0]!.body as { button: Record<string, any>[] }).button;
    expect(top.length).toBeGreaterThanOrEqual(1);
    expect(top.length).toBeLessThanOrEqual(3);
    for (const b of top) {
      expect(bytes(b['name'])).toBeLessThanOrEqual(16);
      const subs = (b['sub_button'] ?? []) as Record<string, any>[];
      expect(subs.length).toBeLessThanOrEqual(5);
      for (const s of subs) expect(bytes(s['name'])).toBeLessThanOrEqual(40);
      for (const item of b['sub_button'] ? subs : [b]) {
        if (item['type'] === 'click') expect(bytes(item['key'])).toBeLessThanOrEqual(128);
        else expect(item).toMatchObject({ type: 'view', url: expect.stringMatching(/^https?:\/\//) });
      }
    }
    expect(t.wecom.menu).toEqual(top);
    expect(top).toEqual([
      { type: 'click', name: '登记', key: 'register' },
      { type: 'click', name: '我的待办', key: 'todo' },
      {
        name: '更多',
        sub_button: [
          { type: 'click', name: '请假', key: 'leave' },
          { type: 'click', name: '销假', key: 'endLeave' },
          { type: 'click', name: '服务指南', key: 'guide' },
          { type: 'view', name: '工作台', url: 'http://bot.test/app' },
          { type: 'click', name: '帮助', key: 'help' },
        ],
      },
    ]);

    // 我的待办 is 待办: the same answer as typing it.
    await t.say('lihua', '登记 来电 咨询 张三 13800000000 科普项目申报条件');
    const [typed] = await t.say('lihua', '待办');
    expect(typed).toContain('您有 1 件待办');
    expect(await click('lihua', 'todo')).toEqual([typed]);
    // Every click key of the menu is a command: nothing answers 没有这个命令.
    const keys = top.flatMap((b) => [b, ...((b['sub_button'] ?? []) as Record<string, any>[])]).filter((b) => b['type'] === 'click').map((b) => String(b['key']));
    expect(keys).toHaveLength(6);
    const typedAnswers: Record<string, string[]> = {
      help: await t.say('lihua', '帮助'),
      endLeave: await t.say('lihua', '销假'),
      todo: [typed!],
    };
    for (const key of keys) {
      const answer = await click('lihua', key);
      expect(answer, key).toHaveLength(1);
      expect(answer[0], key).not.toContain('这个命令');
      if (typedAnswers[key]) expect(answer, key).toEqual(typedAnswers[key]);
    }
    expect(await click('lihua', 'leave')).toEqual(['请发送：请假 起 止 [事由]\n例如：请假 12月1日 12月3日 年休假']);
  });

  it('prints the menu without sending it in sandbox mode or with --print', async () => {
    const before = t.wecom.calls.length;
    const sandbox = await menuScript({ PUBLIC_BASE_URL: 'https://xn.example.gov.cn' });
    expect(sandbox.code).toBe(0);
    expect(sandbox.stdout).toContain('未配置 WECOM_CORP_ID（沙盒模式），菜单未发送。');
    expect(sandbox.stdout).toContain('"url": "https://xn.example.gov.cn/app"');
    const printed = await menuScript(wecomEnv(), ['--print']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout).button).toHaveLength(3);
    expect(t.wecom.calls.length).toBe(before);
  });

  it('refuses a menu over the limits: the check lists every problem, the fake answers WeCom’s errcode', async () => {
    const tooMuch = {
      button: [
        { type: 'click', name: '一二三四五六', key: 'todo' },
        { name: '更多', sub_button: Array.from({ length: 6 }, (_, i) => ({ type: 'click', name: `项${i}`, key: `k${i}` })) },
        { type: 'view', name: '工作台', url: 'ftp://bot.test/app' },
        { type: 'click', name: '帮助', key: 'help' },
      ],
    };
    expect(menuViolations(tooMuch)).toEqual(['button must list 1..3 items']);
    expect(menuViolations({ button: tooMuch.button.slice(0, 3) })).toEqual([
      'button[0].name "一二三四五六" has 18 bytes (max 16)',
      'button[1].sub_button must list 1..5 items',
      'button[2].url must be an http(s) URL for view',
    ]);
    expect(menuViolations({ button: [{ name: '更多', sub_button: [{ type: 'click', name: '一二三四五六七八九十一二三四', key: 'x' }] }] })).toEqual([
      'button[0].sub_button[0].name "一二三四五六七八九十一二三四" has 42 bytes (max 40)',
    ]);

    const api = createWeComApiClient({ baseUrl: t.wecom.url, corpId: TEST_WECOM.corpId, secret: TEST_WECOM.secret, agentId: TEST_WECOM.agentId, retryBaseDelayMs: 1 });
    const errcodeOf = (menu: object) => api.createMenu(menu).then(() => 0, (e: unknown) => (e instanceof WeComApiError ? e.errcode : -999));
    const installed = t.wecom.menu;
    expect(await errcodeOf(tooMuch)).toBe(40016);
    expect(await errcodeOf({ button: [tooMuch.button[0]] })).toBe(40018);
    expect(await errcodeOf({ button: [tooMuch.button[1]] })).toBe(40023);
    expect(await errcodeOf({ button: [{ name: '更多', sub_button: [{ type: 'click', name: '一二三四五六七八九十一二三四', key: 'x' }] }] })).toBe(40025);
    expect(await errcodeOf({ button: [{ type: 'view', name: '工作台', url: `http://bot.test/${'a'.repeat(250)}` }] })).toBe(40020);
    // A refused menu leaves the installed one as it was.
    expect(t.wecom.menu).toBe(installed);
  });

  it('answers a voice, image, file or location message with what the bot understands, and a view event not at all', async () => {
    const cases = await t.database.prisma.case.count();
    const parts: Record<string, string> = {
      voice: '<MediaId><![CDATA[m1]]></MediaId><Format><![CDATA[amr]]></Format>',
      image: '<PicUrl><![CDATA[http://p/1.jpg]]></PicUrl><MediaId><![CDATA[m2]]></MediaId>',
      file: '<MediaId><![CDATA[m3]]></MediaId>',
      location: '<Location_X>37.38</Location_X><Location_Y>117.97</Location_Y><Scale>15</Scale><Label><![CDATA[滨州]]></Label>',
    };
    let id = 9_100_000_000_000_000_000n;
    for (const [type, extra] of Object.entries(parts)) {
      const before = t.wecom.messagesTo('lihua').length;
      const xml = `<xml><ToUserName><![CDATA[${TEST_WECOM.corpId}]]></ToUserName><FromUserName><![CDATA[lihua]]></FromUserName><CreateTime>${Math.floor(t.clock.now().getTime() / 1000)}</CreateTime><MsgType><![CDATA[${type}]]></MsgType>${extra}<MsgId>${String(id++)}</MsgId><AgentID>${TEST_WECOM.agentId}</AgentID></xml>`;
      expect((await t.post(t.client.rawCallback(xml))).status).toBe(200);
      await t.bot.settle();
      expect(t.wecom.messagesTo('lihua').slice(before).map((m) => m.content), type).toEqual(['您好，目前只能处理文字消息。发送“帮助”可查看可用指令。']);
    }
    const before = t.wecom.messagesTo('lihua').length;
    expect((await t.post(t.client.eventCallback({ from: 'lihua', event: 'view', eventKey: 'http://bot.test/app' }))).status).toBe(200);
    await t.bot.settle();
    expect(t.wecom.messagesTo('lihua').length).toBe(before);
    expect(await t.database.prisma.case.count()).toBe(cases);
  });
});
