import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

/** Chat leads to the workbench: reminders and 查 link the case page; 待办 shows what waits for a leader and a head. */
describe('chat links to the workbench', () => {
  let t: TestBot;
  let refused: number;
  let today: number;
  beforeAll(async () => {
    t = await startTestBot({ now: new Date('2026-12-01T09:30:00+08:00') });
    const no = async (text: string) => Number(/#(\d+)/.exec((await t.say('lihua', text))[0]!)![1]);
    await no('登记 来电 审核 张三 13800000000 科普项目申报材料');
    refused = await no('登记 来人 审核 李四 科普基地申报');
    await t.say('lihua', `拒绝 #${refused} 不属本单位职责`);
    today = await no('登记 内部 王五 整理年度材料 期限 12月1日 17:30');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it("待办 of the leader lists the refusal filing waiting for them, with its page, instead of 'none'", async () => {
    const [todo] = await t.say('wangqiang', '待办');
    expect(todo).not.toContain('您目前没有待办案件');
    expect(todo).toContain('等待您决定 1 件');
    expect(todo).toContain(`#${refused} 不予办理报备 http://bot.test/app/cases/${refused}`);
  });

  it("a reminder in text (to the handler's B) links the case page", async () => {
    t.clock.set(new Date('2026-12-01T15:40:00+08:00'));
    await t.bot.runSchedulerTick();
    await t.bot.settle();
    const texts = t.wecom.messagesTo('zhaomin').map((m) => m.content ?? '');
    const reminder = texts.find((c) => c.includes(`#${today}`) && c.includes('到期'));
    expect(reminder, texts.join('\n---\n')).toContain(`详情：http://bot.test/app/cases/${today}`);
  });

  it('待办 of a head says how many of the department are overdue, with the filtered list', async () => {
    t.clock.set(new Date('2026-12-03T10:00:00+08:00'));
    await t.bot.runSchedulerTick();
    await t.bot.settle();
    const [todo] = await t.say('chenjing', '待办');
    // All three: a refusal filing waiting for the leader does not stop the clock.
    expect(todo).toContain('科普部：本部门超期 3 件 http://bot.test/app/cases?department=kpb&overdue=1');
  });

});
