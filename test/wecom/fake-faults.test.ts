import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeWeComApiServer, type FakeWeComApiServer } from '../fakes/fake-wecom-server.ts';

let clock: number;
let server: FakeWeComApiServer;

beforeEach(async () => {
  clock = Date.UTC(2026, 11, 1, 2, 0, 0); // 10:00 China time
  server = await startFakeWeComApiServer({ corpId: 'ww1', secret: 's1', agentId: 7, now: () => clock, agent: { name: 'app', visibleUsers: ['a'], visibleParties: [2] } });
});
afterEach(async () => server.close());

async function token(): Promise<string> {
  const res = await fetch(`${server.url}/cgi-bin/gettoken?corpid=ww1&corpsecret=s1`);
  return ((await res.json()) as { access_token: string }).access_token;
}
async function post(path: string, body: unknown, tok: string) {
  const res = await fetch(`${server.url}${path}?access_token=${encodeURIComponent(tok)}`, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const text = (content: string, extra: Record<string, unknown> = {}) => ({ touser: 'a', msgtype: 'text', agentid: 7, text: { content }, ...extra });
const card = (taskId: string) => ({ touser: 'a|b', msgtype: 'template_card', agentid: 7, template_card: { card_type: 'button_interaction', main_title: { title: 'T' }, task_id: taskId, button_list: [{ text: 'ok', key: 'ok' }] } });

describe('fake WeCom: standing faults', () => {
  it('refuse(60020) fails every call but gettoken until lifted', async () => {
    const tok = await token();
    server.refuse({ errcode: 60020 });
    expect((await post('/cgi-bin/message/send', text('x'), tok)).json).toMatchObject({ errcode: 60020 });
    expect(await token()).toMatch(/^fake-token/);
    expect(server.messages).toHaveLength(0);
    server.lift();
    expect((await post('/cgi-bin/message/send', text('x'), tok)).json).toMatchObject({ errcode: 0 });
  });

  it('an HTTP outage until an instant ends by itself', async () => {
    const tok = await token();
    server.refuse({ httpStatus: 500, until: clock + 3600_000 });
    expect((await post('/cgi-bin/message/send', text('x'), tok)).status).toBe(500);
    clock += 3600_000;
    expect((await post('/cgi-bin/message/send', text('x'), tok)).status).toBe(200);
  });

  it.each([
    ['minute', 60_000],
    ['hour', 3600_000],
    ['day', 14 * 3600_000], // 10:00 to the next China midnight
  ] as const)('rateLimit(%s) answers 45009 until the window ends', async (window, ms) => {
    server.rateLimit(window);
    clock += ms - 1;
    expect((await post('/cgi-bin/message/send', text('x'), await token())).json).toMatchObject({ errcode: 45009 });
    clock += 1;
    expect((await post('/cgi-bin/message/send', text('x'), await token())).json).toMatchObject({ errcode: 0 });
  });

  it('a lost reply: the message is delivered, the caller gets no answer', async () => {
    const tok = await token();
    server.failNext({ path: '/cgi-bin/message/send', lostReply: true });
    await expect(post('/cgi-bin/message/send', text('x'), tok)).rejects.toThrow();
    expect(server.messages).toHaveLength(1);
  });

  it('latency: delivered at once, answered late', async () => {
    const tok = await token();
    server.setLatency(300);
    const started = Date.now();
    const answer = post('/cgi-bin/message/send', text('x'), tok);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.messages).toHaveLength(1);
    expect((await answer).json).toMatchObject({ errcode: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('fake WeCom: enable_duplicate_check', () => {
  it('drops the same message within the interval, only when asked', async () => {
    const tok = await token();
    const first = (await post('/cgi-bin/message/send', text('same'), tok)).json;
    expect((await post('/cgi-bin/message/send', text('same'), tok)).json).toMatchObject({ errcode: 0 });
    expect(server.messages).toHaveLength(2); // no check asked: sent again
    const dup = (await post('/cgi-bin/message/send', text('same', { enable_duplicate_check: 1, duplicate_check_interval: 60 }), tok)).json;
    expect(dup).toMatchObject({ errcode: 0 });
    expect(server.messages).toHaveLength(2);
    expect(dup['msgid']).not.toBe(first['msgid']); // the latest copy's id
    clock += 61_000;
    await post('/cgi-bin/message/send', text('same', { enable_duplicate_check: 1, duplicate_check_interval: 60 }), tok);
    expect(server.messages).toHaveLength(3);
  });
});

describe('fake WeCom: agent/get and card updates', () => {
  it('agent/get answers the configured app and refuses another agentid', async () => {
    const tok = await token();
    const res = await fetch(`${server.url}/cgi-bin/agent/get?access_token=${tok}&agentid=7`);
    expect(await res.json()).toMatchObject({ errcode: 0, name: 'app', allow_userinfos: { user: [{ userid: 'a' }] }, allow_partys: { partyid: [2] }, close: 0 });
    const other = await fetch(`${server.url}/cgi-bin/agent/get?access_token=${tok}&agentid=8`);
    expect(await other.json()).toMatchObject({ errcode: 40056 });
  });

  it('checks the app, the card type and the recipients of an update', async () => {
    const tok = await token();
    const sent = (await post('/cgi-bin/message/send', card('t-1'), tok)).json;
    const code = String(sent['response_code']);
    const update = (body: Record<string, unknown>) => post('/cgi-bin/message/update_template_card', { userids: ['a'], agentid: 7, response_code: code, ...body }, tok);
    expect((await update({ agentid: 8, button: { replace_name: 'done' } })).json).toMatchObject({ errcode: 42015 });
    expect((await update({ template_card: { card_type: 'text_notice', main_title: { title: 'T' } } })).json).toMatchObject({ errcode: 40058 });
    expect((await update({ userids: ['nobody'], button: { replace_name: 'done' } })).json).toMatchObject({ errcode: 81013 });
    const ok = (await update({ userids: ['a', 'stranger'], button: { replace_name: 'done' } })).json;
    expect(ok).toMatchObject({ errcode: 0, invaliduser: 'stranger' });
    expect(server.cardUpdates.at(-1)?.userids).toEqual(['a']);
  });
});
