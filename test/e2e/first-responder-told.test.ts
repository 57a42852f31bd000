/** Issue 13 item 8 (首问负责制 §4): the first responder hears when a case they referred is finished, refused or overdue. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, inboxOf, register } from '../support/lifecycle-helpers.ts';
import { at, tickAt, headline, textOf } from '../support/reminder-walk.ts';

describe.each(BACKENDS)('the first responder of a referred case (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: at('2026-12-01T09:30:00') });
  });
  afterAll(async () => t?.close());

  const referred = async (text: string) => {
    const no = await register(t, 'lihua', text);
    await t.say('lihua', `转办 #${no} 宋涛`);
    return { no, mark: inboxOf(t, 'lihua').length };
  };

  it('is told when it is finished', async () => {
    const { no, mark } = await referred('登记 来电 咨询 张三 基层科协组建程序');
    await t.say('songtao', `办结 #${no} 已电话答复组建程序`);
    expect(inboxOf(t, 'lihua').slice(mark)).toEqual([`【办结】您首问的 #${no}（张三：基层科协组建程序）已由宋涛办结。结果：已电话答复组建程序`]);
  });

  it('is not told of what they did themselves', async () => {
    const no = await register(t, 'lihua', '登记 来电 咨询 李四 活动报名');
    const mark = inboxOf(t, 'lihua').length;
    await t.say('lihua', `办结 #${no} 已答复`);
    expect(inboxOf(t, 'lihua').slice(mark)).toHaveLength(1);
  });

  it('is told when the refusal is approved', async () => {
    const { no, mark } = await referred('登记 来人 批复 某学会 成立申请');
    await t.say('songtao', `拒绝 #${no} 发起人数不足`);
    await t.say('sunli', `同意 #${no}`);
    expect(inboxOf(t, 'lihua').slice(mark)).toEqual([expect.stringContaining(`【不予办理】您首问的 #${no}（某学会：成立申请）经孙丽同意不予办理，理由：发起人数不足。`)]);
  });

  it('is told when it goes overdue', async () => {
    t.clock.set(at('2026-12-01T10:00:00'));
    const { no, mark } = await referred('登记 来人 审核 王五 申报材料');
    // A review is due the next working day, Wednesday 12-02 24:00; overdue on Thursday at opening.
    await tickAt(t, at('2026-12-03T09:00:00'));
    // Overdue by opening: on her morning card, once, with who handles it now.
    const told = t.wecom.messagesTo('lihua').slice(mark).filter((m) => textOf(m).includes(`#${no} `));
    expect(told.map(headline)).toEqual(['【每日待办汇总】12月3日']);
    expect(textOf(told[0]!)).toContain(`已超期：#${no} 王五：申报材料｜首问，承办人 宋涛`);
  });
});
