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

  it('explains one command with its example on 帮助 <命令>', async () => {
    const [one] = await t.say('lihua', '帮助 退回');
    expect(one).toBe('退回 #编号 理由（退回转办人）\n例如：退回 #12 不属本部门职责，应由学会部办理');
    // A leader-only command is not explained to a clerk: the list comes instead.
    const [notMine] = await t.say('lihua', '帮助 同意');
    expect(notMine).toContain('效能助手命令');
  });

  it('refuses a role-restricted command before it runs, for a typed message and a menu item alike', async () => {
    const [typed] = await t.say('lihua', '答复投诉 1 属实 已核实');
    expect(typed).toBe('抱歉，效能投诉由办公室答复，您不是办公室工作人员，未作任何更改。');
    const [guest] = await click('stranger', 'todo');
    expect(guest).toContain('不在本单位的工作人员名单中');
  });
});

describe('登记 … 即答: a consultation answered on the spot is one step', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: TUESDAY_MORNING });
  });
  afterAll(async () => t?.close());

  it('registers and finishes the case at once, marked immediate, on time', async () => {
    const [reply] = await t.say('lihua', '登记 来电 咨询 张三 13800000000 科普项目申报条件 即答 已告知申报条件和截止日期');
    const no = Number(/#(\d+)/u.exec(reply ?? '')?.[1]);
    expect(reply).toBe(
      [
        `已登记并办结 #${no}（咨询，来电），即时答复。`,
        '当事人：张三 13800000000',
        '事由：科普项目申报条件',
        '答复：已告知申报条件和截止日期',
        '承办人：李华（首问责任人）',
      ].join('\n'),
    );
    const { body } = await t.api(`/api/cases/${no}`);
    expect(body).toMatchObject({ status: 'DONE', handler: 'lihua', result: '已告知申报条件和截止日期' });
    expect(body.history.map((e: any) => e.action)).toEqual(['registered', 'finished']);
    expect(body.history[1].detail).toMatchObject({ immediate: true, onTime: true });
    // Nothing is left to do, and nothing will remind anyone.
    expect((await t.say('lihua', '待办'))[0]).toBe('您目前没有待办案件。');
  });

  it('creates no case when the answer is missing', async () => {
    const before = await t.database.prisma.case.count();
    const [reply] = await t.say('lihua', '登记 来电 咨询 张三 会员费标准 即答');
    expect(reply).toContain('请写上答复内容');
    expect(await t.database.prisma.case.count()).toBe(before);
  });
});
