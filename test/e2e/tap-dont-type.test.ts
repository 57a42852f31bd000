/** Issue 12: people who do not know the command syntax — a sentence, a hello, opening the app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { stateOf } from '../support/lifecycle-helpers.ts';

const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('a sentence, a hello, opening the app (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: TUESDAY_MORNING });
  });
  afterAll(async () => t?.close());

  const sentTo = (userid: string, since: number) => t.wecom.messagesTo(userid).slice(since);
  const updatesOf = (taskId: string) => t.wecom.cardUpdates.filter((u) => u.taskId === taskId);
  async function click(from: string, taskId: string, eventKey: string, responseCode = t.wecom.issueClickResponseCode(taskId, from)): Promise<string[]> {
    const before = t.wecom.messagesTo(from).length;
    const res = await t.post(t.client.cardClickCallback({ from, taskId, eventKey, responseCode }));
    expect(res.status).toBe(200);
    await t.bot.settle();
    return sentTo(from, before).map((m) => m.content ?? JSON.stringify(m.card));
  }
  const casesAndEvents = async () => [await t.database.prisma.case.findMany(), await t.database.prisma.caseEvent.count()];
  /** Sends a sentence and returns the task_id of the suggestion card it got. */
  async function suggest(from: string, sentence: string): Promise<string> {
    const before = t.wecom.messagesTo(from).length;
    await t.say(from, sentence);
    const [card, ...more] = sentTo(from, before);
    expect(more).toEqual([]);
    expect(card?.msgtype).toBe('template_card');
    return card!.taskId!;
  }

  it('offers the 登记 a sentence means on a card, registers it once on 确认登记, and never twice', async () => {
    const before = await stateOf(t);
    const taskId = await suggest('lihua', '张三13800000000来电咨询科普项目申报');
    // Offering registers nothing.
    expect(await stateOf(t)).toEqual(before);
    expect(t.wecom.findCard(taskId)!.card).toMatchObject({
      card_type: 'button_interaction',
      main_title: { title: '要登记这件事吗？' },
      horizontal_content_list: [
        { keyname: '当事人', value: '张三' },
        { keyname: '电话', value: '13800000000' },
        { keyname: '渠道', value: '来电' },
        { keyname: '类别', value: '咨询' },
        { keyname: '事由', value: '咨询科普项目申报' },
      ],
      quote_area: { quote_text: '登记 来电 咨询 张三 13800000000 咨询科普项目申报' },
      button_list: [
        { text: '确认登记', key: 'confirm' },
        { text: '修改后发送', key: 'edit' },
        { text: '不用了', key: 'dismiss' },
      ],
    });

    // Someone else's click changes nothing.
    const [notMine] = await click('zhaomin', taskId, 'confirm', 'a-code-for-someone-else');
    expect(notMine).toBe('这张卡片是发给其他同事的，您不能操作，未作更改。');
    expect(await stateOf(t)).toEqual(before);

    const code = await click('lihua', taskId, 'confirm');
    const [registered] = code;
    const no = Number(/已登记 #(\d+)/u.exec(registered ?? '')?.[1]);
    expect(no).toBeGreaterThan(0);
    expect((await t.api(`/api/cases/${no}`)).body).toMatchObject({ applicant: '张三', phone: '13800000000', matter: '咨询科普项目申报', class: 'consultation', channel: 'phone', handler: 'lihua' });
    expect(updatesOf(taskId)).toEqual([expect.objectContaining({ card: expect.objectContaining({ replace_text: '已确认登记' }) })]);

    const cases = await t.database.prisma.case.count();
    const [again] = await click('lihua', taskId, 'confirm');
    expect(again).toBe('这张卡片已确认登记过，未重复登记。发送“待办”可查看。');
    const [other] = await click('lihua', taskId, 'dismiss');
    expect(other).toBe('这张卡片已确认登记过，未重复登记。发送“待办”可查看。');
    expect(await t.database.prisma.case.count()).toBe(cases);
  });

  it('gives the command to copy and change on 修改后发送, and registers nothing on 不用了', async () => {
    const before = await casesAndEvents();
    const edit = await suggest('lihua', '李四来信反映会员费问题');
    expect(await click('lihua', edit, 'edit')).toEqual(['请复制下面的命令，修改后发送：\n登记 来信 维权 李四 反映会员费问题']);
    expect(updatesOf(edit).at(-1)?.card).toMatchObject({ replace_text: '已改为手动发送' });
    const dismiss = await suggest('lihua', '来电：王五咨询学会成立条件');
    expect(await click('lihua', dismiss, 'dismiss')).toEqual(['好的，未登记。']);
    expect(await click('lihua', dismiss, 'confirm')).toEqual(['这张卡片已处理过，未作更改。']);
    expect(await casesAndEvents()).toEqual(before);
  });

  it('answers a sentence it cannot read as before, with no card, and a guest gets no offer to register', async () => {
    const [unread] = await t.say('lihua', '张三来电说了会员费的事');
    expect(unread).toContain('这个命令。\n发送“帮助”查看全部命令。');
    const [guest] = await t.say('stranger', '张三来电咨询科普项目申报');
    expect(guest).toContain('这个命令');
    expect(await t.database.prisma.actionCard.count({ where: { toUser: 'stranger' } })).toBe(0);
  });

  it('answers a hello with what the bot can do', async () => {
    const [hello] = await t.say('lihua', '你好！');
    expect(hello).toContain('李华，您好！我是效能助手');
    expect(hello).toContain('登记 来电 咨询 张三 事由');
    const [guest] = await t.say('stranger', '您好');
    expect(guest).toContain('指南 事项名称');
    expect(guest).not.toContain('登记');
  });

  it('greets a person who opens the app with their open items, once a day', async () => {
    const enter = async (from: string) => {
      const before = t.wecom.messagesTo(from).length;
      expect((await t.post(t.client.eventCallback({ from, event: 'enter_agent' }))).status).toBe(200);
      await t.bot.settle();
      return sentTo(from, before).map((m) => m.content ?? '');
    };
    await t.say('lihua', '登记 来电 咨询 赵六 会员费标准');
    expect(await enter('lihua')).toEqual([expect.stringMatching(/^李华，您好！您有 \d+ 件待办。发送“待办”查看。$/u)]);
    expect(await enter('lihua')).toEqual([]);
    expect(await enter('zhaomin')).toEqual([expect.stringContaining('赵敏，您好！我是效能助手')]);
    t.clock.set(new Date('2026-12-02T09:00:00+08:00'));
    expect(await enter('lihua')).toHaveLength(1);
    t.clock.set(TUESDAY_MORNING);
  });
});
