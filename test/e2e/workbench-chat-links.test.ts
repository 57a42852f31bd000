import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

/** Chat leads to the workbench: reminders and 查 link the case page; 待办 shows what waits for a leader and a head. */
describe('chat links to the workbench', () => {
  let t: TestBot;
  let late: number;
  let refused: number;
  beforeAll(async () => {
    t = await startTestBot({ now: new Date('2026-12-01T09:30:00+08:00') });
    const no = async (text: string) => Number(/#(\d+)/.exec((await t.say('lihua', text))[0]!)![1]);
    late = await no('登记 来电 审核 张三 13800000000 科普项目申报材料');
    refused = await no('登记 来人 审核 李四 科普基地申报');
    await t.say('lihua', `拒绝 #${refused} 不属本单位职责`);
  });
  afterAll(async () => {
    await t.close();
  });

  it("待办 of the leader lists the refusal filing waiting for them, with its page, instead of 'none'", async () => {
    const [todo] = await t.say('wangqiang', '待办');
    expect(todo).not.toContain('您目前没有待办案件');
    expect(todo).toContain('等待您决定 1 件');
    expect(todo).toContain(`#${refused} 不予办理报备 http://bot.test/app/cases/${refused}`);
  });

  it('待办 of a head says how many of the department are overdue, with the filtered list', async () => {
    expect((await t.say('chenjing', '待办'))[0]).toBe('您目前没有待办案件。');
    t.clock.set(new Date('2026-12-03T10:00:00+08:00'));
    await t.bot.runSchedulerTick();
    await t.bot.settle();
    const [todo] = await t.say('chenjing', '待办');
    // Both: a refusal filing waiting for the leader does not stop the clock.
    expect(todo).toContain('科普部：本部门超期 2 件 http://bot.test/app/cases?department=kpb&overdue=1');
  });

  it('the overdue reminder links the case page', async () => {
    const reminder = t.wecom.messagesTo('lihua').find((m) => m.content?.startsWith(`【超期提醒】#${late}`));
    expect(reminder?.content).toContain(`详情：http://bot.test/app/cases/${late}`);
  });
});
