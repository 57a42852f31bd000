/**
 * Issue 13 item 15 (AB岗 §4–§5, 岗位责任制 §3): a department head names a one-off stand-in (顶岗 姓名 起 止)
 * and changes a post's B holder (设B岗 岗位 姓名); both are filed with the office the same day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, inboxOf, register, stateOf } from '../support/lifecycle-helpers.ts';
import { at } from '../support/reminder-walk.ts';

// 科普部 (kpb): head 陈静 (chenjing); 科普项目申报 A 李华 / B 赵敏; 科普教育基地管理 A 赵敏 / B 王芳. Office head 刘洋 (liuyang).
describe.each(BACKENDS)('changes by a department head (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: at('2026-12-01T09:30:00') });
  });
  afterAll(async () => t?.close());

  const post = (name: string) => t.database.prisma.post.findFirstOrThrow({ where: { department: 'kpb', name } });

  it('设B岗 changes the B holder, files it with the office at once, and tells the new and the old B', async () => {
    const marks = new Map(['liuyang', 'lihua', 'wangfang'].map((u) => [u, inboxOf(t, u).length]));
    const [reply] = await t.say('chenjing', '设B岗 科普教育基地管理 李华');
    expect(reply).toBe('已将科普部“科普教育基地管理”岗位的B岗由王芳改为李华，已报办公室备案。');
    expect((await post('科普教育基地管理')).b).toBe('lihua');
    const office = inboxOf(t, 'liuyang').slice(marks.get('liuyang'));
    expect(office).toEqual([expect.stringContaining('科普部·科普教育基地管理：B岗 王芳 → 李华')]);
    expect(office[0]).toContain('【AB岗调整备案');
    expect(inboxOf(t, 'lihua').slice(marks.get('lihua'))).toEqual([expect.stringContaining('陈静已将您设为科普部“科普教育基地管理”岗位（A岗 赵敏）的B岗')]);
    expect(inboxOf(t, 'wangfang').slice(marks.get('wangfang'))).toEqual([expect.stringContaining('您不再担任科普部“科普教育基地管理”岗位的B岗')]);
    const change = await t.database.prisma.orgChange.findFirstOrThrow({ where: { kind: 'post_holders', subject: 'kpb/科普教育基地管理' }, orderBy: { id: 'desc' } });
    expect(change).toMatchObject({ reported: true, before: { a: 'zhaomin', b: 'wangfang' }, after: { a: 'zhaomin', b: 'lihua' } });

    // The new B covers from now on.
    const no = await register(t, 'zhaomin', '登记 来人 批复 某区科协 科普基地认定申请');
    await t.say('zhaomin', '请假 今天 今天 外出');
    expect((await t.say('lihua', '待办'))[0]).toContain(`#${no} 某区科协：科普基地认定申请｜办理中｜期限 12月4日（周五）24:00（B岗顶岗，代赵敏办理）`);
    await t.say('zhaomin', '销假');
  });

  it('refuses a wrong 设B岗 with the reason, changing nothing', async () => {
    const before = await stateOf(t);
    expect((await t.say('lihua', '设B岗 科普项目申报 王芳'))[0]).toBe('抱歉，只有部室负责人可以调整本部室的岗位和安排顶岗，未作任何更改。');
    expect((await t.say('chenjing', '设B岗 基层组织建设 王芳'))[0]).toContain('科普部没有名为“基层组织建设”的岗位。本部室岗位：科普项目申报、科普教育基地管理');
    expect((await t.say('chenjing', '设B岗 科普项目申报 李华'))[0]).toContain('李华是该岗位的A岗，B岗须由他人担任');
    expect((await t.say('chenjing', '设B岗 科普项目申报 赵敏'))[0]).toContain('赵敏已是该岗位的B岗，无需调整');
    expect((await t.say('chenjing', '设B岗 科普项目申报 无名氏'))[0]).toContain('本单位没有名为“无名氏”的人员');
    expect((await t.say('chenjing', '设B岗 科普项目申报'))[0]).toContain('请写上B岗人员姓名');
    expect(await stateOf(t)).toEqual(before);
  });

  it('顶岗 names a stand-in who covers when A and B are both away, filed with the office', async () => {
    const marks = new Map(['liuyang', 'wangfang'].map((u) => [u, inboxOf(t, u).length]));
    const [reply] = await t.say('chenjing', '顶岗 王芳 12月2日 12月4日');
    expect(reply).toBe('已安排王芳于 12月2日（周三）00:00 至 12月4日（周五）24:00 为科普部顶岗：本部室人员及其B岗均不在岗时，由王芳代为履职。已报办公室备案。');
    expect(inboxOf(t, 'liuyang').slice(marks.get('liuyang'))).toEqual([
      '【顶岗安排备案】科普部负责人陈静安排王芳于 12月2日（周三）00:00 至 12月4日（周五）24:00 顶岗（本部室人员及其B岗均不在岗时代为履职）。（依据 AB岗工作制度 第四条、第五条，报办公室备案。）',
    ]);
    expect(inboxOf(t, 'wangfang').slice(marks.get('wangfang'))).toEqual([expect.stringContaining('陈静安排您于 12月2日（周三）00:00 至 12月4日（周五）24:00 为科普部顶岗')]);

    const no = await register(t, 'lihua', '登记 来人 审核 张三 科普项目申报材料');
    await t.say('lihua', '请假 12月2日 12月3日 出差');
    await t.say('zhaomin', '请假 12月2日 12月3日 培训');
    t.clock.set(at('2026-12-02T10:00:00'));
    expect((await t.say('wangfang', '待办'))[0]).toContain(`#${no} 张三：科普项目申报材料｜办理中｜期限 12月2日（周三）24:00（指定顶岗，代李华办理）`);
    expect((await t.say('chenjing', '待办'))[0]).not.toContain(`#${no} `);
    expect((await t.say('wangfang', `办结 #${no} 已受理`))[0]).toContain(`#${no} 已办结`);
  });

  it('refuses a wrong 顶岗 with the reason, changing nothing', async () => {
    const before = await stateOf(t);
    expect((await t.say('lihua', '顶岗 王芳 12月10日 12月11日'))[0]).toBe('抱歉，只有部室负责人可以调整本部室的岗位和安排顶岗，未作任何更改。');
    expect((await t.say('chenjing', '顶岗 无名氏 12月10日 12月11日'))[0]).toContain('本单位没有名为“无名氏”的人员');
    expect((await t.say('chenjing', '顶岗 陈静 12月10日 12月11日'))[0]).toContain('您是部室负责人，本就应主动顶岗，无需安排自己');
    expect((await t.say('chenjing', '顶岗 王芳 2026-12-01 2026-12-01'))[0]).toContain('顶岗时间已经过去');
    expect((await t.say('chenjing', '顶岗 刘洋 12月3日 12月5日'))[0]).toContain('与已安排的顶岗（王芳，12月2日（周三）00:00 至 12月4日（周五）24:00）时间重叠');
    expect((await t.say('chenjing', '顶岗 李华 12月3日 12月3日'))[0]).toContain('李华在此期间请假，不能顶岗');
    expect((await t.say('chenjing', '顶岗 王芳'))[0]).toContain('请写上开始日期');
    expect(await stateOf(t)).toEqual(before);
  });
});
