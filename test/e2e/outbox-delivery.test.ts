import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

describe('replies leave through the durable outbox', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: new Date('2026-12-01T10:00:00+08:00') });
  });
  afterAll(async () => t?.close());

  const lastRow = () => t.database.prisma.outboxMessage.findFirstOrThrow({ orderBy: { id: 'desc' } });

  it('sends each reply once, with one access token for many sends', async () => {
    for (let i = 0; i < 3; i++) await t.say('lihua', '帮助');
    expect(t.wecom.messagesTo('lihua')).toHaveLength(3);
    expect(t.wecom.issuedTokenCount).toBe(1);
    expect(await t.database.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
  });

  it('retries a busy WeCom (-1) and a dropped connection, and delivers', async () => {
    t.wecom.failNext({ path: '/cgi-bin/message/send', errcode: -1, times: 1 });
    t.wecom.failNext({ path: '/cgi-bin/message/send', dropConnection: true, times: 1 });
    const before = t.wecom.messagesTo('lihua').length;
    await t.say('lihua', '待办');
    // One retry layer, the outbox's: each failure waits its back-off (2 s, then 4 s) on the clock.
    expect(t.wecom.messagesTo('lihua')).toHaveLength(before);
    for (const wait of [2_001, 4_001]) {
      t.clock.advance(wait);
      t.bot.outbox.kick();
      await t.bot.settle();
    }
    expect(t.wecom.messagesTo('lihua')).toHaveLength(before + 1);
    expect((await lastRow()).sentAt).not.toBeNull();
  });

  it('refetches an expired token and sends', async () => {
    t.wecom.expireTokens();
    const replies = await t.say('lihua', '待办');
    expect(replies).toHaveLength(1);
    expect(t.wecom.issuedTokenCount).toBe(2);
  });

  it('gives up on a permanent error (81013) with a record, and does not retry', async () => {
    t.wecom.failNext({ path: '/cgi-bin/message/send', errcode: 81013, errmsg: 'user & party & tag all invalid', times: 1 });
    const calls = t.wecom.calls.length;
    await t.post(t.client.textCallback({ from: 'lihua', content: '帮助' }));
    await t.bot.settle();
    const row = await lastRow();
    expect(row.sentAt).toBeNull();
    expect(row.gaveUpAt).not.toBeNull();
    expect(row.lastError).toContain('81013');
    expect(t.wecom.calls.slice(calls).filter((c) => c.path === '/cgi-bin/message/send')).toHaveLength(1);
  });

  it('waits out a rate-limit window (45009) instead of hammering WeCom', async () => {
    t.wecom.failNext({ path: '/cgi-bin/message/send', errcode: 45009, times: 1 });
    await t.post(t.client.textCallback({ from: 'lihua', content: '帮助' }));
    await t.bot.settle();
    const row = await lastRow();
    expect(row.sentAt).toBeNull();
    expect(row.lastError).toContain("45009");
    expect(row.gaveUpAt).toBeNull();
    expect(row.notBefore.getTime() - t.clock.now().getTime()).toBeGreaterThanOrEqual(59_000);
    t.clock.advance(61_000);
    t.bot.outbox.kick();
    await t.bot.settle();
    expect((await t.database.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).sentAt).not.toBeNull();
  });
});
