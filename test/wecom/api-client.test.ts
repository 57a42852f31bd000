import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWeComApiClient, type WeComApiClientOptions } from '../../src/wecom/api-client.ts';
import { WeComApiError, WeComNetworkError } from '../../src/wecom/errors.ts';
import { startFakeWeComApiServer, type FakeWeComApiServer } from '../fakes/fake-wecom-server.ts';

const corpId = 'ww-test-corp';
const secret = 'test-secret-value';
const agentId = 1000002;

let server: FakeWeComApiServer;
let sleeps: number[];

beforeEach(async () => {
  server = await startFakeWeComApiServer({ corpId, secret, agentId, knownUsers: ['alice', 'bob', 'carol', 'lead'] });
  sleeps = [];
});
afterEach(async () => {
  await server.close();
});

function client(overrides: Partial<WeComApiClientOptions> = {}) {
  return createWeComApiClient({
    baseUrl: server.url,
    corpId,
    secret,
    agentId,
    retryBaseDelayMs: 10,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}

function callsTo(path: string) {
  return server.calls.filter((c) => c.path === path);
}

const card = (taskId: string) => ({
  card_type: 'button_interaction',
  main_title: { title: 'Approve leave', desc: 'alice' },
  task_id: taskId,
  button_list: [
    { text: 'Approve', style: 1, key: 'approve' },
    { text: 'Reject', style: 2, key: 'reject' },
  ],
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('access token', () => {
  it('is fetched once and cached across many sends', async () => {
    const api = client();
    for (let i = 0; i < 5; i++) await api.sendText(['alice'], `hello ${i}`);
    expect(server.issuedTokenCount).toBe(1);
    expect(callsTo('/cgi-bin/gettoken')).toHaveLength(1);
    expect(server.messagesTo('alice').map((m) => m.content)).toEqual(['hello 0', 'hello 1', 'hello 2', 'hello 3', 'hello 4']);
  });

  it('is refreshed after 42001 and the call retried once', async () => {
    const api = client();
    await api.sendText(['alice'], 'one');
    server.expireTokens();
    await api.sendText(['alice'], 'two');
    expect(server.issuedTokenCount).toBe(2);
    expect(callsTo('/cgi-bin/message/send').map((c) => (c.response as { errcode: number }).errcode)).toEqual([0, 42001, 0]);
    expect(sleeps).toEqual([]);
  });

  it.each([40014, 40082, 42009])('is refreshed after %i too', async (errcode) => {
    const api = client();
    await api.sendText(['alice'], 'one');
    server.failNext({ path: '/cgi-bin/message/send', errcode });
    await api.sendText(['alice'], 'two');
    expect(server.issuedTokenCount).toBe(2);
  });

  it('is refreshed only once per call: a second token error is thrown (retryable later)', async () => {
    const api = client();
    server.failNext({ path: '/cgi-bin/message/send', errcode: 42001, times: 2 });
    const err = await caught(api.sendText(['alice'], 'x'));
    expect(err).toBeInstanceOf(WeComApiError);
    expect(err).toMatchObject({ errcode: 42001, retryable: true });
    expect(callsTo('/cgi-bin/message/send')).toHaveLength(2);
    expect(server.issuedTokenCount).toBe(2);
  });

  it('is fetched by one request for 10 concurrent cold sends (single flight)', async () => {
    const api = client();
    await Promise.all(Array.from({ length: 10 }, (_, i) => api.sendText(['alice'], `m${i}`)));
    expect(server.issuedTokenCount).toBe(1);
    expect(server.messagesTo('alice')).toHaveLength(10);
  });

  it('is refreshed by one request when 10 concurrent sends all hit an expired token', async () => {
    const api = client();
    await api.sendText(['alice'], 'warm up');
    server.expireTokens();
    await Promise.all(Array.from({ length: 10 }, (_, i) => api.sendText(['alice'], `m${i}`)));
    expect(server.issuedTokenCount).toBe(2);
    expect(server.messagesTo('alice')).toHaveLength(11);
  });

  it('is refreshed ahead of expires_in, by the client clock', async () => {
    await server.close();
    server = await startFakeWeComApiServer({ corpId, secret, agentId, tokenExpiresInSec: 7200 });
    let clock = 1_000_000;
    const api = client({ now: () => clock });
    await api.sendText(['alice'], 'a');
    clock += (7200 - 301) * 1000; // just before the 5-minute margin
    await api.sendText(['alice'], 'b');
    expect(server.issuedTokenCount).toBe(1);
    clock += 2000; // inside the margin
    await api.sendText(['alice'], 'c');
    expect(server.issuedTokenCount).toBe(2);
  });

  it('fails without retry on a wrong secret (40001, a configuration error)', async () => {
    const api = client({ secret: 'wrong' });
    const err = await caught(api.sendText(['alice'], 'x'));
    expect(err).toBeInstanceOf(WeComApiError);
    expect(err).toMatchObject({ errcode: 40001, retryable: false, path: '/cgi-bin/gettoken' });
    expect(callsTo('/cgi-bin/gettoken')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('retries', () => {
  it('retries -1 with exponential back-off, then succeeds', async () => {
    const api = client();
    server.failNext({ path: '/cgi-bin/message/send', errcode: -1, times: 2 });
    const result = await api.sendText(['alice'], 'busy');
    expect(result.msgid).not.toBe('');
    expect(sleeps).toEqual([8, 15]); // 10·2^n·(0.5 + 0.5·random)
    expect(callsTo('/cgi-bin/message/send')).toHaveLength(3);
    expect(server.messagesTo('alice')).toHaveLength(1);
  });

  it('gives up on -1 after maxRetries with a retryable error', async () => {
    const api = client({ maxRetries: 2 });
    server.failNext({ path: '/cgi-bin/message/send', errcode: -1, times: 10 });
    const err = await caught(api.sendText(['alice'], 'busy'));
    expect(err).toMatchObject({ name: 'WeComApiError', errcode: -1, retryable: true });
    expect(callsTo('/cgi-bin/message/send')).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('retries 45033 (concurrency) like -1', async () => {
    const api = client();
    server.failNext({ path: '/cgi-bin/message/send', errcode: 45033 });
    await api.sendText(['alice'], 'x');
    expect(sleeps).toHaveLength(1);
  });

  it('does not retry 81013 and says so (all recipients invalid)', async () => {
    const api = client();
    const err = await caught(api.sendText(['ghost'], 'x'));
    expect(err).toBeInstanceOf(WeComApiError);
    expect(err).toMatchObject({ errcode: 81013, retryable: false, path: '/cgi-bin/message/send' });
    expect(callsTo('/cgi-bin/message/send')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each([40056, 60020, 60011, 48002, 44004, 45002, 42014, 42022])('does not retry %i', async (errcode) => {
    const api = client();
    server.failNext({ path: '/cgi-bin/message/send', errcode });
    const err = await caught(api.sendText(['alice'], 'x'));
    expect(err).toMatchObject({ errcode, retryable: false });
    expect(sleeps).toEqual([]);
  });

  it('does not sleep through 45009 (rate limit): throws at once with a retry-after hint for the outbox', async () => {
    const api = client();
    server.failNext({ path: '/cgi-bin/message/send', errcode: 45009 });
    const err = await caught(api.sendText(['alice'], 'x'));
    expect(err).toBeInstanceOf(WeComApiError);
    expect(err).toMatchObject({ errcode: 45009, retryable: true });
    expect((err as WeComApiError).retryAfterMs).toBeGreaterThanOrEqual(60_000);
    expect(sleeps).toEqual([]);
  });

  it('retries HTTP 5xx', async () => {
    const api = client();
    server.failNext({ path: '/cgi-bin/message/send', httpStatus: 502 });
    await api.sendText(['alice'], 'x');
    expect(sleeps).toHaveLength(1);
    expect(server.messagesTo('alice')).toHaveLength(1);
  });

  it('retries a dropped connection', async () => {
    const api = client();
    server.failNext({ path: '/cgi-bin/message/send', dropConnection: true });
    await api.sendText(['alice'], 'x');
    expect(sleeps).toHaveLength(1);
    expect(server.messagesTo('alice')).toHaveLength(1);
  });

  it('retries a dropped gettoken the same way', async () => {
    const api = client();
    server.failNext({ path: '/cgi-bin/gettoken', dropConnection: true });
    await api.sendText(['alice'], 'x');
    expect(server.issuedTokenCount).toBe(1);
    expect(sleeps).toHaveLength(1);
  });

  it('throws a retryable WeComNetworkError when the server is gone', async () => {
    const api = client({ maxRetries: 2 });
    await server.close();
    const err = await caught(api.sendText(['alice'], 'x'));
    expect(err).toBeInstanceOf(WeComNetworkError);
    expect(err).toMatchObject({ retryable: true, code: 'ECONNREFUSED' });
    expect(sleeps).toHaveLength(2);
    server = await startFakeWeComApiServer(); // for afterEach
  });

  it('times out a request that never gets an answer', async () => {
    const api = client({ maxRetries: 0, timeoutMs: 50, fetch: (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))) });
    const err = await caught(api.sendText(['alice'], 'x'));
    expect(err).toMatchObject({ name: 'WeComNetworkError', code: 'TimeoutError', retryable: true });
  });
});

describe('messages', () => {
  it('sends text and markdown to several users and reports invalid ones', async () => {
    const api = client();
    const text = await api.sendText(['alice', 'Nobody'], 'hi');
    expect(text.invalidUsers).toEqual(['nobody']);
    await api.sendMarkdown(['bob', 'carol'], '**due** today');
    expect(server.messagesTo('carol')).toMatchObject([{ msgtype: 'markdown', content: '**due** today', touser: ['bob', 'carol'] }]);
    expect(callsTo('/cgi-bin/message/send')[1]?.body).toEqual({ touser: 'bob|carol', agentid: agentId, msgtype: 'markdown', markdown: { content: '**due** today' } });
  });

  it('sends a card, gets a response_code, and updates the card once with it', async () => {
    const api = client();
    const sent = await api.sendTemplateCard(['lead'], card('leave-2025-000123'));
    expect(sent.responseCode).toEqual(expect.any(String));
    expect(sent.invalidUsers).toEqual([]);
    await api.updateTemplateCard({ userids: ['lead'], responseCode: sent.responseCode ?? '', replaceName: 'Approved' });
    expect(server.cardUpdates).toMatchObject([{ taskId: 'leave-2025-000123', userids: ['lead'], replaceName: 'Approved' }]);

    const again = await caught(api.updateTemplateCard({ userids: ['lead'], responseCode: sent.responseCode ?? '', replaceName: 'Again' }));
    expect(again).toMatchObject({ name: 'WeComApiError', errcode: 42022, retryable: false });
  });

  it('updates a card with the ResponseCode of a click, replacing the whole card', async () => {
    const api = client();
    await api.sendTemplateCard(['lead'], card('case-7'));
    const clickCode = server.issueClickResponseCode('case-7', 'lead');
    const replacement = { ...card('case-7'), button_list: undefined, replace_text: 'Rejected' };
    await api.updateTemplateCard({ userids: ['lead'], responseCode: clickCode, card: replacement });
    expect(server.cardUpdates[0]?.card).toMatchObject({ replace_text: 'Rejected' });
  });

  it('refuses an update with neither or both of card and replaceName', async () => {
    const api = client();
    await expect(api.updateTemplateCard({ userids: ['a'], responseCode: 'x' })).rejects.toThrow(TypeError);
    await expect(api.updateTemplateCard({ userids: ['a'], responseCode: 'x', card: {}, replaceName: 'y' })).rejects.toThrow(TypeError);
  });

  it('refuses an empty recipient list before calling WeCom', async () => {
    await expect(client().sendText([], 'x')).rejects.toThrow(RangeError);
    expect(server.calls).toHaveLength(0);
  });

  it('passes other APIs through call() with the token and extra query', async () => {
    const api = client();
    // An API the look-alike does not serve: its 404 comes back as such, with the query as sent.
    const err = await caught(api.call('GET', '/cgi-bin/tag/get?tagid=7'));
    expect(err).toMatchObject({ name: 'WeComNetworkError', httpStatus: 404, retryable: false });
    expect(server.calls.at(-1)?.query).toEqual({ tagid: '7', access_token: '***' });
  });
});

describe('logging', () => {
  it('logs one line per HTTP call with path, errcode and ms, never the token, secret or content', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const api = client({ log: pino({ level: 'info' }, sink) });
    server.failNext({ path: '/cgi-bin/message/send', errcode: -1 });
    await api.sendText(['alice'], 'top secret content');
    server.failNext({ path: '/cgi-bin/message/send', dropConnection: true });
    await api.sendMarkdown(['alice'], 'more secret content');

    expect(lines.map((l) => [l['path'], l['errcode'] ?? l['error']])).toEqual([
      ['/cgi-bin/gettoken', 0],
      ['/cgi-bin/message/send', -1],
      ['/cgi-bin/message/send', 0],
      ['/cgi-bin/message/send', expect.any(String)],
      ['/cgi-bin/message/send', 0],
    ]);
    for (const line of lines) expect(line['ms']).toEqual(expect.any(Number));
    const text = JSON.stringify(lines);
    expect(text).not.toContain('fake-token');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('secret content');
    expect(text).not.toContain('access_token');
  });
});
