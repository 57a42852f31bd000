import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueOutbound } from '../../src/db/outbox.ts';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

/** WeCom silently drops a member's 31st message of a minute: the outbox must hold it back instead. */
describe.each(BACKENDS)("the outbox keeps under WeCom's per-member limits (%s)", (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: new Date('2026-09-21T09:00:00+08:00') });
  });
  afterAll(async () => t?.close());

  it('sends 30 in a minute to one member, holds the rest a minute, and sends them then', async () => {
    const now = t.clock.now();
    await enqueueOutbound(
      t.database.prisma,
      Array.from({ length: 45 }, (_, i) => ({ key: `limit-test:${i}`, toUser: 'zhaomin', kind: 'text' as const, payload: { content: `第${i + 1}条` }, notBefore: now })),
    );
    // Another member is not held back by zhaomin's limit.
    await enqueueOutbound(t.database.prisma, [{ key: 'limit-test:other', toUser: 'lihua', kind: 'text', payload: { content: '另一位' }, notBefore: now }]);
    t.bot.outbox.kick();
    await t.bot.settle();
    expect(t.wecom.messagesTo('zhaomin')).toHaveLength(30);
    expect(t.wecom.messagesTo('zhaomin').map((m) => m.content)).toEqual(Array.from({ length: 30 }, (_, i) => `第${i + 1}条`));
    expect(t.wecom.messagesTo('lihua')).toHaveLength(1);

    const held = await t.database.prisma.outboxMessage.findMany({ where: { toUser: 'zhaomin', sentAt: null } });
    expect(held).toHaveLength(15);
    const firstSent = (await t.database.prisma.outboxMessage.findFirstOrThrow({ where: { toUser: 'zhaomin', sentAt: { not: null } }, orderBy: { sentAt: 'asc' } })).sentAt!;
    for (const row of held) {
      expect(row.attempts).toBe(0); // holding back is not a failed attempt
      expect(row.gaveUpAt).toBeNull();
      expect(row.notBefore.getTime()).toBeGreaterThanOrEqual(firstSent.getTime() + 60_000);
    }

    // Within the minute nothing more goes.
    t.clock.advance(30_000);
    t.bot.outbox.kick();
    await t.bot.settle();
    expect(t.wecom.messagesTo('zhaomin')).toHaveLength(30);

    t.clock.advance(31_000);
    t.bot.outbox.kick();
    await t.bot.settle();
    expect(t.wecom.messagesTo('zhaomin')).toHaveLength(45);
    expect(t.wecom.messagesTo('zhaomin').map((m) => m.content).slice(30)).toEqual(Array.from({ length: 15 }, (_, i) => `第${i + 31}条`));
  });
});
