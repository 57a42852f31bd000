import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_PATH } from '../../src/org/demo-org.ts';
import { createWeComApiClient } from '../../src/wecom/api-client.ts';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, TEST_WECOM, type TestBot } from '../support/start-test-bot.ts';
import { openSse } from '../support/read-sse.ts';

// Tuesday 2026-12-01 09:30 China time, a working day.
const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');
const HOUR = 3600_000;

describe.each(BACKENDS)('the sandbox page and its API (%s)', (backend) => {
  let t: TestBot;
  const post = (path: string, body: unknown) =>
    fetch(`${t.bot.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  beforeAll(async () => {
    t = await startTestBot({ backend, now: TUESDAY_MORNING, orgFile: DEMO_ORG_PATH, sandbox: true });
  });
  afterAll(async () => t?.close());

  it('serves the page with its banner and assets, and nothing outside the asset list', async () => {
    const page = await fetch(`${t.bot.url}/sandbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('沙盒模式：未连接企业微信，数据仅供体验');
    for (const asset of ['app.js', 'sandbox.css', 'render-markdown.js', 'render-card.js', 'chat-view.js', 'people-view.js', 'time-view.js']) {
      const res = await fetch(`${t.bot.url}/sandbox/assets/${asset}`);
      expect(res.status, asset).toBe(200);
    }
    expect((await fetch(`${t.bot.url}/sandbox/assets/..%2F..%2Fmain.ts`)).status).toBe(404);
    expect((await fetch(`${t.bot.url}/sandbox/assets/sandbox-routes.ts`)).status).toBe(404);
  });

  it('lists the demo staff with department and role', async () => {
    const { staff } = (await (await fetch(`${t.bot.url}/sandbox/api/staff`)).json()) as { staff: any[] };
    const by = (id: string) => staff.find((p) => p.userid === id);
    expect(by('lihua')).toMatchObject({ name: '李华', department: '科普部', roles: [] });
    expect(by('wangqiang')).toMatchObject({ name: '王强', roles: ['分管领导'], note: '分管 办公室、科普部' });
    expect(by('zhangwei').roles).toContain('主要负责人');
    expect(by('chenjing').roles).toEqual(['部室负责人']);
    expect(by('liuyang').roles).toEqual(['部室负责人', '办公室']);
    expect(by('gaoyan').roles).toEqual(['办公室']);
    expect(staff).toHaveLength(20);
    // Leadership comes first in the picker.
    expect(staff[0].department).toBe('机关领导');
  });

  it('delivers what a person types through the real signed callback and streams the reply', async () => {
    const inboxBefore = await t.database.prisma.inboxMessage.count();
    const stream = await openSse(`${t.bot.url}/sandbox/api/events?userid=lihua`);
    try {
      await stream.waitFor((e) => e.event === 'ready');
      const res = await post('/sandbox/api/say', { userid: 'lihua', text: '登记 来电 咨询 张三 13800000000 科普项目申报条件' });
      expect(res.status).toBe(200);

      // The message went through /wecom/callback: it is in the inbox, decrypted, from lihua.
      const inbox = await t.database.prisma.inboxMessage.findMany({ orderBy: { receivedAt: 'asc' } });
      expect(inbox.length).toBe(inboxBefore + 1);
      expect(inbox.at(-1)).toMatchObject({ kind: 'text', fromUser: 'lihua' });
      expect(t.logLines.join('\n')).toContain('callback stored');

      const said = await stream.waitFor((e) => e.event === 'said');
      expect(JSON.parse(said.data)).toMatchObject({ userid: 'lihua', text: '登记 来电 咨询 张三 13800000000 科普项目申报条件' });
      const reply = await stream.waitFor((e) => e.event === 'message' && e.data.includes('#'));
      // The reply to 登记 is the case's card, streamed as sent.
      const card = JSON.parse(reply.data).card as { main_title: { title: string } };
      expect(card.main_title.title).toMatch(/^已登记 #\d+（咨询，来电）$/);
      expect(t.wecom.messagesTo('lihua').at(-1)?.card).toEqual(card);
      expect(Number(reply.id)).toBeGreaterThan(Number(said.id));
    } finally {
      stream.close();
    }
  });

  it('replays a person\'s history on connect, only theirs, and only what was missed after Last-Event-ID', async () => {
    await post('/sandbox/api/say', { userid: 'luwei', text: '帮助' });
    const lihua = await openSse(`${t.bot.url}/sandbox/api/events?userid=lihua`);
    const luwei = await openSse(`${t.bot.url}/sandbox/api/events?userid=luwei`);
    try {
      await lihua.waitFor((e) => e.event === 'ready');
      await luwei.waitFor((e) => e.event === 'ready');
      expect(lihua.events.some((e) => e.event === 'said' && e.data.includes('科普项目申报条件'))).toBe(true);
      expect(lihua.events.some((e) => e.event === 'said' && e.data.includes('"帮助"'))).toBe(false);
      expect(luwei.events.some((e) => e.event === 'said' && e.data.includes('"帮助"'))).toBe(true);
      expect(luwei.events.some((e) => e.event === 'said' && e.data.includes('科普项目申报条件'))).toBe(false);

      const lastId = lihua.events.filter((e) => e.id).at(-1)!.id!;
      const resumed = await openSse(`${t.bot.url}/sandbox/api/events?userid=lihua`, { 'last-event-id': lastId });
      try {
        await resumed.waitFor((e) => e.event === 'ready');
        expect(resumed.events.filter((e) => e.id)).toEqual([]);
        // Someone else's message shows up as activity (an unread badge), not as a chat line.
        await post('/sandbox/api/say', { userid: 'luwei', text: '待办' });
        const activity = await resumed.waitFor((e) => e.event === 'activity');
        expect(JSON.parse(activity.data)).toEqual({ touser: ['luwei'] });
      } finally {
        resumed.close();
      }
    } finally {
      lihua.close();
      luwei.close();
    }
  });

  it('turns a card button click into a real template_card_event callback with a fresh ResponseCode', async () => {
    // A card as the bot would send it (the refusal cards themselves are issue 4's); the click path is the sandbox's.
    const api = createWeComApiClient({ baseUrl: t.wecom.url, corpId: TEST_WECOM.corpId, secret: TEST_WECOM.secret, agentId: TEST_WECOM.agentId });
    await api.sendTemplateCard(['wangqiang'], {
      card_type: 'button_interaction',
      task_id: 'sandbox-test-card-1',
      main_title: { title: '测试卡片' },
      button_list: [{ text: '同意', style: 1, key: 'approve:1' }],
    });
    const inboxBefore = await t.database.prisma.inboxMessage.count();

    expect((await post('/sandbox/api/click', { userid: 'lihua', taskId: 'sandbox-test-card-1', eventKey: 'approve:1' })).status).toBe(404);
    expect((await post('/sandbox/api/click', { userid: 'wangqiang', taskId: 'no-such-card', eventKey: 'approve:1' })).status).toBe(404);
    const res = await post('/sandbox/api/click', { userid: 'wangqiang', taskId: 'sandbox-test-card-1', eventKey: 'approve:1' });
    expect(res.status).toBe(200);

    const rows = await t.database.prisma.inboxMessage.findMany({ where: { kind: 'card_click' } });
    expect(await t.database.prisma.inboxMessage.count()).toBe(inboxBefore + 1);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fromUser).toBe('wangqiang');
    expect(rows[0]!.payload).toMatchObject({ taskId: 'sandbox-test-card-1', eventKey: 'approve:1', cardType: 'button_interaction' });
    expect((rows[0]!.payload as { responseCode: string }).responseCode).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('rejects malformed requests with 400 and changes nothing', async () => {
    const before = await t.database.prisma.inboxMessage.count();
    expect((await post('/sandbox/api/say', { userid: 'lihua' })).status).toBe(400);
    expect((await post('/sandbox/api/say', { userid: '<script>', text: '帮助' })).status).toBe(400);
    expect((await post('/sandbox/api/click', { userid: 'lihua' })).status).toBe(400);
    expect((await post('/sandbox/api/time', { action: 'hours', hours: -5 })).status).toBe(400);
    expect((await post('/sandbox/api/time', { action: 'back' })).status).toBe(400);
    expect((await fetch(`${t.bot.url}/sandbox/api/events`)).status).toBe(400);
    expect(await t.database.prisma.inboxMessage.count()).toBe(before);
  });

  it('moves the sandbox clock forward only, and tells every open chat', async () => {
    const stream = await openSse(`${t.bot.url}/sandbox/api/events?userid=chenjing`);
    try {
      await stream.waitFor((e) => e.event === 'ready');
      const start = t.clock.now().getTime();
      const shown = (await (await fetch(`${t.bot.url}/sandbox/api/time`)).json()) as { now: string; label: string };
      expect(Math.abs(Date.parse(shown.now) - start)).toBeLessThan(5_000);
      expect(shown.label).toMatch(/^12月1日（周二）09:3\d$/);

      const hour = (await (await post('/sandbox/api/time', { action: 'hours', hours: 1 })).json()) as any;
      expect(t.clock.now().getTime() - start).toBeGreaterThanOrEqual(HOUR);
      expect(t.clock.now().getTime() - start).toBeLessThan(HOUR + 5_000);
      expect(hour.note).toContain('时间前进 1 小时');

      const day = (await (await post('/sandbox/api/time', { action: 'day' })).json()) as any;
      expect(t.clock.now().getTime() - start).toBeGreaterThanOrEqual(25 * HOUR);
      expect(day.label).toMatch(/^12月2日（周三）10:3\d$/);

      const before = t.clock.now().getTime();
      const sentBefore = t.wecom.messages.length + t.wecom.cardUpdates.length;
      const next = (await (await post('/sandbox/api/time', { action: 'next-reminder' })).json()) as any;
      expect(Date.parse(next.now)).toBeGreaterThan(before);
      expect(t.clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse(next.now));
      const sent = t.wecom.messages.length + t.wecom.cardUpdates.length - sentBefore;
      if (!next.ticked) {
        // No scheduler wired in: the next office opening, Thursday 09:00 China time; nothing was sent.
        expect(next.now).toBe('2026-12-03T01:00:00.000Z');
        expect(sent).toBe(0);
      } else if (next.found) {
        // The scheduler acted: the jump stopped at the first half hour after which the bot sent something.
        expect(sent).toBeGreaterThan(0);
        expect(Date.parse(next.now) % (30 * 60_000)).toBe(0);
      } else {
        expect(sent).toBe(0);
        expect(Date.parse(next.now) - before).toBeGreaterThan(7 * 24 * HOUR - 30 * 60_000);
      }

      await stream.waitFor((e) => e.event === 'time' && e.data.includes(next.note));
      const notes = stream.events.filter((e) => e.event === 'time').map((e) => JSON.parse(e.data).note);
      expect(notes).toEqual([hour.note, day.note, next.note]);
    } finally {
      stream.close();
    }
  });
});
