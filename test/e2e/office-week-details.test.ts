/**
 * Issue 13 item 9: a paused case shows no void deadline; an internal matter is not 来人; a B holder is
 * not sent to 待办 before the leave starts; a promise equal to the statutory limit is said to be so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, caseJson, inboxOf, register } from '../support/lifecycle-helpers.ts';

const TUESDAY = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('details of an office week (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: TUESDAY });
  });
  afterAll(async () => t?.close());

  it('shows a paused case without a deadline in 待办, 查 and the handover note', async () => {
    const no = await register(t, 'lihua', '登记 来人 KP-01 张三 科普项目申报');
    await t.say('lihua', `补正 #${no} 申报书`);
    const [todo] = await t.say('lihua', '待办');
    const line = todo!.split('\n').find((l) => l.startsWith(`#${no} `))!;
    expect(line).toContain('期限 补齐材料后重新计算');
    expect(line).not.toMatch(/期限 \d+月/u);
    const [detail] = await t.say('lihua', `查 #${no}`);
    expect(detail).toContain('办理期限：计时暂停，当事人补齐材料后重新计算');
    const mark = inboxOf(t, 'zhaomin').length;
    await t.say('lihua', '请假 今天 12月2日 出差');
    const note = inboxOf(t, 'zhaomin').slice(mark)[0]!;
    expect(note.split('\n').find((l) => l.startsWith(`#${no} `))).toContain('期限 补齐材料后重新计算');
    await t.say('lihua', '销假');
  });

  it('does not label an internal matter 来人', async () => {
    const [reply] = await t.say('lihua', '登记 内部 陈静 整理科普周活动总结 期限 12月4日');
    const no = Number(/#(\d+)/u.exec(reply!)?.[1]);
    expect(reply).toContain(`已登记 #${no}（机关内部事项）`);
    expect(reply).not.toContain('来人');
    expect((await t.say('lihua', `查 #${no}`))[0]).not.toContain('来人');
    expect((await caseJson(t, no)).channel).toBe('internal');
    // A channel typed on purpose is kept.
    const [typed] = await t.say('lihua', '登记 来电 内部 陈静 电话通知的会议安排 期限 12月4日');
    expect(typed).toContain('（机关内部事项，来电）');
  });

  it('tells a B holder to look in 待办 only once the leave has started', async () => {
    const mark = inboxOf(t, 'zhaomin').length;
    await t.say('lihua', '请假 12月8日 12月9日 出差');
    const note = inboxOf(t, 'zhaomin').slice(mark)[0]!;
    expect(note).not.toContain('发送“待办”可随时查看');
    expect(note).toContain('请假开始后，发送“待办”可查看。');
  });

  it('says in the guide when the promised limit is not shorter than the statutory one', async () => {
    const [guide] = await t.say('lihua', '指南 RC-01');
    expect(guide).toContain('承诺时限：15 个工作日（与法定时限相同，未作更短承诺）');
  });
});
