/** R4 首问负责制 through the webhook: 转办, 外转, 紧急, and who may do them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { LIFECYCLE_ORG, actionsOf, caseJson, inboxOf, register, stateOf } from '../support/lifecycle-helpers.ts';

// Tuesday 2026-12-01 09:30 China time.
const TUESDAY = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('first-inquiry responsibility (R4) (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: LIFECYCLE_ORG, now: TUESDAY });
  });
  afterAll(async () => t?.close());

  const away = async (userids: string[]) => {
    for (const userid of userids) {
      await t.database.prisma.absence.create({ data: { userid, from: new Date('2026-11-30T00:00:00+08:00'), to: new Date('2026-12-31T23:59:59+08:00'), createdAt: TUESDAY, reason: '出差' } });
    }
  };
  const back = async () => {
    await t.database.prisma.absence.deleteMany({});
  };

  it('transfers to a person, who owns it and is told; the first responder keeps sight of it until it is done', async () => {
    const no = await register(t, 'lihua', '登记 来电 咨询 张三 学会换届程序');
    const luweiBefore = inboxOf(t, 'luwei').length;
    const [reply] = await t.say('lihua', `转办 #${no} 卢伟 请协助答复`);
    expect(reply).toContain(`已将 #${no} 转办给卢伟（学会学术部）`);
    expect(reply).toContain('首问责任人');
    const told = inboxOf(t, 'luwei').slice(luweiBefore);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`【转办】李华将 #${no} 转给您办理`);
    expect(told[0]).toContain('附言：请协助答复');

    const body = await caseJson(t, no);
    expect(body).toMatchObject({ status: 'OPEN', handler: 'luwei', firstResponder: 'lihua', department: 'xhb' });
    expect(actionsOf(body)).toEqual(['registered', 'transferred']);
    expect(body.history[1]).toMatchObject({ actor: 'lihua', detail: { from: 'lihua', to: 'luwei', via: 'person', departmentAway: false } });

    const [todo] = await t.say('lihua', '待办');
    expect(todo).toMatch(new RegExp(`#${no} .*现由卢伟承办`, 'u'));
    expect((await t.say('luwei', '待办'))[0]).toContain(`#${no} `);

    await t.say('luwei', `办结 #${no} 已电话答复`);
    expect((await t.say('lihua', '待办'))[0]).not.toContain(`#${no} `);
  });

  it('transfers to a department: the holder of the post that handles the case, or whoever covers them', async () => {
    const a = await register(t, 'lihua', '登记 来人 批复 某学会 成立申请');
    await t.say('lihua', `转办 #${a} 学会学术部`);
    expect((await caseJson(t, a)).handler).toBe('luwei');

    await away(['luwei']);
    const b = await register(t, 'lihua', '登记 来人 批复 某学会 变更申请');
    const [reply] = await t.say('lihua', `转办 #${b} xhb`);
    expect(reply).toContain('转办给冯洁');
    expect((await caseJson(t, b)).handler).toBe('fengjie');
    await back();
  });

  it('still takes a transfer when the whole department is away, and tells the office and the department head', async () => {
    await away(['yangfan', 'luwei', 'fengjie']);
    const no = await register(t, 'lihua', '登记 来信 维权 王五 科研成果被侵占');
    const office = inboxOf(t, 'liuyang').length;
    const head = inboxOf(t, 'yangfan').length;
    const [reply] = await t.say('lihua', `转办 #${no} 学会学术部`);
    expect(reply).toContain('人员目前均不在岗，已同时告知办公室和部室负责人');
    const body = await caseJson(t, no);
    expect(body.handler).toBe('yangfan');
    expect(body.history[1].detail).toMatchObject({ departmentAway: true, notified: expect.arrayContaining(['yangfan', 'liuyang']) });
    expect(inboxOf(t, 'liuyang').slice(office)).toEqual([expect.stringContaining(`【部室全员不在岗】#${no} 已转办至学会学术部`)]);
    expect(inboxOf(t, 'yangfan').slice(head).join('\n')).toContain(`#${no}`);
    await back();
  });

  it('refuses a transfer by someone with no role in the case, naming every mistake at once, and changes nothing', async () => {
    const no = await register(t, 'lihua', '登记 来电 咨询 赵六 科普基地申报');
    const before = await stateOf(t);
    const [answer] = await t.say('zhaomin', `转办 #${no} 无名氏`);
    expect(answer).toContain(`#${no} 未能办理`);
    expect(answer).toContain('1. 此操作只能由承办人李华、首问责任人李华或顶岗人员办理');
    expect(answer).toContain('2. 本单位没有名为“无名氏”的人员或部室');
    const [self] = await t.say('lihua', `转办 #${no} 李华`);
    expect(self).toContain('已是本事项的承办人');
    const [garbled] = await t.say('lihua', '转办');
    expect(garbled).toMatch(/1\.[\s\S]*2\./u);
    expect(await stateOf(t)).toEqual(before);
  });

  it('refers a matter outside the unit with the competent body and the explanation, and closes it', async () => {
    const no = await register(t, 'chenjing', '登记 来人 咨询 孙七 职称评审');
    const before = await stateOf(t);
    const [wrong] = await t.say('lihua', `外转 #${no} 市人社局 不属本单位职责`);
    expect(wrong).toContain('只能由承办人陈静');
    expect(await stateOf(t)).toEqual(before);

    const [reply] = await t.say('chenjing', `外转 #${no} 市人力资源和社会保障局 职称评审由人社部门负责，已告知其地址和电话`);
    expect(reply).toContain('已外转并结案');
    expect(reply).toContain('承办单位：市人力资源和社会保障局');
    const body = await caseJson(t, no);
    expect(body).toMatchObject({ status: 'REFERRED_OUT', result: '职称评审由人社部门负责，已告知其地址和电话' });
    expect(body.closedAt).not.toBeNull();
    expect(body.history[1]).toMatchObject({ action: 'referred_out', actor: 'chenjing', detail: { competentBody: '市人力资源和社会保障局' } });

    const [again] = await t.say('chenjing', `办结 #${no} 再办`);
    expect(again).toContain('“已外转”，不能办结');
  });

  it('records an urgent matter and alerts the principal leader at once', async () => {
    const no = await register(t, 'lihua', '登记 来人 维权 周八 实验室安全事故');
    const principalBefore = inboxOf(t, 'zhangwei').length;
    const before = await stateOf(t);
    const [wrong] = await t.say('xuming', `紧急 #${no} 需要领导关注`);
    expect(wrong).toContain('只能由承办人李华、首问责任人李华或顶岗人员办理');
    expect(await stateOf(t)).toEqual(before);
    expect(inboxOf(t, 'zhangwei')).toHaveLength(principalBefore);

    const [reply] = await t.say('lihua', `紧急 #${no} 当事人称有人员受伤，需立即协调`);
    expect(reply).toContain('已立即报告主要负责人张伟');
    const alert = inboxOf(t, 'zhangwei').slice(principalBefore);
    expect(alert).toHaveLength(1);
    expect(alert[0]).toContain(`【紧急】李华报告 #${no} 特别紧急重大：当事人称有人员受伤，需立即协调`);
    const body = await caseJson(t, no);
    expect(body).toMatchObject({ status: 'OPEN', urgent: true });
    expect(body.history[1]).toMatchObject({ action: 'marked_urgent', detail: { note: '当事人称有人员受伤，需立即协调', alerted: 'zhangwei' } });
  });
});
