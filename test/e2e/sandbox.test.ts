import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_PATH } from '../../src/org/demo-org.ts';
import { createWeComApiClient } from '../../src/wecom/api-client.ts';
import { SandboxHub } from '../../src/sandbox/sandbox-hub.ts';
import { readChatHistory } from '../../src/sandbox/sandbox-history.ts';
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
    for (const asset of ['app.js', 'sandbox.css', 'render-markdown.js', 'render-card.js', 'chat-view.js', 'people-view.js', 'time-view.js', 'shared-stream.js']) {
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
      const content = JSON.parse(reply.data).content as string;
      expect(content).toMatch(/#\d+/);
      expect(t.wecom.messagesTo('lihua').at(-1)?.content).toBe(content);
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

  it('streams everyone\'s lines on one shared stream, each with the id its history line has', async () => {
    const all = await openSse(`${t.bot.url}/sandbox/api/events`);
    try {
      await all.waitFor((e) => e.event === 'ready');
      const seen = all.events.length;
      expect((await post('/sandbox/api/say', { userid: 'gaoyan', text: '帮助' })).status).toBe(200);
      expect((await post('/sandbox/api/say', { userid: 'sunli', text: '待办' })).status).toBe(200);
      const fresh = () => all.events.slice(seen).map((e) => JSON.parse(e.data));
      await all.waitFor((e) => e.event === 'message' && e.data.includes('"sunli"'));
      expect(fresh().filter((e) => e.kind === 'said').map((e) => [e.userid, e.text])).toEqual([
        ['gaoyan', '帮助'],
        ['sunli', '待办'],
      ]);
      // No activity events on the shared stream: every line is there, and the page badges them itself.
      expect(all.events.some((e) => e.event === 'activity')).toBe(false);

      const history = (await (await fetch(`${t.bot.url}/sandbox/api/history?userid=sunli`)).json()) as { seq: number; events: any[] };
      const streamed = fresh().filter((e) => e.kind === 'said' ? e.userid === 'sunli' : e.touser?.includes('sunli'));
      expect(streamed.length).toBeGreaterThanOrEqual(2);
      for (const line of streamed) expect(history.events.map((e) => e.id)).toContain(line.id);
      expect(streamed[0].id).toMatch(/^said:\d{19}$/);
      expect(streamed[1].id).toMatch(/^msg:/);
      expect(history.seq).toBeGreaterThanOrEqual(Math.max(...streamed.map((e) => e.seq)));
      expect(history.events.some((e) => e.kind === 'said' && e.userid !== 'sunli')).toBe(false);
    } finally {
      all.close();
    }
  });

  it('builds a chat\'s history from the inbox and outbox: what was said and sent is there without the memory', async () => {
    const stream = await openSse(`${t.bot.url}/sandbox/api/events?userid=lihua`);
    try {
      await stream.waitFor((e) => e.event === 'ready');
      expect((await post('/sandbox/api/say', { userid: 'lihua', text: '查 #1' })).status).toBe(200);
    } finally {
      stream.close();
    }
    // A hub that starts empty, as after a restart: everything but the time jumps comes from the database.
    const emptyHub = new SandboxHub(t.wecom, t.clock);
    try {
      const fromDb = await readChatHistory(t.database.prisma, emptyHub, 'lihua');
      const live = (await (await fetch(`${t.bot.url}/sandbox/api/history?userid=lihua`)).json()) as { events: any[] };
      const lines = (h: { events: any[] }) => h.events.filter((e) => e.kind !== 'time').map((e) => [e.id, e.kind, e.text ?? e.content ?? e.card?.task_id]);
      expect(lines(fromDb)).toEqual(lines(live));
      expect(lines(fromDb).map((l) => l[2])).toContain('查 #1');
      expect(fromDb.events.every((e) => e.seq === 0)).toBe(true);
    } finally {
      emptyHub.close();
    }
  });

  it('says in Chinese why a message did not go, and takes the line back out of the chat', async () => {
    const before = await t.database.prisma.inboxMessage.count();
    const long = await post('/sandbox/api/say', { userid: 'lihua', text: '查'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { message: string }).message).toBe('消息太长，最多 2000 字，请删减后再发送');
    const empty = await post('/sandbox/api/say', { userid: 'lihua', text: '  ' });
    expect(((await empty.json()) as { message: string }).message).toBe('消息不能为空');

    const stream = await openSse(`${t.bot.url}/sandbox/api/events?userid=lihua`);
    try {
      await stream.waitFor((e) => e.event === 'ready');
      // The bot stops answering: the sandbox posts its callbacks to a port where nothing listens.
      t.sandbox!.attach({ url: 'http://127.0.0.1:9', settle: async () => undefined });
      const res = await post('/sandbox/api/say', { userid: 'lihua', text: '待办' });
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ error: 'bot_unreachable', message: '机器人暂时没有响应，消息未送达，请稍后重试' });
      const said = JSON.parse((await stream.waitFor((e) => e.event === 'said' && e.data.includes('"待办"'))).data);
      const unsaid = JSON.parse((await stream.waitFor((e) => e.event === 'unsaid')).data);
      expect(unsaid).toMatchObject({ userid: 'lihua', said: said.id });
      const history = (await (await fetch(`${t.bot.url}/sandbox/api/history?userid=lihua`)).json()) as { events: any[] };
      expect(history.events.map((e) => e.id)).not.toContain(said.id);
    } finally {
      t.sandbox!.attach(t.bot);
      stream.close();
    }
    expect(await t.database.prisma.inboxMessage.count()).toBe(before);
  });

  it('rejects malformed requests with 400 and changes nothing', async () => {
    const before = await t.database.prisma.inboxMessage.count();
    expect((await post('/sandbox/api/say', { userid: 'lihua' })).status).toBe(400);
    expect((await post('/sandbox/api/say', { userid: '<script>', text: '帮助' })).status).toBe(400);
    expect((await post('/sandbox/api/click', { userid: 'lihua' })).status).toBe(400);
    expect((await post('/sandbox/api/time', { action: 'hours', hours: -5 })).status).toBe(400);
    expect((await post('/sandbox/api/time', { action: 'back' })).status).toBe(400);
    expect((await fetch(`${t.bot.url}/sandbox/api/events?userid=%3Cx%3E`)).status).toBe(400);
    expect((await fetch(`${t.bot.url}/sandbox/api/history`)).status).toBe(400);
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
