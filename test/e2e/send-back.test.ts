import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { actionsOf, caseJson, inboxOf, register, stateOf } from '../support/lifecycle-helpers.ts';

const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');

/** 退回 (R4 §4): a transferred case goes back, with reasons, to whoever transferred it. */
describe.each(BACKENDS)('退回 (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: TUESDAY_MORNING });
  });
  afterAll(async () => t?.close());

  it('sends a transferred case back to whoever transferred it, who owns it again and hears why', async () => {
    const no = await register(t, 'lihua', '登记 来电 咨询 张三 13800000000 学会会员证补办');
    await t.say('lihua', `转办 #${no} 刘洋`);
    const lihuaBefore = inboxOf(t, 'lihua').length;
    const [reply] = await t.say('liuyang', `退回 #${no} 会员证由科普部办理`);
    expect(reply).toBe(`已将 #${no} 退回给李华，退回理由已一并告知，此后由其承办。`);
    const told = inboxOf(t, 'lihua').slice(lihuaBefore);
    expect(told).toEqual([expect.stringContaining(`【退回】刘洋将 #${no} 退回给您，理由：会员证由科普部办理`)]);
    const body = await caseJson(t, no);
    expect(body).toMatchObject({ handler: 'lihua', firstResponder: 'lihua', status: 'OPEN' });
    expect(actionsOf(body)).toEqual(['registered', 'transferred', 'sent_back']);
    expect(body.history[2]).toMatchObject({ actor: 'liuyang', detail: { from: 'liuyang', to: 'lihua', reason: '会员证由科普部办理' } });
    const [detail] = await t.say('lihua', `查 #${no}`);
    expect(detail).toContain('刘洋 退回给李华');
  });

  it('tells the first responder, and records the third hand-off of one case as shirking (推诿) for the office', async () => {
    const no = await register(t, 'zhaomin', '登记 来人 咨询 李四 科普活动场地');
    await t.say('zhaomin', `转办 #${no} 李华`);
    await t.say('lihua', `转办 #${no} 刘洋`);
    const firstBefore = inboxOf(t, 'zhaomin').length;
    const [reply] = await t.say('liuyang', `退回 #${no} 不属办公室职责`);
    expect(reply).toContain(`已将 #${no} 退回给李华`);
    expect(reply).toContain('本事项已多次转办或退回，已报办公室备案。');
    expect(inboxOf(t, 'zhaomin').slice(firstBefore)).toEqual([`【退回】#${no} 被刘洋退回给李华，理由：不属办公室职责。您是首问责任人，请关注其办理。`]);
    const { body } = await t.api('/api/accountability?kind=shirked_referral');
    const records = body.records.filter((r: any) => r.caseNo === no);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ subject: 'liuyang', kind: 'shirked_referral' });
    expect(records[0].detail.handOffs.map((h: any) => `${h.action}:${h.from}>${h.to}`)).toEqual(['transferred:zhaomin>lihua', 'transferred:lihua>liuyang', 'sent_back:liuyang>lihua']);
    // A fourth hand-off records nothing more: the case is on the office's list once.
    await t.say('lihua', `转办 #${no} 陈静`);
    const again = (await t.api('/api/accountability?kind=shirked_referral')).body.records.filter((r: any) => r.caseNo === no);
    expect(again).toHaveLength(1);
  });

  it('refuses every wrong 退回 with its reasons and changes nothing', async () => {
    const own = await register(t, 'lihua', '登记 来电 咨询 王五 年会报名');
    const moved = await register(t, 'lihua', '登记 来电 咨询 赵六 证书查询');
    await t.say('lihua', `转办 #${moved} 刘洋`);
    const done = await register(t, 'lihua', '登记 来电 咨询 钱七 讲座时间');
    await t.say('lihua', `转办 #${done} 刘洋`);
    await t.say('liuyang', `办结 #${done} 已电话答复`);
    const before = await stateOf(t);

    expect((await t.say('lihua', `退回 #${own} 不想办`))[0]).toContain('本事项不是转办给您的，不能退回');
    expect((await t.say('zhaomin', `退回 #${moved} 不归我`))[0]).toMatch(/此操作只能由承办人刘洋或其 B 岗顶岗人员办理/u);
    expect((await t.say('liuyang', `退回 #${moved}`))[0]).toContain('请写上理由');
    expect((await t.say('liuyang', `退回 #${done} 晚了`))[0]).toContain('事项当前状态为“已办结”，不能退回');
    expect((await t.say('liuyang', '退回 #99999 没有这件'))[0]).toContain('未找到案件 #99999');
    expect(await stateOf(t)).toEqual(before);

    // Sent back once, it cannot be sent back again: whoever has it now transfers it or handles it.
    await t.say('liuyang', `退回 #${moved} 应由科普部办理`);
    const afterReturn = await stateOf(t);
    expect((await t.say('lihua', `退回 #${moved} 再退`))[0]).toContain('本事项不是转办给您的，不能退回');
    expect(await stateOf(t)).toEqual(afterReturn);
  });
});
