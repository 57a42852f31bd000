import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');

/** Typed commands, menu items and 帮助 by role, through the real webhook. */
describe('one command, whatever the surface', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: TUESDAY_MORNING });
  });
  afterAll(async () => t?.close());

  const click = async (from: string, eventKey: string): Promise<string[]> => {
    const before = t.wecom.messagesTo(from).length;
    const res = await t.post(t.client.eventCallback({ from, event: 'click', eventKey }));
    expect(res.status).toBe(200);
    await t.bot.settle();
    return t.wecom.messagesTo(from).slice(before).map((m) => m.content ?? '');
  };

  it('answers a menu item with the same handler as the typed command', async () => {
    await t.say('lihua', '登记 来电 咨询 张三 13800000000 科普项目申报条件');
    const [typed] = await t.say('lihua', '待办');
    const [tapped] = await click('lihua', 'todo');
    expect(typed).toContain('您有 1 件待办');
    expect(tapped).toBe(typed);
  });

  it('says what to send for a menu item that needs more than a tap, and changes nothing', async () => {
    const before = await t.database.prisma.case.count();
    const [prompt] = await click('lihua', 'register');
    expect(prompt).toBe('请发送：登记 [渠道] 类别 当事人 [电话] 事由\n例如：登记 来电 咨询 张三 13800000000 科普项目申报条件');
    expect(await t.database.prisma.case.count()).toBe(before);
  });

  it('shows each person in 帮助 the commands their roles allow', async () => {
    const [clerk] = await t.say('lihua', '帮助');
    expect(clerk).toContain('登记 [渠道] 类别');
    expect(clerk).not.toContain('同意 #编号');
    expect(clerk).not.toContain('答复投诉');
    const [leader] = await t.say('wangqiang', '帮助');
    expect(leader).toContain('同意 #编号');
    const [office] = await t.say('liuyang', '帮助');
    expect(office).toContain('答复投诉 编号');
    const [guest] = await t.say('stranger', '帮助');
    expect(guest).toContain('指南 事项');
    expect(guest).not.toContain('登记');
  });

  it('refuses a role-restricted command before it runs, for a typed message and a menu item alike', async () => {
    const [typed] = await t.say('lihua', '答复投诉 1 属实 已核实');
    expect(typed).toBe('抱歉，效能投诉由办公室答复，您不是办公室工作人员，未作任何更改。');
    const [guest] = await click('stranger', 'todo');
    expect(guest).toContain('不在本单位的工作人员名单中');
  });
});
