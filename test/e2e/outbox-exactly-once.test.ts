import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueOutbound } from '../../src/db/outbox.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

const SEND = '/cgi-bin/message/send';

/** A reply WeCom processed but whose answer was lost reaches its person once (issue 14 item 3). */
describe('a lost answer from WeCom does not send a reply twice', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: new Date('2026-12-01T10:00:00+08:00') });
  });
  afterAll(async () => t?.close());

  const sendBodies = () => t.wecom.calls.filter((c) => c.path === SEND).map((c) => c.body as Record<string, unknown>);
  const retry = async () => {
    t.clock.advance(2_001);
    t.bot.outbox.kick();
    await t.bot.settle();
  };

  it('a text: the retry asks WeCom to drop the duplicate, and the person gets it once', async () => {
    t.wecom.failNext({ path: SEND, lostReply: true });
    const calls = sendBodies().length;
    await t.post(t.client.textCallback({ from: 'lihua', content: '待办' }));
    await t.bot.settle();
    expect(t.wecom.messagesTo('lihua')).toHaveLength(1); // WeCom delivered it ...
    const row = await t.database.prisma.outboxMessage.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(row.sentAt).toBeNull(); // ... but the bot never heard so
    await retry();
    expect(t.wecom.messagesTo('lihua')).toHaveLength(1);
    expect((await t.database.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).sentAt).not.toBeNull();
    const [first, second] = sendBodies().slice(calls);
    expect(first).not.toHaveProperty('enable_duplicate_check');
    expect(second).toMatchObject({ enable_duplicate_check: 1 });
    expect(Number(second!['duplicate_check_interval'])).toBeGreaterThanOrEqual(60);
    expect(Number(second!['duplicate_check_interval'])).toBeLessThanOrEqual(4 * 3600);
  });

  it('the same text to the same person as a new reply is sent again (no duplicate check on a first send)', async () => {
    const before = t.wecom.messagesTo('lihua').length;
    await t.say('lihua', '待办');
    expect(t.wecom.messagesTo('lihua')).toHaveLength(before + 1);
  });

  it('a card: its task_id is stable per row, so 42014 on the retry means it was delivered', async () => {
    t.wecom.failNext({ path: SEND, lostReply: true });
    const card = { card_type: 'button_interaction', main_title: { title: '测试卡片' }, task_id: 'xn-test-lost-1', button_list: [{ text: '好', key: 'ok' }] };
    await enqueueOutbound(t.database.prisma, [{ key: 'card-lost', toUser: 'wangqiang', kind: 'template_card', payload: { card } }]);
    t.bot.outbox.kick();
    await t.bot.settle();
    await retry();
    const row = await t.database.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'card-lost' } });
    expect(row.sentAt).not.toBeNull();
    expect(row.gaveUpAt).toBeNull();
    expect(row.result).toMatchObject({ deliveredEarlier: true });
    expect(t.wecom.messagesTo('wangqiang').filter((m) => m.taskId === 'xn-test-lost-1')).toHaveLength(1);
    expect(t.wecom.calls.at(-1)?.response).toMatchObject({ errcode: 42014 });
  });

  it('a card sent for the first time with a used task_id is still an error, given up with its record', async () => {
    const card = { card_type: 'button_interaction', main_title: { title: '测试卡片' }, task_id: 'xn-test-lost-1', button_list: [{ text: '好', key: 'ok' }] };
    await enqueueOutbound(t.database.prisma, [{ key: 'card-reused', toUser: 'wangqiang', kind: 'template_card', payload: { card } }]);
    t.bot.outbox.kick();
    await t.bot.settle();
    const row = await t.database.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'card-reused' } });
    expect(row.gaveUpAt).not.toBeNull();
    expect(row.lastError).toContain('42014');
  });
});
