import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWeComApiClient } from '../../src/wecom/api-client.ts';
import { startFakeWeComApiServer, type FakeWeComApiServer, type SentMessage } from '../fakes/fake-wecom-server.ts';

let clock: number;
let server: FakeWeComApiServer;

beforeEach(async () => {
  clock = Date.UTC(2025, 0, 6, 1, 0, 0);
  server = await startFakeWeComApiServer({ corpId: 'ww1', secret: 's1', agentId: 7, now: () => clock });
});
afterEach(async () => {
  await server.close();
});

async function token(): Promise<string> {
  const res = await fetch(`${server.url}/cgi-bin/gettoken?corpid=ww1&corpsecret=s1`);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function post(path: string, body: unknown, accessToken?: string): Promise<Record<string, unknown>> {
  const query = accessToken === undefined ? '' : `?access_token=${encodeURIComponent(accessToken)}`;
  const res = await fetch(`${server.url}${path}${query}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
}

const card = (overrides: Record<string, unknown> = {}) => ({
  card_type: 'button_interaction',
  main_title: { title: 'Approve' },
  task_id: 'task-1',
  button_list: [
    { text: 'Yes', key: 'yes' },
    { text: 'No', key: 'no' },
  ],
  ...overrides,
});

async function sendCard(template_card: unknown, tok?: string) {
  return post('/cgi-bin/message/send', { touser: 'lead', msgtype: 'template_card', agentid: 7, template_card }, tok ?? (await token()));
}

describe('fake WeCom server: gettoken and tokens', () => {
  it('checks corpid and secret and issues tokens with expires_in', async () => {
    expect(await (await fetch(`${server.url}/cgi-bin/gettoken?corpid=nope&corpsecret=s1`)).json()).toMatchObject({ errcode: 40013 });
    expect(await (await fetch(`${server.url}/cgi-bin/gettoken?corpid=ww1&corpsecret=nope`)).json()).toMatchObject({ errcode: 40001 });
    const ok = (await (await fetch(`${server.url}/cgi-bin/gettoken?corpid=ww1&corpsecret=s1`)).json()) as Record<string, unknown>;
    expect(ok).toMatchObject({ errcode: 0, expires_in: 7200, access_token: expect.any(String) });
    expect(server.issuedTokenCount).toBe(1);
  });

  it('answers 41001 without a token, 40014 for an unknown one, 42001 once expired by clock or on demand', async () => {
    const body = { touser: 'a', msgtype: 'text', agentid: 7, text: { content: 'x' } };
    expect(await post('/cgi-bin/message/send', body)).toMatchObject({ errcode: 41001 });
    expect(await post('/cgi-bin/message/send', body, 'made-up')).toMatchObject({ errcode: 40014 });
    const t = await token();
    expect(await post('/cgi-bin/message/send', body, t)).toMatchObject({ errcode: 0 });
    clock += 7200_000;
    expect(await post('/cgi-bin/message/send', body, t)).toMatchObject({ errcode: 42001 });
    const t2 = await token();
    server.expireTokens();
    expect(await post('/cgi-bin/message/send', body, t2)).toMatchObject({ errcode: 42001 });
  });
});

describe('fake WeCom server: message/send', () => {
  it('validates agentid, msgtype, content and its 2048-byte limit', async () => {
    const t = await token();
    const send = (b: Record<string, unknown>) => post('/cgi-bin/message/send', { touser: 'a', agentid: 7, ...b }, t);
    expect(await send({ agentid: 8, msgtype: 'text', text: { content: 'x' } })).toMatchObject({ errcode: 40056 });
    expect(await send({ msgtype: 'voice' })).toMatchObject({ errcode: 40008 });
    expect(await send({ msgtype: 'text', text: {} })).toMatchObject({ errcode: 44004 });
    expect(await send({ msgtype: 'markdown', markdown: { content: '字'.repeat(683) } })).toMatchObject({ errcode: 45002 }); // 2049 bytes
    expect(await send({ msgtype: 'markdown', markdown: { content: 'x'.repeat(2048) } })).toMatchObject({ errcode: 0 });
    expect(await send({ touser: '', msgtype: 'text', text: { content: 'x' } })).toMatchObject({ errcode: 40058 });
    expect(await post('/cgi-bin/message/send', 'not json', t)).toMatchObject({ errcode: 47001 });
  });

  it('answers a button_interaction card with msgid and a response_code', async () => {
    const res = await sendCard(card());
    expect(res).toMatchObject({ errcode: 0, msgid: expect.any(String), response_code: expect.any(String) });
    expect(server.findCard('task-1')).toMatchObject({ taskId: 'task-1', responseCode: res['response_code'] });
  });

  it.each([
    ['missing', { task_id: undefined }],
    ['empty', { task_id: '' }],
    ['with a forbidden character', { task_id: 'case#12' }],
    ['with a space', { task_id: 'case 12' }],
    ['longer than 128 bytes', { task_id: 'a'.repeat(129) }],
  ])('rejects a task_id %s with 42014', async (_name, overrides) => {
    expect(await sendCard(card(overrides))).toMatchObject({ errcode: 42014 });
  });

  it('accepts a task_id of 128 bytes from the allowed alphabet', async () => {
    expect(await sendCard(card({ task_id: `aZ09_-@${'x'.repeat(121)}` }))).toMatchObject({ errcode: 0 });
  });

  it('rejects a reused task_id with 42014, even after clear()', async () => {
    expect(await sendCard(card())).toMatchObject({ errcode: 0 });
    expect(await sendCard(card())).toMatchObject({ errcode: 42014 });
    server.clear();
    expect(await sendCard(card())).toMatchObject({ errcode: 42014 });
  });

  it('does not burn a task_id on a card rejected for another reason', async () => {
    expect(await sendCard(card({ main_title: undefined }))).toMatchObject({ errcode: 40058 });
    expect(await sendCard(card())).toMatchObject({ errcode: 0 });
  });

  it('checks button_list: 1..6 buttons, keys present and unique', async () => {
    const b = (key: string) => ({ text: key, key });
    expect(await sendCard(card({ task_id: 't1', button_list: [] }))).toMatchObject({ errcode: 40058 });
    expect(await sendCard(card({ task_id: 't2', button_list: ['1', '2', '3', '4', '5', '6', '7'].map(b) }))).toMatchObject({ errcode: 40058 });
    expect(await sendCard(card({ task_id: 't3', button_list: [b('a'), b('a')] }))).toMatchObject({ errcode: 42018 });
    expect(await sendCard(card({ task_id: 't4', button_list: [{ text: 'no key' }] }))).toMatchObject({ errcode: 42017 });
    expect(await sendCard(card({ task_id: 't5', button_list: ['1', '2', '3', '4', '5', '6'].map(b) }))).toMatchObject({ errcode: 0 });
  });
});

describe('fake WeCom server: update_template_card', () => {
  const update = async (response_code: string) =>
    post('/cgi-bin/message/update_template_card', { userids: ['lead'], agentid: 7, response_code, button: { replace_name: 'Done' } }, await token());

  it('accepts a fresh code once, then answers 42022', async () => {
    const code = String((await sendCard(card()))['response_code']);
    expect(await update(code)).toMatchObject({ errcode: 0 });
    expect(await update(code)).toMatchObject({ errcode: 42022 });
  });

  it('answers 42022 for an unknown or expired code', async () => {
    expect(await update('never-issued')).toMatchObject({ errcode: 42022 });
    const code = String((await sendCard(card()))['response_code']);
    // Valid 72 h (94945, version of 2025-07-24), not the 24 h of older copies.
    clock += 71 * 3600_000;
    const kept = String((await sendCard(card({ task_id: 'task-kept' })))['response_code']);
    clock += 3600_000;
    expect(await update(code)).toMatchObject({ errcode: 42022 });
    expect(await update(kept)).toMatchObject({ errcode: 0 });
    expect(server.cardUpdates).toHaveLength(1);
    clock += 72 * 3600_000;
    expect(await update(kept)).toMatchObject({ errcode: 42022 });
    expect(server.cardUpdates).toHaveLength(1);
  });

  it('accepts the ResponseCode of a simulated click, which is independent of the send code', async () => {
    const sendCode = String((await sendCard(card()))['response_code']);
    const clickCode = server.issueClickResponseCode('task-1', 'lead');
    expect(clickCode).not.toBe(sendCode);
    expect(await update(clickCode)).toMatchObject({ errcode: 0 });
    expect(await update(sendCode)).toMatchObject({ errcode: 0 });
    expect(() => server.issueClickResponseCode('task-1', 'stranger')).toThrow();
    expect(() => server.issueClickResponseCode('no-such-task', 'lead')).toThrow();
  });

  it('requires replace_name or a template_card', async () => {
    const code = String((await sendCard(card()))['response_code']);
    const res = await post('/cgi-bin/message/update_template_card', { userids: ['lead'], agentid: 7, response_code: code }, await token());
    expect(res).toMatchObject({ errcode: 42020 });
    expect(await update(code)).toMatchObject({ errcode: 0 }); // a rejected update does not use the code up
  });
});

describe('fake WeCom server: recording, failures and subscribers', () => {
  it('records calls with the token and secret redacted', async () => {
    await token();
    expect(server.calls[0]).toMatchObject({ method: 'GET', path: '/cgi-bin/gettoken', query: { corpid: 'ww1', corpsecret: '***' }, status: 200, at: clock });
    server.clear();
    expect(server.calls).toHaveLength(0);
  });

  it('tells subscribers about each message and card update as it arrives, until they unsubscribe', async () => {
    const seen: SentMessage[] = [];
    const updates: string[] = [];
    const stop = server.onMessage((m) => seen.push(m));
    server.onCardUpdate((u) => updates.push(u.replaceName ?? ''));
    server.onMessage(() => {
      throw new Error('a broken subscriber must not break the API');
    });
    const api = createWeComApiClient({ baseUrl: server.url, corpId: 'ww1', secret: 's1', agentId: 7 });
    await api.sendText(['alice'], 'one');
    const sent = await api.sendTemplateCard(['lead'], card());
    await api.updateTemplateCard({ userids: ['lead'], responseCode: sent.responseCode ?? '', replaceName: 'Done' });
    stop();
    await api.sendText(['alice'], 'two');
    expect(seen.map((m) => m.content ?? m.taskId)).toEqual(['one', 'task-1']);
    expect(updates).toEqual(['Done']);
    expect(server.messagesTo('alice')).toHaveLength(2);
  });

  it('fails on demand: errcode, HTTP status and times, for the given path only', async () => {
    server.failNext({ path: '/cgi-bin/message/send', errcode: 45009, times: 2 });
    server.failNext({ httpStatus: 503 });
    const first = await fetch(`${server.url}/cgi-bin/gettoken?corpid=ww1&corpsecret=s1`);
    expect(first.status).toBe(503);
    const t = await token();
    const body = { touser: 'a', msgtype: 'text', agentid: 7, text: { content: 'x' } };
    expect(await post('/cgi-bin/message/send', body, t)).toMatchObject({ errcode: 45009 });
    expect(await post('/cgi-bin/message/send', body, t)).toMatchObject({ errcode: 45009 });
    expect(await post('/cgi-bin/message/send', body, t)).toMatchObject({ errcode: 0 });
  });

  it('drops the connection on demand', async () => {
    server.failNext({ dropConnection: true });
    await expect(fetch(`${server.url}/cgi-bin/gettoken?corpid=ww1&corpsecret=s1`)).rejects.toThrow();
    expect(server.calls[0]?.status).toBe(0);
    await expect(token()).resolves.toEqual(expect.any(String));
  });
});
