/**
 * Issue 13 item 10: 延期 #no 天数 理由 before the deadline sends a card to the supervising leader;
 * approval moves the deadline by that many working days and tells the handler, B and the first
 * responder; after the deadline, extension is refused and the case stays overdue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, actionsOf, caseJson, inboxOf, register, stateOf } from '../support/lifecycle-helpers.ts';
import { at } from '../support/reminder-walk.ts';

// 科普部: 李华 (lihua) holds 科普项目申报 as A with B 赵敏 (zhaomin); head 陈静 (chenjing); leader 王强 (wangqiang).
describe.each(BACKENDS)('延期 (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: at('2026-12-01T09:30:00') });
  });
  afterAll(async () => t?.close());

  /** A 批复 case first taken by 陈静 and handled by 李华: due Friday 12-04 24:00. */
  const lihuasCase = async (matter: string) => {
    const no = await register(t, 'chenjing', `登记 来人 批复 某学会 ${matter}`);
    await t.say('chenjing', `转办 #${no} 李华`);
    return no;
  };
  const cardTo = (userid: string, since: number) => t.wecom.messagesTo(userid).slice(since).find((m) => m.msgtype === 'template_card');
  const click = async (from: string, taskId: string, eventKey: string, responseCode = t.wecom.issueClickResponseCode(taskId, from)) => {
    const res = await t.post(t.client.cardClickCallback({ from, taskId, eventKey, responseCode }));
    expect(res.status).toBe(200);
    await t.bot.settle();
  };

  it('sends the leader a card, and an approval on it moves the deadline and tells handler, B and first responder', async () => {
    const no = await lihuasCase('成立申请');
    const leaderMark = t.wecom.messagesTo('wangqiang').length;
    const [reply] = await t.say('lihua', `延期 #${no} 3 需赴外地核实发起人情况`);
    expect(reply).toContain(`已将 #${no} 延期 3 个工作日的申请送分管领导王强决定。`);
    expect(reply).toContain('决定前仍按原期限（12月4日（周五）24:00）办理');
    const card = cardTo('wangqiang', leaderMark)!;
    expect(card.card).toMatchObject({
      card_type: 'button_interaction',
      main_title: { title: `延期申请 #${no}：3 个工作日`, desc: '李华提交，请您决定' },
      sub_title_text: '理由：需赴外地核实发起人情况',
      button_list: [
        { text: '同意延期', key: 'approve_extension' },
        { text: '不同意', key: 'refuse_extension' },
      ],
    });
    expect(card.card!['horizontal_content_list']).toEqual(
      expect.arrayContaining([
        { keyname: '原期限', value: '12月4日（周五）24:00' },
        { keyname: '延至', value: '12月9日（周三）24:00' },
      ]),
    );
    expect((await caseJson(t, no)).dueAt).toBe('2026-12-04T15:59:59.999Z');

    const marks = new Map(['lihua', 'zhaomin', 'chenjing', 'wangqiang'].map((u) => [u, inboxOf(t, u).length]));
    await click('wangqiang', card.taskId!, 'approve_extension');
    const body = await caseJson(t, no);
    expect(body.dueAt).toBe('2026-12-09T15:59:59.999Z');
    expect(actionsOf(body)).toEqual(['registered', 'transferred', 'extension_requested', 'extension_approved']);
    expect(body.history.at(-1)).toMatchObject({ actor: 'wangqiang', detail: { days: 3, from: '2026-12-04T15:59:59.999Z', to: '2026-12-09T15:59:59.999Z' } });
    const notice = `【延期】王强同意 #${no} 延期 3 个工作日，办理期限由 12月4日（周五）24:00 改为 12月9日（周三）24:00前。`;
    for (const u of ['lihua', 'zhaomin', 'chenjing']) expect(inboxOf(t, u).slice(marks.get(u))).toEqual([expect.stringContaining(notice)]);
    // The leader's answer is the updated card, not another message.
    expect(inboxOf(t, 'wangqiang').slice(marks.get('wangqiang'))).toEqual([]);
    const update = t.wecom.cardUpdates.filter((u) => u.taskId === card.taskId).at(-1)!;
    expect(update.card).toMatchObject({ replace_text: '已同意延期' });
    expect(JSON.stringify(update.card)).toContain('办理期限改为 12月9日（周三）24:00');
    expect((await t.say('lihua', `查 #${no}`))[0]).toContain('王强 同意延期 3 个工作日');

    // Decided once: the same button again, or the text command, changes nothing.
    const before = await stateOf(t);
    expect((await t.say('wangqiang', `同意延期 #${no}`))[0]).toContain(`#${no} 的延期申请已处理：王强同意延期。无需再次决定。`);
    expect(await stateOf(t)).toEqual(before);
  });

  it('refuses by text: the deadline stays, the handler is told, the card shows it', async () => {
    const no = await lihuasCase('变更申请');
    const leaderMark = t.wecom.messagesTo('wangqiang').length;
    await t.say('lihua', `延期 #${no} 2个工作日，材料需补充核对`);
    const card = cardTo('wangqiang', leaderMark)!;
    expect(card.card).toMatchObject({ main_title: { title: `延期申请 #${no}：2 个工作日` }, sub_title_text: '理由：材料需补充核对' });
    const mark = inboxOf(t, 'lihua').length;
    const [reply] = await t.say('wangqiang', `不同意延期 #${no} 材料可先行受理`);
    expect(reply).toBe(`已不同意 #${no} 延期，已通知李华按原期限（12月4日（周五）24:00）办结。`);
    expect(inboxOf(t, 'lihua').slice(mark)).toEqual([`【延期】王强不同意 #${no} 延期：材料可先行受理\n请在原期限（12月4日（周五）24:00）前办结。`]);
    expect((await caseJson(t, no)).dueAt).toBe('2026-12-04T15:59:59.999Z');
    expect(t.wecom.cardUpdates.filter((u) => u.taskId === card.taskId).at(-1)?.card).toMatchObject({ replace_text: '已不同意延期' });
  });

  it('refuses every wrong request or decision with its reasons, and changes nothing', async () => {
    const no = await lihuasCase('换届申请');
    const paused = await register(t, 'lihua', '登记 来人 KP-01 张三 科普项目申报');
    await t.say('lihua', `补正 #${paused} 申报书`);
    const instruction = await register(t, 'songtao', '登记 来信 ZX-01 某区科协 关于建立基层科协组织的请示');
    const before = await stateOf(t);

    expect((await t.say('wangfang', `延期 #${no} 3 想多要几天`))[0]).toContain('此操作只能由承办人李华或其 B 岗顶岗人员办理');
    expect((await t.say('lihua', `延期 #${paused} 3 等材料`))[0]).toContain('事项当前状态为“待补正材料（计时暂停）”，不能申请延期');
    expect((await t.say('songtao', `延期 #${instruction} 3 需研究`))[0]).toContain('请示性事项逾期未答复即视为同意');
    expect((await t.say('lihua', `延期 #${no} 0 理由`))[0]).toContain('延期天数“0”无效，请写 1 至 30 之间的工作日数');
    expect((await t.say('lihua', `延期 #${no} 几天 理由`))[0]).toContain('延期天数“几天”无效');
    expect((await t.say('lihua', `延期 #${no} 3`))[0]).toContain('请写上理由');
    expect((await t.say('lihua', '延期 #99999 3 理由'))[0]).toContain('未找到案件 #99999');
    expect((await t.say('wangqiang', `同意延期 #${no}`))[0]).toContain(`#${no} 没有待决定的延期申请`);
    expect(await stateOf(t)).toEqual(before);

    const leaderMark = t.wecom.messagesTo('wangqiang').length;
    await t.say('lihua', `延期 #${no} 3 需赴外地核实`);
    const card = cardTo('wangqiang', leaderMark)!;
    const pending = await stateOf(t);
    expect((await t.say('lihua', `延期 #${no} 5 再多几天`))[0]).toContain('已有一份延期 3 个工作日的申请等待王强决定，请勿重复申请。');
    expect((await t.say('sunli', `同意延期 #${no}`))[0]).toContain('此延期申请只能由报送的分管领导王强决定');
    expect((await t.say('lihua', `同意延期 #${no}`))[0]).toContain('此延期申请只能由报送的分管领导王强决定');
    const [notYours] = await (async () => {
      const mark = inboxOf(t, 'sunli').length;
      await click('sunli', card.taskId!, 'approve_extension', 'forged-response-code');
      return inboxOf(t, 'sunli').slice(mark);
    })();
    expect(notYours).toBe(`#${no} 的延期申请是请王强决定的，您的操作未生效。`);
    expect(await stateOf(t)).toEqual(pending);
  });

  // Last: the clock only moves forward.
  it('refuses an extension once the deadline has passed, also one asked for in time, and the case stays overdue', async () => {
    t.clock.set(at('2026-12-07T09:30:00'));
    // A review is due the next working day: Tuesday 12-08 24:00.
    const late = await register(t, 'lihua', '登记 来人 KP-01 李四 科普项目申报');
    const asked = await register(t, 'lihua', '登记 来人 KP-01 王五 科普项目申报');
    await t.say('lihua', `延期 #${asked} 2 需补充调查`);
    t.clock.set(at('2026-12-09T10:00:00'));
    const before = await stateOf(t);
    expect((await t.say('lihua', `延期 #${late} 2 需补充调查`))[0]).toContain('办理期限（12月8日（周二）24:00）已过，不能再延期，事项按超期处理');
    expect((await t.say('wangqiang', `同意延期 #${asked}`))[0]).toContain('不能再延期，事项按超期处理');
    expect(await stateOf(t)).toEqual(before);
    expect((await caseJson(t, late)).overdue).toBe(true);
    expect((await caseJson(t, asked)).overdue).toBe(true);
    // Refusing it is still possible: it settles the request without touching the deadline.
    await t.say('wangqiang', `不同意延期 #${asked}`);
    expect((await caseJson(t, asked)).dueAt).toBe('2026-12-08T15:59:59.999Z');
  });
});
