import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { neutraliseMarkup } from '../../src/messages/outgoing-safety.ts';

const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');
const EVIL = '<a href="http://evil.example/login">点此查看材料</a>';

describe.each(BACKENDS)('what one person types reaches another safe and within 2,048 bytes (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: TUESDAY_MORNING });
  });
  afterAll(async () => t?.close());

  const register = async (from: string, text: string) => Number(/#(\d+)/u.exec((await t.say(from, text))[0] ?? '')?.[1]);

  it('passes markup in a matter to the 转办 recipient as plain text, never as a link', async () => {
    const no = await register('lihua', `登记 来人 审核 张三 ${EVIL}`);
    expect(no).toBeGreaterThan(0);
    const before = t.wecom.messagesTo('zhaomin').length;
    await t.say('lihua', `转办 #${no} 赵敏`);
    const told = t.wecom.messagesTo('zhaomin').slice(before);
    expect(told.length).toBeGreaterThan(0);
    const all = JSON.stringify(told);
    expect(all).not.toContain('<a');
    expect(all).toContain('＜a href');
  });

  it('shows markup in a refusal reason on the leader’s card as text', async () => {
    const no = await register('lihua', '登记 来人 审核 李四 申报材料');
    const before = t.wecom.messagesTo('wangqiang').length;
    await t.say('lihua', `拒绝 #${no} 不符合条件 ${EVIL}`);
    const toLeader = t.wecom.messagesTo('wangqiang').slice(before);
    expect(toLeader.some((m) => m.msgtype === 'template_card')).toBe(true);
    expect(JSON.stringify(toLeader)).not.toContain('<a');
  });

  it('refuses an over-long field with a clear answer and stores nothing', async () => {
    const cases = await t.database.prisma.case.count();
    const [reply] = await t.say('lihua', `登记 来人 审核 ${'甲'.repeat(5000)} 申报材料`);
    expect(reply).toContain('当事人太长了（5000 字），请精简到 50 字以内，未作更改。');
    expect(Buffer.byteLength(reply!)).toBeLessThanOrEqual(2048);
    const [matter] = await t.say('lihua', `登记 来人 审核 王五 ${'乙'.repeat(301)}`);
    expect(matter).toContain('事由太长了（301 字），请精简到 300 字以内');
    expect(await t.database.prisma.case.count()).toBe(cases);
  });

  it('fits every outgoing text into 2,048 bytes, even with every field at its bound', async () => {
    const no = await register('lihua', `登记 来人 审核 ${'丙'.repeat(50)} ${'丁'.repeat(300)}`);
    expect(no).toBeGreaterThan(0);
    await t.say('lihua', `转办 #${no} 赵敏`);
    await t.say('zhaomin', `退回 #${no} ${'戊'.repeat(500)}`);
    await t.say('lihua', `查 #${no}`);
    for (const m of t.wecom.messages) if (m.content !== undefined) expect(Buffer.byteLength(m.content)).toBeLessThanOrEqual(2048);
    expect(await t.database.prisma.outboxMessage.count({ where: { gaveUpAt: { not: null } } })).toBe(0);
  });
});

describe('neutraliseMarkup', () => {
  it('turns every tag opener into ＜ and leaves other < alone', () => {
    expect(neutraliseMarkup('<a href="x">y</a> < A HREF=z> </ a> <!-- c --> 面积<100')).toBe('＜a href="x">y＜/a> ＜ A HREF=z> ＜/ a> ＜!-- c --> 面积<100');
  });
});
