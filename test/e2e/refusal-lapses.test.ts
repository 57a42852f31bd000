/**
 * Issue 13 items 4 and 5 (否定报备 §3, §4): a written notice not given within its 7 days, and a filing
 * left undecided past the case deadline, are alerted and recorded for the office.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, inboxOf, register } from '../support/lifecycle-helpers.ts';
import { at, tickAt } from '../support/reminder-walk.ts';

describe.each(BACKENDS)('refusal clocks that lapse (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: at('2026-12-01T09:30:00') });
  });
  afterAll(async () => t?.close());

  const records = async (kind: string) => (await t.api(`/api/accountability?kind=${kind}`)).body.records as any[];
  const since = (userids: string[]) => new Map(userids.map((u) => [u, inboxOf(t, u).length]));
  const newTo = (marks: Map<string, number>, u: string) => inboxOf(t, u).slice(marks.get(u) ?? 0);

  it('alerts handler, head and leader once the 7-day written notice is missed, and records it', async () => {
    t.clock.set(at('2026-12-01T09:30:00'));
    const no = await register(t, 'lihua', '登记 来人 KP-01 张三 科普项目申报');
    await t.say('lihua', `拒绝 #${no} 申报单位不具备法人资格`);
    await t.say('wangqiang', `同意 #${no}`);
    // Due Tuesday 12-08 24:00; the reminders come the day before and on the day.
    await tickAt(t, at('2026-12-08T09:00:00'));
    expect(await records('late_written_notice')).toEqual([]);
    const marks = since(['lihua', 'chenjing', 'wangqiang']);
    await tickAt(t, at('2026-12-09T09:00:00'));
    // The alert, then the record's own notice that invites a 申辩 (R9).
    expect(newTo(marks, 'lihua')).toEqual([
      expect.stringContaining(`【书面告知超期】#${no} 的不予办理书面告知期限（12月8日（周二）24:00）已过`),
      expect.stringMatching(new RegExp(`^【效能记录】您有 1 条新的效能记录[\\s\\S]*未按期书面告知 #${no}`, 'u')),
    ]);
    expect(newTo(marks, 'lihua')[0]).toContain(`告知后请发送：告知 #${no} 告知方式`);
    expect(newTo(marks, 'chenjing')).toEqual([expect.stringContaining(`【书面告知超期】#${no}`)]);
    expect(newTo(marks, 'wangqiang')).toEqual([expect.stringContaining(`【书面告知超期】#${no}`)]);
    const late = await records('late_written_notice');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ kind: 'late_written_notice', subject: 'lihua', department: 'kpb', caseNo: no });
    // Once: the next morning brings nothing more, and a late 告知 records nothing twice.
    await tickAt(t, at('2026-12-10T09:00:00'));
    expect(newTo(marks, 'lihua')).toHaveLength(2);
    const [late告知] = await t.say('lihua', `告知 #${no} 已邮寄`);
    expect(late告知).toContain('已超过 7 日期限');
    expect(await records('late_written_notice')).toHaveLength(1);
  });

  it('records a 告知 given after the deadline even when no alert went out first', async () => {
    t.clock.set(at('2026-12-10T10:00:00'));
    const no = await register(t, 'lihua', '登记 来人 KP-01 李四 科普项目申报');
    await t.say('lihua', `拒绝 #${no} 材料造假`);
    await t.say('wangqiang', `同意 #${no}`);
    // Thursday 12-10 + 7 = Thursday 12-17 24:00; 告知 on Friday 12-18 at 08:00, before the office opens.
    t.clock.set(at('2026-12-18T08:00:00'));
    await t.say('lihua', `告知 #${no} 已当面送达`);
    const late = (await records('late_written_notice')).filter((r) => r.caseNo === no);
    expect(late).toEqual([expect.objectContaining({ subject: 'lihua', caseNo: no })]);
  });

  it('records a filing left undecided past the case deadline against the leader, and tells the principal', async () => {
    t.clock.set(at('2026-12-21T09:30:00'));
    // KP-01 is a review: one working day, due Tuesday 12-22 24:00.
    const no = await register(t, 'lihua', '登记 来人 KP-01 王五 科普项目申报');
    await t.say('lihua', `拒绝 #${no} 不符合申报条件`);
    const marks = since(['zhangwei', 'wangqiang']);
    await tickAt(t, at('2026-12-22T17:00:00'));
    expect((await records('refusal_undecided')).filter((r) => r.caseNo === no)).toEqual([]);
    await tickAt(t, at('2026-12-23T09:00:00'));
    const told = newTo(marks, 'zhangwei').filter((m) => m.includes('【报备逾期未决定】'));
    expect(told).toEqual([expect.stringContaining(`李华于 12月21日 09:30 报备不予办理 #${no}（当事人：王五），事项办理期限（12月22日（周二）24:00）已过，王强仍未决定。`)]);
    const undecided = (await records('refusal_undecided')).filter((r) => r.caseNo === no);
    expect(undecided).toEqual([expect.objectContaining({ subject: 'wangqiang', department: 'kpb', caseNo: no })]);
    await tickAt(t, at('2026-12-24T09:00:00'));
    expect(newTo(marks, 'zhangwei').filter((m) => m.includes('【报备逾期未决定】'))).toHaveLength(1);
  });

  it('holds the principal accountable for an escalated filing left undecided', async () => {
    t.clock.set(at('2026-12-24T09:30:00'));
    const no = await register(t, 'lihua', '登记 来人 KP-01 赵六 科普项目申报');
    await t.say('lihua', `拒绝 #${no} 涉及多部门`);
    await t.say('wangqiang', `上报 #${no} 请主要负责人决定`);
    await tickAt(t, at('2026-12-28T09:00:00'));
    const undecided = (await records('refusal_undecided')).filter((r) => r.caseNo === no);
    expect(undecided).toEqual([expect.objectContaining({ subject: 'zhangwei', caseNo: no })]);
  });

  it('records the leader when a 请示 lapses into deemed approval with its refusal still undecided', async () => {
    t.clock.set(at('2026-12-28T09:30:00'));
    // ZX-01 is a 请示 of 组织宣传部 (leader 孙丽): three working days, due Thursday 12-31 24:00.
    const no = await register(t, 'songtao', '登记 来信 ZX-01 某区科协 关于建立基层科协组织的请示');
    await t.say('songtao', `拒绝 #${no} 不符合组建条件`);
    const marks = since(['zhangwei']);
    await tickAt(t, at('2027-01-04T09:00:00'));
    expect((await t.api(`/api/cases/${no}`)).body.status).toBe('DEEMED_APPROVED');
    const undecided = (await records('refusal_undecided')).filter((r) => r.caseNo === no);
    expect(undecided).toEqual([expect.objectContaining({ subject: 'sunli', caseNo: no })]);
    expect(newTo(marks, 'zhangwei').join('\n')).toContain(`#${no}`);
  });
});
