import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { inboxOf, register, stateOf } from '../support/lifecycle-helpers.ts';
import { at, tickAt } from '../support/reminder-walk.ts';

/** 回访 (好差评) and 整改: a rating after 办结; 不满意 opens a rectification with its reminders and a record. */
describe('回访 and 整改', () => {
  let t: TestBot;
  const say1 = async (from: string, text: string) => (await t.say(from, text))[0] ?? '';

  beforeAll(async () => {
    t = await startTestBot({ now: at('2026-12-01T10:00:00') });
  });
  afterAll(async () => t?.close());

  it('records a rating once, after 办结, by the office or the handler; refuses the rest and changes nothing', async () => {
    const open = await register(t, 'lihua', '登记 来电 咨询 张三 会员证补办');
    const done = await register(t, 'lihua', '登记 来电 咨询 李四 讲座时间');
    await t.say('lihua', `办结 #${done} 已电话告知`);
    const before = await stateOf(t);
    expect(await say1('lihua', `回访 #${open} 满意`)).toContain('事项当前状态为“办理中”，办结后才能回访');
    expect(await say1('zhaomin', `回访 #${done} 满意`)).toContain('回访由办公室或本事项的承办人登记');
    expect(await say1('liuyang', `回访 #${done} 很好`)).toContain('“很好”不是回访评价');
    expect(await stateOf(t)).toEqual(before);
    expect(await say1('liuyang', `回访 #${done} 非常满意 服务热情`)).toBe(`已记录 #${done} 的回访评价：非常满意。`);
    expect(await say1('lihua', `回访 #${done} 满意`)).toContain('每件事项回访一次');
    expect(await t.database.prisma.caseRating.findUnique({ where: { caseNo: done } })).toMatchObject({ rating: 5, note: '服务热情', by: 'liuyang', person: 'lihua', rectifyDueAt: null });
  });

  it('opens a rectification for 不满意: the handler is told and reminded, the head hears when it is late, and 整改 ends it', async () => {
    const no = await register(t, 'lihua', '登记 来电 咨询 王五 证书查询');
    await t.say('lihua', `办结 #${no} 已告知查询方式`);
    const lihuaBefore = inboxOf(t, 'lihua').length;
    const reply = await say1('liuyang', `回访 #${no} 不满意 答复不清楚`);
    expect(reply).toContain('评价为不满意，已报办公室备案，并请承办人在 12月8日（周二）24:00前整改');
    expect(inboxOf(t, 'lihua').slice(lihuaBefore)).toEqual([expect.stringContaining(`【整改】#${no}（当事人：王五）回访评价为“不满意”：答复不清楚。`)]);
    expect(await t.database.prisma.accountabilityRecord.findFirst({ where: { kind: 'dissatisfied', caseNo: no } })).toMatchObject({ person: 'lihua', department: 'kpb' });

    await tickAt(t, at('2026-12-07T09:00:00'));
    expect(inboxOf(t, 'lihua').some((m) => m.startsWith(`【整改提醒】#${no}`))).toBe(true);
    const headBefore = inboxOf(t, 'chenjing').length;
    await tickAt(t, at('2026-12-09T09:00:00'));
    expect(inboxOf(t, 'chenjing').slice(headBefore)).toEqual(expect.arrayContaining([expect.stringContaining(`【整改超期】#${no}`)]));
    expect(await t.database.prisma.accountabilityRecord.count({ where: { kind: 'rectification_late', caseNo: no } })).toBe(1);

    expect(await say1('zhaomin', `整改 #${no} 不是我的`)).toContain('整改由承办人或其部室负责人登记');
    expect(await say1('lihua', `整改 #${no} 已重新电话答复并致歉`)).toBe(`已登记 #${no} 的整改情况，整改提醒随之停止。`);
    expect(await say1('lihua', `整改 #${no} 再报一次`)).toContain('整改情况已于');
    // Nothing reminds any more, and the late record is not written twice.
    const after = inboxOf(t, 'lihua').length;
    await tickAt(t, at('2026-12-10T09:00:00'));
    expect(inboxOf(t, 'lihua').slice(after).filter((m) => m.includes(`#${no}`) && m.includes('整改'))).toEqual([]);
  });
});
