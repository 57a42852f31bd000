import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { inboxOf, register, stateOf } from '../support/lifecycle-helpers.ts';
import { at, tickAt } from '../support/reminder-walk.ts';

/**
 * 责任追究制: records are told to the person concerned, who may explain (申辩) within 3 working days;
 * the office decides (处理); the person and their head hear the decision. Credit and blame go to
 * whoever acted: the B holder covering for an absent handler (AB岗 §4).
 */
describe.each(BACKENDS)('accountability records: 申辩 and 处理 (%s)', (backend) => {
  let t: TestBot;
  const recordOf = async (caseNo: number) => (await t.database.prisma.accountabilityRecord.findFirst({ where: { caseNo } }))!;
  const say1 = async (from: string, text: string) => (await t.say(from, text))[0] ?? '';

  beforeAll(async () => {
    t = await startTestBot({ backend, now: at('2026-12-01T10:00:00') });
  });
  afterAll(async () => t?.close());

  it('tells the person concerned, takes their explanation, and tells person and head the decision', async () => {
    // 审核: due the next working day, Wed 12-02 24:00; overdue from Thu 12-03.
    const no = await register(t, 'lihua', '登记 来人 审核 张三 申报材料审核');
    const before = inboxOf(t, 'lihua').length;
    await tickAt(t, at('2026-12-03T09:00:00'));
    const record = await recordOf(no);
    expect(record).toMatchObject({ kind: 'overdue', subject: 'lihua', person: 'lihua' });
    const notice = inboxOf(t, 'lihua').slice(before).find((m) => m.startsWith('【效能记录】'));
    expect(notice).toBe(
      [
        '【效能记录】您有 1 条新的效能记录，办公室将据此认定：',
        `记录 ${record.id}：超期办结 #${no}（12月3日 09:00）`,
        '如有情况需要说明，请在 12月8日（周二）24:00前发送“申辩 编号 说明”，办公室认定时会一并看到。',
      ].join('\n'),
    );

    // The office may not decide against her before she had her say, except not to pursue it.
    const early = await say1('liuyang', `处理 ${record.id} 批评教育`);
    expect(early).toContain('当事人李华的申辩期至 12月8日（周二）24:00，期满或其申辩后再认定');

    expect(await say1('lihua', `申辩 ${record.id} 当事人补交材料延误，已于当日办结`)).toBe(`已收到您对记录 ${record.id}：超期办结 #${no}（12月3日 09:00）的申辩，办公室认定时会一并看到。`);
    expect(await say1('lihua', `申辩 ${record.id} 再说一次`)).toContain('每条记录申辩一次');

    const headBefore = inboxOf(t, 'chenjing').length;
    const lihuaBefore = inboxOf(t, 'lihua').length;
    const decided = await say1('liuyang', `处理 ${record.id} 批评教育 请按时办结`);
    expect(decided).toContain(`已认定记录 ${record.id}：超期办结 #${no}`);
    expect(decided).toContain('当事人申辩：当事人补交材料延误，已于当日办结');
    expect(decided).toContain('已告知：李华、陈静。');
    expect(inboxOf(t, 'lihua').slice(lihuaBefore)).toEqual([expect.stringContaining(`【效能记录认定】您的记录 ${record.id}：超期办结 #${no}（12月3日 09:00），办公室认定：批评教育。`)]);
    expect(inboxOf(t, 'chenjing').slice(headBefore)).toEqual([expect.stringContaining(`【效能记录认定】本部门李华的记录 ${record.id}`)]);

    const { body } = await t.api('/api/accountability?kind=overdue');
    expect(body.records.find((r: any) => r.id === record.id)).toMatchObject({
      decision: 'criticism',
      decidedBy: 'liuyang',
      decisionNote: '请按时办结',
      statement: '当事人补交材料延误，已于当日办结',
      person: 'lihua',
    });
    expect(await say1('liuyang', `处理 ${record.id} 通报批评`)).toContain('已由刘洋认定为“批评教育”，不能再次处理或申辩');
  });

  it('refuses every wrong 处理 and 申辩 and changes nothing', async () => {
    const no = await register(t, 'lihua', '登记 来人 审核 李四 材料审核');
    await tickAt(t, at('2026-12-07T09:00:00'));
    const record = await recordOf(no);
    const before = await stateOf(t);
    expect(await say1('lihua', `处理 ${record.id} 不予追究`)).toBe('抱歉，效能记录由办公室认定处理，您不是办公室工作人员，未作任何更改。');
    expect(await say1('stranger', `处理 ${record.id} 不予追究`)).toContain('不在本单位的工作人员名单中');
    expect(await say1('zhaomin', `申辩 ${record.id} 不是我`)).toContain('只有当事人李华可以申辩');
    expect(await say1('liuyang', '处理 99999 不予追究')).toBe('未找到编号为 99999 的效能记录，请核对编号。');
    expect(await say1('liuyang', `处理 ${record.id} 警告`)).toContain('“警告”不是处理决定');
    expect(await say1('liuyang', '处理 通报批评')).toContain('请写上记录编号');
    expect(await say1('liuyang', `处理 ${record.id} 批评教育 责任人 无此人`)).toBe('本单位没有名为“无此人”的工作人员，请核对责任人姓名。');
    // After her 3 working days (told Mon 12-07: until Thu 12-10), it is too late to explain.
    t.clock.set(at('2026-12-11T10:00:00'));
    expect(await say1('lihua', `申辩 ${record.id} 迟到的说明`)).toContain('申辩期限已于 12月10日（周四）24:00截止');
    expect(await stateOf(t)).toEqual(before);
    // Once the window has passed, the office decides without a statement.
    expect(await say1('liuyang', `处理 ${record.id} 不予追究 情况特殊`)).toContain('不予追究');
  });

  it('names the person concerned of an upheld complaint about nobody in particular', async () => {
    const [filed] = await t.say('lihua', '投诉 窗口上午无人值守');
    const complaintId = Number(/编号 (\d+)/u.exec(filed ?? '')?.[1]);
    expect(await say1('liuyang', `答复投诉 ${complaintId} 属实 已核实并整改`)).toContain('责任人待办公室认定');
    const record = (await t.database.prisma.accountabilityRecord.findFirst({ where: { complaintId } }))!;
    expect(record.person).toBeNull();
    expect(await say1('liuyang', `处理 ${record.id} 通报批评`)).toContain('这条记录没有具体责任人，请写明');
    const decided = await say1('liuyang', `处理 ${record.id} 通报批评 责任人 赵敏 上午脱岗`);
    expect(decided).toContain('责任人：赵敏');
    expect(await t.database.prisma.accountabilityRecord.findUnique({ where: { id: record.id } })).toMatchObject({ person: 'zhaomin', department: 'kpb', decision: 'public_criticism', decisionNote: '上午脱岗' });
  });

  it('credits the B holder with work done while covering, and blames B, not the absent A, for an overdue case', async () => {
    t.clock.set(at('2026-12-14T10:00:00'));
    const finished = await register(t, 'lihua', '登记 来电 咨询 王五 会员证补办');
    const late = await register(t, 'lihua', '登记 来人 审核 赵六 材料审核');
    await t.say('lihua', '请假 12月15日 12月18日 年休假');
    // Tue 12-15: 李华 is away; 赵敏 (B) finishes one case for her and lets the other pass its deadline.
    t.clock.set(at('2026-12-15T10:00:00'));
    await t.say('zhaomin', `办结 #${finished} 已电话答复`);
    await tickAt(t, at('2026-12-16T09:00:00'));
    expect(await t.database.prisma.caseOutcome.findUnique({ where: { caseNo: finished } })).toMatchObject({
      kind: 'done',
      credited: 'zhaomin',
      creditedDepartment: 'kpb',
      coveredFor: 'lihua',
      handler: 'lihua',
      onTime: true,
    });
    const record = await recordOf(late);
    expect(record).toMatchObject({ kind: 'overdue', subject: 'zhaomin', person: 'zhaomin' });
    expect(record.detail).toMatchObject({ handler: 'lihua', coveredFor: 'lihua' });
  });
});
