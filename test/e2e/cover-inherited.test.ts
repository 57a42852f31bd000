/** Issue 13 item 2 (AB岗 §4: 部室负责人应主动顶岗): when B goes away after A, whoever inherits A's cases is told. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, inboxOf, register } from '../support/lifecycle-helpers.ts';

// Tuesday 2026-12-01 09:30. 科普项目申报: A 李华 (lihua), B 赵敏 (zhaomin); 陈静 (chenjing) heads 科普部.
const TUESDAY = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('cover inherited when B goes away after A (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: TUESDAY });
  });
  afterAll(async () => t?.close());

  it('hands A’s cases to the head when B takes leave too, and tells B who takes over', async () => {
    const no = await register(t, 'lihua', '登记 来电 审核 张三 科普项目申报材料');
    await t.say('lihua', '请假 今天 12月4日 出差');
    const head = inboxOf(t, 'chenjing').length;
    const [reply] = await t.say('zhaomin', '请假 12月2日 12月3日 培训');
    expect(reply).toContain('您顶岗的李华的在办事项，期间改由陈静（部室负责人顶岗）代为办理，已通知陈静。');
    const told = inboxOf(t, 'chenjing').slice(head);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('赵敏请假：12月2日（周三）00:00 至 12月3日（周四）24:00（培训）');
    expect(told[0]).toContain('李华也不在岗，期间其在办事项由您顶岗办理（部室负责人顶岗）');
    expect(told[0]).toContain(`#${no} 张三：科普项目申报材料`);
    // From the start of B's leave the head sees the case in 待办.
    t.clock.set(new Date('2026-12-02T09:30:00+08:00'));
    expect((await t.say('chenjing', '待办'))[0]).toContain(`#${no} 张三`);
  });
});
