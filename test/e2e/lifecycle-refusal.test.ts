/** R6 否定报备制 through the webhook: 拒绝 files, only the addressed leader (or, escalated, the principal) decides. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { LIFECYCLE_ORG, actionsOf, caseJson, inboxOf, register, stateOf } from '../support/lifecycle-helpers.ts';

const TUESDAY = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('refusal filing (R6) (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: LIFECYCLE_ORG, now: TUESDAY });
  });
  afterAll(async () => t?.close());

  /** A KP-01 case of lihua's with a refusal filed; returns its number. */
  const filed = async (reason = '申报单位不具备法人资格') => {
    const no = await register(t, 'lihua', '登记 来人 KP-01 张三 科普项目申报');
    const [reply] = await t.say('lihua', `拒绝 #${no} ${reason}`);
    expect(reply).toContain(`#${no} 的不予办理报备已送分管领导王强决定`);
    return no;
  };

  it('never refuses by itself: it files with the leader of the handler department and waits', async () => {
    const leaderBefore = inboxOf(t, 'wangqiang').length;
    const no = await filed();
    const body = await caseJson(t, no);
    expect(body.status).toBe('REFUSAL_PENDING');
    expect(body.closedAt).toBeNull();
    expect(body.filing).toMatchObject({ status: 'pending', filer: 'lihua', leader: 'wangqiang', reason: '申报单位不具备法人资格' });
    expect(body.history[1]).toMatchObject({ action: 'refusal_filed', actor: 'lihua', detail: { leader: 'wangqiang', filingId: body.filing.id } });
    const toLeader = inboxOf(t, 'wangqiang').slice(leaderBefore);
    expect(toLeader.length).toBeGreaterThan(0);
    expect(toLeader.join('\n')).toContain(`#${no}`);

    // Another department's case goes to its own leader.
    const other = await register(t, 'lihua', '登记 来人 批复 某学会 成立申请');
    await t.say('lihua', `转办 #${other} 卢伟`);
    await t.say('luwei', `拒绝 #${other} 发起人数不足`);
    expect((await caseJson(t, other)).filing).toMatchObject({ leader: 'sunli', filer: 'luwei' });
  });

  it('lets nobody but the addressed leader decide, and changes nothing when someone else tries', async () => {
    const no = await filed();
    const before = await stateOf(t);
    const [otherLeader] = await t.say('sunli', `同意 #${no}`);
    expect(otherLeader).toContain('此报备只能由报送的分管领导王强决定');
    const [principal] = await t.say('zhangwei', `纠正 #${no} 应予受理`);
    expect(principal).toContain('只能由报送的分管领导王强决定');
    const [filer] = await t.say('lihua', `同意 #${no}`);
    expect(filer).toContain('只能由报送的分管领导王强决定');
    const [noInstruction] = await t.say('wangqiang', `纠正 #${no}`);
    expect(noInstruction).toContain('请写上纠正意见');
    const [notHandler] = await t.say('zhaomin', `拒绝 #${no} 再报一次`);
    expect(notHandler).toMatch(/1\. 此操作只能由承办人李华[\s\S]*2\. 事项当前状态为“不予办理报备中”/u);
    const [noFiling] = await t.say('wangqiang', `同意 #${await register(t, 'lihua', '登记 来电 咨询 钱七 问题')}`);
    expect(noFiling).toContain('没有不予办理报备');
    const after = await stateOf(t);
    // Only the last 登记 changed anything.
    expect((after as any).filings).toEqual((before as any).filings);
    expect((after as any).cases.slice(0, -1)).toEqual((before as any).cases);
  });

  it('approves: REFUSED, with the written notice due in 7 natural days, and the filer told', async () => {
    const no = await filed();
    const filerBefore = inboxOf(t, 'lihua').length;
    const [reply] = await t.say('wangqiang', `同意 #${no}`);
    expect(reply).toContain(`已同意 #${no} 不予办理。承办人须在 12月8日（周二）24:00 前以书面形式告知当事人`);
    const body = await caseJson(t, no);
    expect(body.status).toBe('REFUSED');
    expect(body.closedAt).not.toBeNull();
    expect(body.filing).toMatchObject({ status: 'approved', decision: 'approve', decidedBy: 'wangqiang', noticeDueAt: '2026-12-08T15:59:59.999Z' });
    expect(actionsOf(body)).toEqual(['registered', 'refusal_filed', 'refusal_approved']);
    expect(inboxOf(t, 'lihua').slice(filerBefore)).toEqual([expect.stringContaining(`【报备结果】王强同意 #${no} 不予办理`)]);

    const before = await stateOf(t);
    const [again] = await t.say('wangqiang', `纠正 #${no} 改主意了`);
    expect(again).toContain('报备已处理：王强同意不予办理');
    expect(await stateOf(t)).toEqual(before);
  });

  it('records the written notice once, by the handler, only after an approval (告知)', async () => {
    const no = await filed();
    const early = await stateOf(t);
    const [tooSoon] = await t.say('lihua', `告知 #${no} 已邮寄`);
    expect(tooSoon).toContain('不予办理报备中');
    expect(await stateOf(t)).toEqual(early);

    await t.say('wangqiang', `同意 #${no}`);
    const before = await stateOf(t);
    const [notHandler] = await t.say('chenjing', `告知 #${no} 已邮寄`);
    expect(notHandler).toContain('只能由承办人李华');
    expect(await stateOf(t)).toEqual(before);

    const [done] = await t.say('lihua', `告知 #${no} 已邮寄不予办理告知书`);
    expect(done).toContain(`已登记：#${no} 的不予办理已书面告知当事人张三，在期限内`);
    const body = await caseJson(t, no);
    expect(body.status).toBe('REFUSED');
    expect(actionsOf(body)).toEqual(['registered', 'refusal_filed', 'refusal_approved', 'written_notice_given']);

    const [twice] = await t.say('lihua', `告知 #${no} 再寄一份`);
    expect(twice).toContain('无需重复登记');
    expect(actionsOf(await caseJson(t, no))).toHaveLength(4);
  });

  it('overturns: the case is open again under the instruction, which goes to the handler', async () => {
    const no = await register(t, 'lihua', '登记 来人 KP-01 李四 科普项目申报');
    await t.say('lihua', `转办 #${no} 赵敏`);
    await t.say('zhaomin', `拒绝 #${no} 材料不全`);
    const handlerBefore = inboxOf(t, 'zhaomin').length;
    const [reply] = await t.say('wangqiang', `纠正 #${no} 材料不全应一次性告知补正，不得拒绝`);
    expect(reply).toContain(`已对 #${no} 予以纠正，意见已发送承办人赵敏`);
    const told = inboxOf(t, 'zhaomin').slice(handlerBefore);
    expect(told).toEqual([expect.stringContaining('材料不全应一次性告知补正，不得拒绝')]);
    const body = await caseJson(t, no);
    expect(body.status).toBe('OPEN');
    expect(body.filing).toMatchObject({ status: 'overturned', instruction: '材料不全应一次性告知补正，不得拒绝' });
    expect(body.history.at(-1)).toMatchObject({ action: 'refusal_overturned', actor: 'wangqiang', detail: { instruction: '材料不全应一次性告知补正，不得拒绝' } });
    const [done] = await t.say('zhaomin', `办结 #${no} 已受理`);
    expect(done).toContain('已办结');
  });

  it('escalates a major matter to the principal, who alone decides it then', async () => {
    const no = await filed('涉及多部门，情况复杂');
    const principalBefore = inboxOf(t, 'zhangwei').length;
    const [reply] = await t.say('wangqiang', `上报 #${no} 涉及重大利益，请班子研究`);
    expect(reply).toContain(`已将 #${no} 上报主要负责人张伟决定`);
    expect(inboxOf(t, 'zhangwei').slice(principalBefore).join('\n')).toContain(`#${no}`);
    let body = await caseJson(t, no);
    expect(body.status).toBe('ESCALATED');
    expect(body.filing).toMatchObject({ status: 'escalated', escalatedTo: 'zhangwei' });

    const before = await stateOf(t);
    const [leaderAgain] = await t.say('wangqiang', `同意 #${no}`);
    expect(leaderAgain).toContain('此报备已上报，只能由主要负责人张伟决定');
    const [upAgain] = await t.say('zhangwei', `上报 #${no}`);
    expect(upAgain).toContain('“已提交主要负责人”');
    expect(await stateOf(t)).toEqual(before);

    const leaderBefore = inboxOf(t, 'wangqiang').length;
    const [decided] = await t.say('zhangwei', `纠正 #${no} 经研究应予受理`);
    expect(decided).toContain(`已对 #${no} 予以纠正`);
    body = await caseJson(t, no);
    expect(body.status).toBe('OPEN');
    expect(body.filing).toMatchObject({ status: 'overturned', decidedBy: 'zhangwei' });
    expect(actionsOf(body)).toEqual(['registered', 'refusal_filed', 'refusal_escalated', 'refusal_overturned']);
    expect(inboxOf(t, 'wangqiang').slice(leaderBefore).join('\n')).toContain('经研究应予受理');
  });
  // Last: the clock only moves forward.
  it('rolls the written-notice deadline past a holiday and a weekend to the next working day', async () => {
    t.clock.set(new Date('2026-12-25T10:00:00+08:00'));
    const no = await filed();
    await t.say('wangqiang', `同意 #${no}`);
    // Friday 12-25 + 7 days is 元旦 2027-01-01, then a weekend: the first working day after is Monday 01-04.
    expect((await caseJson(t, no)).filing.noticeDueAt).toBe('2027-01-04T15:59:59.999Z');
  });
});
