/** Issue 14 item 7: a leave approved in WeCom's 审批 makes B cover, as 请假 does; revoked, it ends. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { TEST_WECOM, startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, inboxOf, register } from '../support/lifecycle-helpers.ts';

// Tuesday 2026-12-01 09:30. 宋涛 (songtao) holds 基层组织建设 as A, 韩雪 (hanxue) is his B.
const TUESDAY = new Date('2026-12-01T09:30:00+08:00');
const LEAVE_TEMPLATE = '3WLJF6naF5jhnXvwisuPmE85wVMYcy1S1ZvYibkw';
const OTHER_TEMPLATE = 'C4NxTNi3rAt7tWs8jmgjDmGnoh3qYKBkqcQYUAZSh';

describe.each(BACKENDS)('leave from the 审批 app (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: TUESDAY, leaveTemplates: [LEAVE_TEMPLATE] });
  });
  afterAll(async () => t?.close());

  const event = async (spNo: string) => {
    const res = await t.post(t.client.rawCallback(t.wecom.approvals.eventXml(spNo, TEST_WECOM.corpId, Math.floor(t.clock.now().getTime() / 1000))));
    expect(res.status).toBe(200);
    await t.bot.settle();
  };
  const absences = () => t.database.prisma.absence.findMany({ where: { userid: 'songtao' } });

  it('registers nothing while the form is pending, then an approved leave makes B cover: a transfer reaches B', async () => {
    const spNo = t.wecom.approvals.submit({
      spName: '请假',
      templateId: LEAVE_TEMPLATE,
      applicant: 'SongTao', // WeCom's spelling may differ in case from the roster's
      control: 'Vacation',
      begin: new Date('2026-12-01T00:00:00+08:00'),
      end: new Date('2026-12-03T23:59:59+08:00'),
    });
    await event(spNo);
    expect(await absences()).toEqual([]);

    t.wecom.approvals.setStatus(spNo, 2);
    const before = inboxOf(t, 'hanxue').length;
    await event(spNo);
    // A second delivery of the same event, and a late copy, register nothing more.
    await event(spNo);
    const [absence, ...more] = await absences();
    expect(more).toEqual([]);
    expect(absence).toMatchObject({ source: `approval:${spNo}`, reason: '请假', endedAt: null });
    expect(absence!.to.toISOString()).toBe('2026-12-03T15:59:59.000Z');
    // 韩雪 gets the handover note as with 请假; 宋涛 is told the leave is registered.
    expect(inboxOf(t, 'hanxue').slice(before)).toEqual([expect.stringContaining('宋涛')]);
    expect(inboxOf(t, 'songtao').at(-1)).toContain('12月3日');

    const no = await register(t, 'lihua', '登记 来电 咨询 张三 基层科协组建程序');
    const hanxue = inboxOf(t, 'hanxue').length;
    const [reply] = await t.say('lihua', `转办 #${no} 宋涛`);
    expect(reply).toContain('宋涛目前不在岗，由韩雪（B岗顶岗）代为办理，已通知韩雪。');
    expect(inboxOf(t, 'hanxue').slice(hanxue)).toEqual([expect.stringContaining(`【转办】李华将 #${no} 转给宋涛办理`)]);

    // Revoked after approval (6): the absence ends, 宋涛 is back.
    t.wecom.approvals.setStatus(spNo, 6);
    await event(spNo);
    expect((await absences())[0]!.endedAt).not.toBeNull();
    const again = await register(t, 'lihua', '登记 来电 咨询 李四 基层科协组建程序');
    const [back] = await t.say('lihua', `转办 #${again} 宋涛`);
    expect(back).not.toContain('不在岗');
  });

  it('leaves forms of other templates and rejected ones alone', async () => {
    const other = t.wecom.approvals.submit({ spName: '用印', templateId: OTHER_TEMPLATE, applicant: 'hanxue', control: 'Vacation', begin: new Date('2026-12-02T00:00:00+08:00'), end: new Date('2026-12-02T23:59:59+08:00') });
    t.wecom.approvals.setStatus(other, 2);
    await event(other);
    const rejected = t.wecom.approvals.submit({ spName: '请假', templateId: LEAVE_TEMPLATE, applicant: 'hanxue', control: 'Vacation', begin: new Date('2026-12-02T00:00:00+08:00'), end: new Date('2026-12-02T23:59:59+08:00') });
    t.wecom.approvals.setStatus(rejected, 3);
    await event(rejected);
    expect(await t.database.prisma.absence.count({ where: { userid: 'hanxue' } })).toBe(0);
    // Only the approved and the revoked leave above were fetched: the event says enough to skip the rest.
    expect(t.wecom.calls.filter((c) => c.path === '/cgi-bin/oa/getapprovaldetail')).toHaveLength(2);
  });
});
