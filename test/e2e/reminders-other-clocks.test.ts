import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { at, headline, instants, line, textOf, tickAt } from '../support/reminder-walk.ts';

/**
 * The clocks besides the case ladder, through the real webhook: a request for instructions deemed
 * approved at its deadline, an urgent case that does not wait for office hours, a refusal filing
 * waiting on its leader, the 7-day written notice after approval, a complaint the office must
 * answer, and the department head's morning digest. Two weeks of September 2026, ticked every 30 min.
 */
describe.each(BACKENDS)('the other clocks (%s)', (backend) => {
  let t: TestBot;
  const commandTimes: number[] = [];
  const no: Record<string, number> = {};

  const say = async (when: string, from: string, text: string) => {
    const instant = at(when);
    t.clock.set(instant);
    commandTimes.push(instant.getTime());
    return t.say(from, text);
  };
  const caseNo = (replies: string[]) => Number(/#(\d+)/.exec(replies[0] ?? '')?.[1]);

  beforeAll(async () => {
    t = await startTestBot({ backend, now: at('2026-09-17T09:30:00') });
    const actions: Record<string, () => Promise<unknown>> = {
      '2026-09-17T10:00:00': async () => {
        no['I'] = caseNo(await say('2026-09-17T10:00:00', 'chenjing', '登记 来信 请示 区科协 关于年度计划的请示'));
        await say('2026-09-17T10:00:00', 'zhaomin', '投诉 科普部电话无人接听');
      },
      '2026-09-21T10:00:00': async () => {
        no['U'] = caseNo(await say('2026-09-21T10:00:00', 'lihua', '登记 来人 审核 王五 申报材料'));
        await say('2026-09-21T10:00:00', 'lihua', `紧急 #${no['U']} 多人集体来访`);
      },
      '2026-09-22T16:00:00': async () => {
        no['R'] = caseNo(await say('2026-09-22T16:00:00', 'lihua', '登记 来电 批复 赵六 项目批复'));
        await say('2026-09-22T16:00:00', 'lihua', `拒绝 #${no['R']} 不符合申报条件`);
      },
      '2026-09-23T10:00:00': () => say('2026-09-23T10:00:00', 'lihua', `办结 #${no['U']} 已受理`),
      '2026-09-23T16:00:00': () => say('2026-09-23T16:00:00', 'wangqiang', `同意 #${no['R']}`),
      '2026-09-24T10:00:00': () => say('2026-09-24T10:00:00', 'liuyang', '答复投诉 1 不属实 经核查电话线路故障，已修复'),
      // The written notice is given after the first reminder: the second one never comes.
      '2026-09-29T10:00:00': () => say('2026-09-29T10:00:00', 'lihua', `告知 #${no['R']} 已当面送达不予办理告知书`),
    };
    const byTime = new Map(Object.entries(actions).map(([k, f]) => [at(k).getTime(), f]));
    for (const now of instants(at('2026-09-17T10:00:00'), at('2026-09-30T23:30:00'), 30)) {
      await byTime.get(now.getTime())?.();
      await tickAt(t, now);
    }
  }, 300_000);
  afterAll(async () => t?.close());

  it('has the states the commands and the deadline made', async () => {
    const api = async (n: number) => (await t.api(`/api/cases/${n}`)).body;
    expect((await api(no['I']!)).status).toBe('DEEMED_APPROVED');
    expect((await api(no['U']!)).status).toBe('DONE');
    expect((await api(no['R']!)).status).toBe('REFUSED');
    const complaint = await t.database.prisma.complaint.findUniqueOrThrow({ where: { id: 1 } });
    expect(complaint.dueAt).toEqual(at('2026-09-23T23:59:59.999'));
    const filing = await t.database.prisma.refusalFiling.findFirstOrThrow({ where: { caseNo: no['R']! } });
    expect(filing.noticeDueAt).toEqual(at('2026-09-30T23:59:59.999'));
    // The test clock runs on from the instant it was set, so allow the seconds the command took.
    expect(filing.noticeGivenAt!.getTime() - at('2026-09-29T10:00:00').getTime()).toBeGreaterThanOrEqual(0);
    expect(filing.noticeGivenAt!.getTime() - at('2026-09-29T10:00:00').getTime()).toBeLessThan(60_000);
    const history = (await api(no['R']!)).history as { action: string; detail: { how?: string } }[];
    expect(history.at(-1)).toMatchObject({ action: 'written_notice_given', detail: { how: '已当面送达不予办理告知书' } });
  });

  it('sends exactly these messages on its own, to these people, at these times', () => {
    const byCommand = (m: { at: number }) => commandTimes.some((c) => m.at >= c && m.at < c + 60_000);
    const { I, U, R } = no;
    expect(t.wecom.messages.filter((m) => !byCommand(m)).map(line).sort()).toEqual([
      // 请示 ladder: handler only (no B post); what falls due by opening comes on her morning card, once.
      `09-20 09:00 chenjing 【每日待办汇总】9月20日`,
      `09-21 09:00 chenjing 【每日待办汇总】9月21日`,
      `09-21 15:30 chenjing 【到期提醒】#${I} 今天到期，距下班还有 2 小时`,
      // Deemed approved at midnight; told when the office opens: handler/head, office head, leader.
      `09-22 09:00 chenjing 【视为同意】请示性事项 #${I} 未在期限（9月21日（周一）24:00）内答复，按限时办结制第五条视为默认同意，由此产生的后果由办理单位科普部负责。`,
      `09-22 09:00 chenjing 【每日待办汇总】9月22日`,
      // The deemed approval is recorded against the unit, with 陈静 (who was to answer) as the person concerned.
      `09-22 09:00 chenjing 【效能记录】您有 1 条新的效能记录，办公室将据此认定：`,
      `09-22 09:00 liuyang 【投诉答复提醒】效能投诉 编号 1 下个工作日到期`,
      `09-22 09:00 liuyang 【视为同意】请示性事项 #${I} 未在期限（9月21日（周一）24:00）内答复，按限时办结制第五条视为默认同意，由此产生的后果由办理单位科普部负责。`,
      // An urgent case due today, at opening: on the morning card like the rest.
      `09-22 09:00 lihua 【每日待办汇总】9月22日`,
      `09-22 09:00 wangqiang 【视为同意】请示性事项 #${I} 未在期限（9月21日（周一）24:00）内答复，按限时办结制第五条视为默认同意，由此产生的后果由办理单位科普部负责。`,
      `09-22 09:00 zhaomin 【每日待办汇总】9月22日`,
      `09-22 15:30 lihua 【紧急】【到期提醒】#${U} 今天到期，距下班还有 2 小时`,
      `09-22 15:30 zhaomin 【紧急】【到期提醒】#${U} 今天到期，距下班还有 2 小时`,
      // Urgent: the overdue alert goes at midnight, not at the next opening.
      `09-23 00:00 chenjing 【紧急】【超期提醒】#${U} 已超过办理期限`,
      `09-23 00:00 lihua 【紧急】【超期提醒】#${U} 已超过办理期限`,
      `09-23 00:00 zhaomin 【紧急】【超期提醒】#${U} 已超过办理期限`,
      // R3 §5: the written answer to the applicant of the deemed 请示 is due at the end of 09-23.
      `09-23 09:00 chenjing 【书面告知提醒】请示性事项 #${I} 已视为同意，书面告知期限今天届满。`,
      `09-23 09:00 chenjing 【每日待办汇总】9月23日`,
      // The urgent case's overdue record is told when the office opens, not at midnight.
      `09-23 09:00 lihua 【效能记录】您有 1 条新的效能记录，办公室将据此认定：`,
      // The office head sees the overdue case on the morning card; those told at midnight do not get it again.
      `09-23 09:00 liuyang 【每日待办汇总】9月23日`,
      // Filed Tue 16:00: half a working day → Wed 11:30 to the leader; one working day → Wed 15:30 to the principal.
      `09-23 11:30 wangqiang 【待您决定】李华于 9月22日 16:00 报备不予办理 #${R}（当事人：赵六），已过半个工作日，尚未决定。`,
      `09-23 15:30 zhangwei 【待决定提醒】李华于 9月22日 16:00 报备不予办理 #${R}（当事人：赵六），报分管领导王强已过一个工作日，尚未决定。`,
      `09-24 09:00 liuyang 【投诉答复提醒】效能投诉 编号 1 已超过答复期限`,
      // Approved Wed 09-23: written notice due Wed 09-30 24:00.
      `09-29 09:00 lihua 【书面告知提醒】#${R} 的不予办理已获同意，书面告知期限下个工作日届满。`,
      // 告知 #R on 09-29 10:00 stopped the due-day reminder of 09-30.
    ].sort());
  });

  it('puts what is due today and what waits on a decision in the head digest', () => {
    const digest = (u: string, day: string) => textOf(t.wecom.messagesTo(u).find((m) => headline(m) === `【每日待办汇总】${day}`)!);
    expect(digest('chenjing', '9月22日')).toMatch(new RegExp(`今日到期 1 件\\n今日到期：#${no['U']} 王五：申报材料｜承办人 李华`));
    expect(digest('chenjing', '9月23日')).toMatch(new RegExp(`待领导决定 1 件\\n待领导决定：#${no['R']} 赵六：项目批复｜承办人 李华｜不予办理报备中`));
    // 陈静 heard of the overdue #U at midnight: her card of 09-23 does not list it again; the office head's does.
    expect(digest('chenjing', '9月23日')).not.toContain(`#${no['U']} `);
    expect(digest('liuyang', '9月23日')).toMatch(new RegExp(`已超期 1 件\\n已超期：#${no['U']} 王五`));
  });

  it('tells each reminded person the command that ends it', () => {
    const first = (u: string, head: string) => t.wecom.messagesTo(u).find((m) => m.content?.startsWith(head))!.content!;
    expect(first('wangqiang', '【待您决定】')).toContain(`同意请发送“同意 #${no['R']}”；不同意请发送“纠正 #${no['R']} 意见”`);
    expect(first('zhangwei', '【待决定提醒】')).toContain(`上报 #${no['R']}`);
    expect(first('liuyang', '【投诉答复提醒】')).toContain('答复请发送：答复投诉 1 属实|不属实 答复内容');
    expect(first('lihua', '【书面告知提醒】')).toContain('请于 9月30日（周三）24:00前以规范性文件书面告知当事人赵六');
    expect(first('lihua', '【书面告知提醒】')).toContain(`告知后请发送：告知 #${no['R']} 告知方式`);
  });
});
