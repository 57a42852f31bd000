/** Issue 12 item 2: the reply to 登记 is a card for the handler; its buttons run the commands they stand for. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { caseJson, stateOf } from '../support/lifecycle-helpers.ts';

const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('case cards (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: TUESDAY_MORNING });
  });
  afterAll(async () => t?.close());

  /** 登记 through the webhook: the one card it answers with. */
  async function registerCard(from: string, text: string) {
    const before = t.wecom.messagesTo(from).length;
    await t.say(from, text);
    const sent = t.wecom.messagesTo(from).slice(before);
    expect(sent.map((m) => m.msgtype)).toEqual(['template_card']);
    const card = sent[0]!.card!;
    const no = Number(/^已登记 #(\d+)/u.exec(String((card['main_title'] as { title: string }).title))?.[1]);
    expect(no).toBeGreaterThan(0);
    return { card, taskId: sent[0]!.taskId!, no };
  }
  async function click(from: string, taskId: string, eventKey: string, responseCode = t.wecom.issueClickResponseCode(taskId, from)) {
    // One tap a second, as people tap (events are told apart by sender and second, PROTOCOL.md §2).
    t.clock.set(new Date(t.clock.now().getTime() + 1000));
    const before = t.wecom.messagesTo(from).length;
    const updates = t.wecom.cardUpdates.length;
    const res = await t.post(t.client.cardClickCallback({ from, taskId, eventKey, responseCode }));
    expect(res.status).toBe(200);
    await t.bot.settle();
    return { replies: t.wecom.messagesTo(from).slice(before).map((m) => m.content ?? JSON.stringify(m.card)), updates: t.wecom.cardUpdates.slice(updates) };
  }

  it('answers 登记 with a button_interaction card of the case, and 已答复，办结 finishes a consultation once', async () => {
    const { card, taskId, no } = await registerCard('lihua', '登记 来电 咨询 张三 13800000000 科普项目申报条件');
    expect(card).toMatchObject({
      card_type: 'button_interaction',
      main_title: { title: `已登记 #${no}（咨询，来电）`, desc: '办理中' },
      sub_title_text: '能即时答复的请即时答复；不能即时答复的，办理期限：12月4日（周五）24:00前',
      horizontal_content_list: [
        { keyname: '当事人', value: '张三 13800000000' },
        { keyname: '事由', value: '科普项目申报条件' },
        { keyname: '承办人', value: '李华（首问责任人）' },
        { keyname: '期限', value: '12月4日（周五）24:00' },
      ],
      quote_area: { quote_text: `办结请发送：办结 #${no} 办理结果` },
      task_id: taskId,
      button_list: [
        { text: '已答复，办结', key: 'finish' },
        { text: '填写结果办结', type: 1, url: `http://bot.test/app/cases/${no}/finish` },
        { text: '补正材料', type: 1, url: `http://bot.test/app/cases/${no}/materials` },
        { text: '转办', type: 1, url: `http://bot.test/app/cases/${no}/transfer` },
        { text: '我的待办', key: 'todo' },
      ],
    });
    expect(card).not.toHaveProperty('replace_text');
    // The text that goes out should WeCom refuse the card keeps the command hint.
    const row = await t.database.prisma.outboxMessage.findFirst({ where: { kind: 'template_card', toUser: 'lihua' }, orderBy: { id: 'desc' } });
    expect((row!.payload as { fallback: string }).fallback).toContain(`办结请发送：办结 #${no} 办理结果`);

    // Someone else's tap changes nothing.
    const untouched = await stateOf(t);
    expect((await click('zhaomin', taskId, 'finish', 'someone-elses-code')).replies).toEqual(['这张卡片是发给其他同事的，您不能操作，未作更改。']);
    expect(await stateOf(t)).toEqual(untouched);

    const first = await click('lihua', taskId, 'finish');
    expect(first.replies).toEqual([`#${no} 已办结。结果：已答复当事人咨询`]);
    expect(await caseJson(t, no)).toMatchObject({ status: 'DONE', result: '已答复当事人咨询', handler: 'lihua' });
    expect(first.updates).toHaveLength(1);
    expect(first.updates[0]!.card).toMatchObject({
      task_id: taskId,
      main_title: { title: `已登记 #${no}（咨询，来电）`, desc: '已办结' },
      replace_text: '已办结',
      horizontal_content_list: expect.arrayContaining([{ keyname: '结果', value: '已答复当事人咨询' }]),
    });

    // A second tap (a stale copy) changes nothing: the command refuses as a typed 办结 would; the card already shows 已办结.
    const done = await stateOf(t);
    const second = await click('lihua', taskId, 'finish');
    expect(second.replies).toHaveLength(1);
    expect(second.replies[0]).toContain(`#${no} 未能办理，原因如下：`);
    expect(await stateOf(t)).toEqual(done);
    expect(second.updates).toEqual([]);
  });

  it('runs 待办 from the card as typed, and offers links, not a one-tap 办结, for a case that needs a result', async () => {
    const { card, taskId, no } = await registerCard('lihua', '登记 来人 KP-01 李四 科普项目申报');
    expect(card['button_list']).toEqual([
      { text: '填写结果办结', style: 2, type: 1, url: `http://bot.test/app/cases/${no}/finish` },
      { text: '补正材料', style: 2, type: 1, url: `http://bot.test/app/cases/${no}/materials` },
      { text: '转办', style: 2, type: 1, url: `http://bot.test/app/cases/${no}/transfer` },
      { text: '申请延期', style: 2, type: 1, url: `http://bot.test/app/cases/${no}/extend` },
      { text: '不予办理', style: 2, type: 1, url: `http://bot.test/app/cases/${no}/refuse` },
      { text: '我的待办', style: 2, key: 'todo' },
    ]);
    const [typed] = await t.say('lihua', '待办');
    const tapped = await click('lihua', taskId, 'todo');
    expect(tapped.replies).toEqual([typed]);
    expect(tapped.updates.map((u) => u.card?.['main_title'])).toEqual([{ title: `已登记 #${no}（KP-01 科普项目申报材料受理，来人）`, desc: '办理中' }]);
    const before = await stateOf(t);
    // The card has no one-tap 办结 (the standard answer would be wrong here); a forged key is refused and changes nothing.
    expect((await click('lihua', taskId, 'finish-everything')).replies).toEqual([`#${no} 卡片上没有这个按钮，未作更改。发送“查 #${no}”可查看详情。`]);
    expect(await stateOf(t)).toEqual(before);

    // After a typed 补正 a tap shows the paused case, with 材料已补齐, which runs 补齐.
    await t.say('lihua', `补正 #${no} 1`);
    const refreshed = await click('lihua', taskId, 'todo');
    expect(refreshed.updates.at(-1)?.card).toMatchObject({ main_title: { desc: '待补正材料（计时暂停）' }, button_list: [{ text: '材料已补齐', key: 'complete' }, {}, {}, {}] });
    const completed = await click('lihua', taskId, 'complete');
    expect(completed.replies[0]).toContain(`#${no}`);
    expect(await caseJson(t, no)).toMatchObject({ status: 'OPEN', pausedAt: null });
    expect(completed.updates.at(-1)?.card).toMatchObject({ main_title: { desc: '办理中' } });
  });
});
