import { afterEach, describe, expect, it } from 'vitest';
import { enqueueOutbound } from '../../src/db/outbox.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

const SEND = '/cgi-bin/message/send';
const STAFF = ['lihua', 'zhaomin', 'liuyang'];

/** WeCom refusing the app's setup pauses the outbox; nothing is given up, and everything goes once it is fixed. */
describe('the outbox pauses on WeCom setup errors and drains when fixed', { timeout: 120_000 }, () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const sendCalls = (bot: TestBot) => bot.wecom.calls.filter((c) => c.path === SEND).length;
  const health = async (bot: TestBot) => {
    const res = await fetch(`${bot.bot.url}/healthz`);
    return { status: res.status, body: (await res.json()) as { ok: boolean; wecom: Record<string, unknown> } };
  };
  /** Moves the test clock in steps, letting the dispatcher's poll run at each. */
  const walk = async (bot: TestBot, totalMs: number, stepMs: number) => {
    for (let done = 0; done < totalMs; done += stepMs) {
      bot.clock.advance(stepMs);
      bot.bot.outbox.kick();
      await bot.bot.settle();
    }
  };
  /** Queues one reply per callback without waiting for it to arrive. */
  // A 登记's reply is a case card; other replies are text.
  const textOf = (m: { content?: string; card?: unknown }) => m.content ?? JSON.stringify(m.card);
  const queueReplies = async (bot: TestBot, n: number) => {
    for (let i = 0; i < n; i++) {
      const res = await bot.post(bot.client.textCallback({ from: STAFF[i % STAFF.length]!, content: `登记 来电 咨询 申请人${i} 事由${i}` }));
      expect(res.status).toBe(200);
    }
    await bot.bot.settle();
  };

  it('60020: 30 replies wait, /healthz says why, one alert, probes at most once a minute; fixed, all 30 arrive once in order', async () => {
    t = await startTestBot({ now: new Date('2026-12-01T10:00:00+08:00') });
    t.wecom.refuse({ errcode: 60020, errmsg: 'not allow to access from your ip' });
    await queueReplies(t, 30);

    expect(t.wecom.messages).toHaveLength(0);
    const rows = await t.database.prisma.outboxMessage.findMany();
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r.gaveUpAt !== null)).toHaveLength(0);
    expect(rows.filter((r) => r.sentAt !== null)).toHaveLength(0);

    const h = await health(t);
    expect(h.status).toBe(200);
    expect(h.body.ok).toBe(true);
    expect(h.body.wecom).toMatchObject({ ok: false, reason: 'setup', errcode: 60020 });
    expect(String(h.body.wecom['fix'])).toContain('企业可信IP');

    // Ten minutes of a still-broken setup: at most one probe a minute, each a single send.
    const before = sendCalls(t);
    await walk(t, 10 * 60_000, 10_000);
    const probes = sendCalls(t) - before;
    expect(probes).toBeGreaterThanOrEqual(4);
    expect(probes).toBeLessThanOrEqual(10);
    const alerts = t.logLines.map((l) => JSON.parse(l) as { level: number; alert?: string }).filter((l) => l.alert === 'wecom_setup');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.level).toBe(50); // pino's error
    expect(await t.database.prisma.outboxMessage.count({ where: { gaveUpAt: { not: null } } })).toBe(0);

    // The operator adds the IP: within two minutes (of the clock) everything has gone, once, in order.
    t.wecom.lift();
    const fixedAt = t.clock.now().getTime();
    await walk(t, 2 * 60_000, 10_000);
    expect(t.wecom.messages).toHaveLength(30);
    expect(Math.max(...t.wecom.messages.map((m) => m.at)) - fixedAt).toBeLessThanOrEqual(2 * 60_000);
    for (const [k, who] of STAFF.entries()) {
      const got = t.wecom.messagesTo(who).map((m) => Number(/申请人(\d+)/.exec(textOf(m))?.[1]));
      expect(got).toEqual(Array.from({ length: 10 }, (_, i) => i * STAFF.length + k));
    }
    expect(await t.database.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
    expect((await health(t)).body.wecom).toEqual({ ok: true });
  });

  it('a refused gettoken (40001) pauses too, and is not asked again in a loop', async () => {
    t = await startTestBot({ now: new Date('2026-12-01T10:00:00+08:00') });
    t.wecom.refuse({ errcode: 40001, errmsg: 'invalid credential', paths: ['/cgi-bin/gettoken'] });
    t.wecom.expireTokens();
    await queueReplies(t, 5);
    const tokenCalls = () => t!.wecom.calls.filter((c) => c.path === '/cgi-bin/gettoken').length;
    expect(tokenCalls()).toBeLessThanOrEqual(2);
    expect((await health(t)).body.wecom).toMatchObject({ ok: false, errcode: 40001 });
    await walk(t, 5 * 60_000, 10_000);
    expect(tokenCalls()).toBeLessThanOrEqual(7);
    expect(await t.database.prisma.outboxMessage.count({ where: { gaveUpAt: { not: null } } })).toBe(0);
    t.wecom.lift();
    await walk(t, 2 * 60_000, 10_000);
    expect(t.wecom.messages).toHaveLength(5);
  });

  it('45009 waits out the window: a minute, then an hour, then sends', async () => {
    t = await startTestBot({ now: new Date('2026-12-01T10:00:00+08:00') });
    t.wecom.rateLimit('hour');
    await queueReplies(t, 3);
    const row = await t.database.prisma.outboxMessage.findFirstOrThrow({ orderBy: { id: 'asc' } });
    expect(row.notBefore.getTime() - t.clock.now().getTime()).toBeGreaterThanOrEqual(59_000);
    expect((await health(t)).body.wecom).toMatchObject({ ok: false, reason: 'rate_limited', errcode: 45009 });
    await walk(t, 61_000, 61_000);
    // The second refusal in a row is taken as the hour window (the probe may have been another row).
    const latest = await t.database.prisma.outboxMessage.findFirstOrThrow({ orderBy: { notBefore: 'desc' } });
    expect(latest.notBefore.getTime() - t.clock.now().getTime()).toBeGreaterThanOrEqual(3599_000);
    expect(t.wecom.messages).toHaveLength(0);
    expect(sendCalls(t)).toBe(2); // one refused try per window, not one per row
    await walk(t, 3600_000, 600_000);
    expect(t.wecom.messages).toHaveLength(3);
    expect(await t.database.prisma.outboxMessage.count({ where: { gaveUpAt: { not: null } } })).toBe(0);
  });

  it('45033 lowers the number of parallel sends and retries', async () => {
    t = await startTestBot({ now: new Date('2026-12-01T10:00:00+08:00') });
    t.wecom.failNext({ path: SEND, errcode: 45033, errmsg: 'api concurrent out of limit' });
    await queueReplies(t, 3);
    await walk(t, 2_000, 1_000);
    expect(t.wecom.messages).toHaveLength(3);
    expect(t.logLines.some((l) => l.includes('fewer in parallel') && l.includes('"lanes":2'))).toBe(true);
  });

  it.each([40003, 44004, 45002])('a permanent error of one message (%i) gives that message up with a record, the rest go', async (errcode) => {
    t = await startTestBot({ now: new Date('2026-12-01T10:00:00+08:00') });
    t.wecom.failNext({ path: SEND, errcode });
    await queueReplies(t, 2);
    const rows = await t.database.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rows[0]!.gaveUpAt).not.toBeNull();
    expect(rows[0]!.lastError).toContain(String(errcode));
    expect(rows[1]!.sentAt).not.toBeNull();
    expect((await health(t)).body.wecom).toEqual({ ok: true });
  });

  it('a 3-hour outage (HTTP 500, then 60020): every reply queued during it arrives once after', async () => {
    t = await startTestBot({ now: new Date('2026-12-01T09:00:00+08:00') });
    t.wecom.refuse({ httpStatus: 500 });
    // Replies queued through the whole outage, not only at its start.
    for (let hour = 0; hour < 3; hour++) {
      await queueReplies(t, 4);
      await walk(t, 3600_000, 5 * 60_000);
    }
    expect((await health(t)).body.wecom).toMatchObject({ ok: false, reason: 'unreachable' });
    t.wecom.lift();
    t.wecom.refuse({ errcode: 60020 });
    await queueReplies(t, 3);
    await walk(t, 30 * 60_000, 60_000);
    expect(t.wecom.messages).toHaveLength(0);
    expect(await t.database.prisma.outboxMessage.count({ where: { gaveUpAt: { not: null } } })).toBe(0);
    t.wecom.lift();
    await walk(t, 2 * 60_000, 10_000);
    const contents = t.wecom.messages.map(textOf);
    expect(contents).toHaveLength(15);
    expect(new Set(contents).size).toBe(15);
    expect(await t.database.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
  });

  it('a row retried for longer than the retry period is given up with its record', async () => {
    t = await startTestBot({ now: new Date('2026-12-01T10:00:00+08:00'), outbox: { retryForMs: 3600_000 } });
    t.wecom.refuse({ httpStatus: 502, paths: [SEND] });
    await enqueueOutbound(t.database.prisma, [{ key: 'old-reply', toUser: 'lihua', kind: 'text', payload: { content: '一条旧回复' } }]);
    t.bot.outbox.kick();
    await t.bot.settle();
    await walk(t, 2 * 3600_000, 5 * 60_000);
    const row = await t.database.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'old-reply' } });
    expect(row.gaveUpAt).not.toBeNull();
    expect(row.lastError).toContain('HTTP 502');
  });
});
