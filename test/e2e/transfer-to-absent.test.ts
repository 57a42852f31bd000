/** Issue 13 item 1 (AB岗 §4): a transfer to an absent person reaches whoever covers them, and the sender is told who. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, caseJson, inboxOf, register } from '../support/lifecycle-helpers.ts';

// Tuesday 2026-12-01 09:30. 宋涛 (songtao) holds 基层组织建设 as A, 韩雪 (hanxue) is his B, 马青 (maqing) heads 组织宣传部.
const TUESDAY = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('transfer to an absent person (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: TUESDAY });
  });
  afterAll(async () => t?.close());

  it('tells the B holder who covers, and tells the sender who that is', async () => {
    await t.say('songtao', '请假 今天 12月3日 外出培训');
    const no = await register(t, 'lihua', '登记 来电 咨询 张三 基层科协组建程序');
    const hanxue = inboxOf(t, 'hanxue').length;
    const [reply] = await t.say('lihua', `转办 #${no} 宋涛`);
    expect(reply).not.toContain('对方已收到通知');
    expect(reply).toContain(`已将 #${no} 转办给宋涛（组织宣传部）`);
    expect(reply).toContain('宋涛目前不在岗，由韩雪（B岗顶岗）代为办理，已通知韩雪。');
    const told = inboxOf(t, 'hanxue').slice(hanxue);
    expect(told).toEqual([expect.stringContaining(`【转办】李华将 #${no} 转给宋涛办理`)]);
    expect(told[0]).toContain('宋涛不在岗，由您顶岗办理（B岗顶岗）。');
    const body = await caseJson(t, no);
    expect(body).toMatchObject({ handler: 'songtao' });
    expect(body.history[1].detail.notified).toEqual(expect.arrayContaining(['songtao', 'hanxue']));
  });

  it('tells the department head when A and B are both away', async () => {
    await t.say('hanxue', '请假 今天 12月3日 年休假');
    const no = await register(t, 'lihua', '登记 来电 咨询 李四 党建活动报名');
    const maqing = inboxOf(t, 'maqing').length;
    const [reply] = await t.say('lihua', `转办 #${no} 宋涛`);
    expect(reply).toContain('宋涛目前不在岗，由马青（部室负责人顶岗）代为办理，已通知马青。');
    expect(inboxOf(t, 'maqing').slice(maqing)).toEqual([expect.stringContaining(`【转办】李华将 #${no} 转给宋涛办理`)]);
  });

  it('says so when nobody covers the absent person', async () => {
    await t.say('maqing', '请假 今天 12月3日 开会');
    const no = await register(t, 'lihua', '登记 来电 咨询 王五 宣传资料');
    const [reply] = await t.say('lihua', `转办 #${no} 宋涛`);
    expect(reply).not.toContain('对方已收到通知');
    expect(reply).toContain('组织宣传部人员目前均不在岗');
  });
});
