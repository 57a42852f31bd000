import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { TEST_WECOM } from '../support/start-test-bot.ts';
import { buildTextMessageXml } from '../../src/wecom/build-callback-xml.ts';
import { storeInbound } from '../../src/db/inbox.ts';

const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('the inbox takes whatever WeCom signs (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: TUESDAY_MORNING });
  });
  afterAll(async () => t?.close());

  it('answers a text with a NUL character 200 and replies politely', async () => {
    const res = await t.post(t.client.textCallback({ from: 'lihua', content: '帮\u0000助' }));
    expect(res.status).toBe(200);
    await t.bot.settle();
    const last = t.wecom.messagesTo('lihua').at(-1)!.content!;
    expect(last).toContain('登记');
    const stored = await t.database.prisma.inboxMessage.findFirst({ where: { fromUser: 'lihua' }, orderBy: { receivedAt: 'desc' } });
    expect(JSON.stringify(stored!.payload)).not.toContain('\\u0000');
  });

  it('strips bidi overrides and control characters from what is stored and shown', async () => {
    const replies = await t.say('lihua', '登记 来人 审核 \u202E甲乙\u202C\u0007 申报\u2066材料\u2069');
    const no = Number(/#(\d+)/.exec(replies[0]!)?.[1]);
    const stored = await t.database.prisma.case.findUniqueOrThrow({ where: { no } });
    expect(stored.applicant).toBe('甲乙');
    expect(stored.matter).toBe('申报材料');
    expect(replies[0]).not.toMatch(/[\u202A-\u202E\u2066-\u2069]|\p{Cc}(?<!\n)/u);
    expect(replies[0]).toContain('甲乙');
  });

  it('stores a signed callback whose XML does not parse raw, answers 200, and shows it to the operator', async () => {
    const inner = '<xml><ToUserName><![CDATA[x]]></ToUserName><FromUserName><![CDATA[lihua]]></FromUserName><Content>unclosed</xml>';
    const res = await t.post(t.client.rawCallback(inner));
    expect(res.status).toBe(200);
    await t.bot.settle();
    const { status, body } = await t.api('/api/inbox/unparsed');
    expect(status).toBe(200);
    expect(body.callbacks).toEqual([expect.objectContaining({ fromUser: 'lihua', raw: inner, reason: 'not well-formed XML' })]);
    // Never worked: no reply, and a redelivery is the same row.
    expect((await t.post(t.client.rawCallback(inner))).status).toBe(200);
    expect((await t.api('/api/inbox/unparsed')).body.callbacks).toHaveLength(1);
    expect(t.logLines.some((l) => l.includes('"level":50') && l.includes('stored raw'))).toBe(true);
  });

  it('stores a message with a 5,000-character MsgId raw instead of as a message', async () => {
    const inner = buildTextMessageXml({ toUser: TEST_WECOM.corpId, fromUser: 'zhaomin', createTime: 1_764_553_800, content: '帮助', msgId: '9'.repeat(5000), agentId: TEST_WECOM.agentId });
    const before = t.wecom.messagesTo('zhaomin').length;
    expect((await t.post(t.client.rawCallback(inner))).status).toBe(200);
    // 2^64 is one too many.
    const over = buildTextMessageXml({ toUser: TEST_WECOM.corpId, fromUser: 'zhaomin', createTime: 1_764_553_801, content: '帮助', msgId: '18446744073709551616', agentId: TEST_WECOM.agentId });
    expect((await t.post(t.client.rawCallback(over))).status).toBe(200);
    await t.bot.settle();
    expect(t.wecom.messagesTo('zhaomin').length).toBe(before);
    expect(await t.database.prisma.inboxMessage.count({ where: { key: { startsWith: 'msg:9999' } } })).toBe(0);
    const unparsed = (await t.api('/api/inbox/unparsed')).body.callbacks.filter((c: { fromUser: string }) => c.fromUser === 'zhaomin');
    expect(unparsed).toHaveLength(2);
    // The largest 64-bit id is a message like any other.
    const max = await t.post(t.client.textCallback({ from: 'zhaomin', content: '帮助', msgId: '18446744073709551615' }));
    expect(max.status).toBe(200);
    await t.bot.settle();
    expect(t.wecom.messagesTo('zhaomin').length).toBe(before + 1);
  });

  it('drops a callback for another app (AgentID) after answering it', async () => {
    const before = await t.database.prisma.inboxMessage.count();
    const inner = buildTextMessageXml({ toUser: TEST_WECOM.corpId, fromUser: 'lihua', createTime: 1_764_553_802, content: '帮助', msgId: '123456789', agentId: TEST_WECOM.agentId + 1 });
    expect((await t.post(t.client.rawCallback(inner))).status).toBe(200);
    await t.bot.settle();
    expect(await t.database.prisma.inboxMessage.count()).toBe(before);
  });

  it('works a redelivery whose first store committed after its answer was lost, and only once', async () => {
    // The database took the row, then went away before saying so: WeCom got a 503 and delivers again.
    const msgId = '7100000000000000042';
    const payload = { kind: 'text', msgId, agentId: TEST_WECOM.agentId, content: '登记 来人 审核 重投甲 申报材料', fromUser: 'zhaomin', createTime: 1_764_553_900 };
    expect(await storeInbound(t.database, { key: `msg:${msgId}`, kind: 'text', fromUser: 'zhaomin', payload })).toBe(true);
    const redelivery = t.client.textCallback({ from: 'zhaomin', content: payload.content, msgId, createTime: payload.createTime });
    expect((await t.post(redelivery)).status).toBe(200);
    await t.bot.settle();
    const replies = () => t.wecom.messagesTo('zhaomin').filter((m) => (m.content ?? JSON.stringify(m.card)).includes('重投甲'));
    expect(replies()).toHaveLength(1);
    // Once worked, a further redelivery changes nothing.
    expect((await t.post(redelivery)).status).toBe(200);
    await t.bot.settle();
    expect(replies()).toHaveLength(1);
    expect(await t.database.prisma.case.count({ where: { applicant: '重投甲' } })).toBe(1);
  });
});
