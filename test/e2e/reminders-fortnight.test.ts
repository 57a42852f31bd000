import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { at, instants, line, textOf, tickAt } from '../support/reminder-walk.ts';

/**
 * A fortnight in September 2026 with the make-up workday Sunday 09-20 and 中秋 (Fri 09-25 to Sun
 * 09-27), stepped every 30 minutes with a scheduler tick at each step. Every message the bot sends
 * is checked: to whom, when, and what it says. Commands are typed at 10:00, 14:00 and 16:00, reminders
 * fall on 09:00 and 15:30, so each message belongs to one or the other.
 */
describe.each(BACKENDS)('a fortnight of deadline reminders (%s)', (backend) => {
  let t: TestBot;
  const commandTimes = new Set<number>();
  const replies: Record<string, string[]> = {};
  let A = 0;
  let C = 0;

  const say = async (when: Date, from: string, text: string) => {
    t.clock.set(when);
    commandTimes.add(when.getTime());
    const r = await t.say(from, text);
    replies[text] = r;
    return r;
  };
  const caseNo = (reply: string[] | undefined) => Number(/#(\d+)/.exec(reply?.[0] ?? '')?.[1]);

  beforeAll(async () => {
    t = await startTestBot({ backend, now: at('2026-09-17T09:55:00') });
    // 李华 is away Wed 09-23 and Thu 09-24: 赵敏 (B) covers her cases and is addressed as the handler.
    await t.database.prisma.absence.create({
      data: { userid: 'lihua', from: at('2026-09-23T00:00:00'), to: at('2026-09-24T23:59:59'), reason: '培训', createdAt: at('2026-09-17T09:55:00') },
    });
    const actions = new Map<number, () => Promise<unknown>>([
      [at('2026-09-17T10:00:00').getTime(), async () => (A = caseNo(await say(at('2026-09-17T10:00:00'), 'lihua', '登记 来电 批复 张三 13800000000 科普项目批复')))],
      [at('2026-09-22T14:00:00').getTime(), async () => (C = caseNo(await say(at('2026-09-22T14:00:00'), 'lihua', '登记 来人 批复 李四 项目经费批复')))],
      [at('2026-09-28T10:00:00').getTime(), () => say(at('2026-09-28T10:00:00'), 'lihua', `办结 #${A} 已批复`)],
      [at('2026-09-28T16:00:00').getTime(), () => say(at('2026-09-28T16:00:00'), 'lihua', `办结 #${C} 已批复`)],
    ]);
    for (const now of instants(at('2026-09-17T10:00:00'), at('2026-09-30T23:30:00'), 30)) {
      await actions.get(now.getTime())?.();
      await tickAt(t, now);
    }
  }, 300_000);
  afterAll(async () => t?.close());

  it('registers both cases with their working-day deadlines', () => {
    expect(A).toBeGreaterThan(0);
    expect(C).toBeGreaterThan(A);
    expect(Object.values(replies).flat().join('\n')).toContain('9月21日（周一）24:00');
    expect(Object.values(replies).flat().join('\n')).toContain('9月28日（周一）24:00');
  });

  it('sends exactly these reminders, to these people, at these times', () => {
    // The clock runs on from each instant set, so a message is stamped a few milliseconds after it.
    const byCommand = (m: { at: number }) => [...commandTimes].some((c) => m.at >= c && m.at < c + 60_000);
    const reminders = t.wecom.messages.filter((m) => !byCommand(m)).map(line).sort();
    expect(reminders).toEqual([
      // The working day before the due day is the make-up Sunday; what falls due by opening comes on one morning card per person.
      `09-20 09:00 lihua 【每日待办汇总】9月20日`,
      `09-20 09:00 zhaomin 【每日待办汇总】9月20日`,
      `09-21 09:00 chenjing 【每日待办汇总】9月21日`,
      `09-21 09:00 lihua 【每日待办汇总】9月21日`,
      `09-21 09:00 zhaomin 【每日待办汇总】9月21日`,
      `09-21 15:30 lihua 【到期提醒】#${A} 今天到期，距下班还有 2 小时`,
      `09-21 15:30 zhaomin 【到期提醒】#${A} 今天到期，距下班还有 2 小时`,
      // Overdue at midnight; routine, so it waits for the office to open, on the digest; the office head sees it too.
      `09-22 09:00 chenjing 【每日待办汇总】9月22日`,
      // The overdue case is recorded for the office; 李华 is told, and may explain (申辩) before it decides.
      `09-22 09:00 lihua 【效能记录】您有 1 条新的效能记录，办公室将据此认定：`,
      `09-22 09:00 lihua 【每日待办汇总】9月22日`,
      `09-22 09:00 liuyang 【每日待办汇总】9月22日`,
      `09-22 09:00 zhaomin 【每日待办汇总】9月22日`,
      // Second overdue working day: the leader is told, on the digest too. 李华 is away.
      `09-23 09:00 chenjing 【每日待办汇总】9月23日`,
      `09-23 09:00 liuyang 【每日待办汇总】9月23日`,
      `09-23 09:00 wangqiang 【每日待办汇总】9月23日`,
      `09-23 09:00 zhaomin 【每日待办汇总】9月23日`,
      `09-24 09:00 chenjing 【每日待办汇总】9月24日`,
      `09-24 09:00 liuyang 【每日待办汇总】9月24日`,
      `09-24 09:00 zhaomin 【每日待办汇总】9月24日`,
      // 中秋 09-25..27: nothing. Monday: 李华 is back.
      `09-28 09:00 chenjing 【每日待办汇总】9月28日`,
      `09-28 09:00 lihua 【每日待办汇总】9月28日`,
      `09-28 09:00 liuyang 【每日待办汇总】9月28日`,
      `09-28 09:00 zhaomin 【每日待办汇总】9月28日`,
      `09-28 15:30 lihua 【到期提醒】#${C} 今天到期，距下班还有 2 小时`,
      `09-28 15:30 zhaomin 【到期提醒】#${C} 今天到期，距下班还有 2 小时`,
    ]);
  });

  it('says in each message what is due, when, and the one command that ends it', () => {
    const to = (u: string, head: string) => t.wecom.messagesTo(u).find((m) => line(m).includes(head))!;
    // The handler's reminder is the case's card: its facts, the deadline and the command that ends it.
    const dueSoon = to('lihua', `#${A} 今天到期，距下班还有 2 小时`);
    expect(dueSoon.msgtype).toBe('template_card');
    expect(textOf(dueSoon)).toContain('当事人：张三 13800000000');
    expect(textOf(dueSoon)).toContain('办理期限：9月21日（周一）24:00前');
    expect(textOf(dueSoon)).toContain(`办结请发送：办结 #${A} 办理结果`);
    expect(to('zhaomin', `#${A} 今天到期，距下班还有 2 小时`).content).toContain('您是承办人李华的 B 岗');
    expect(to('zhaomin', `#${C} 今天到期，距下班还有 2 小时`).content).toContain('办理期限：9月28日（周一）24:00前');
  });

  it('lists in each digest what the person has to act on, each case once', () => {
    const digest = (u: string, day: string) => textOf(t.wecom.messagesTo(u).find((m) => line(m).includes(`【每日待办汇总】${day}`))!);
    expect(digest('lihua', '9月20日')).toMatch(new RegExp(`即将到期 1 件\n即将到期：#${A} 张三：科普项目批复｜承办人 李华`));
    expect(digest('chenjing', '9月21日')).toMatch(new RegExp(`今日到期 1 件\n今日到期：#${A} 张三：科普项目批复｜承办人 李华`));
    // The leader oversees: the row says how late it is.
    expect(digest('wangqiang', '9月23日')).toMatch(new RegExp(`已超期 1 件\n已超期：#${A} 张三：科普项目批复｜超期 2 个工作日｜承办人 李华`));
    expect(digest('zhaomin', '9月23日')).toMatch(new RegExp(`已超期：#${A} `));
    expect(digest('liuyang', '9月23日')).toMatch(new RegExp(`已超期：#${A} `));
    // 赵敏 covers 李华 on 09-24: A overdue and C due next (Monday, after 中秋), on one card.
    const covering = digest('zhaomin', '9月24日');
    expect(covering).toMatch(new RegExp(`已超期 1 件，即将到期 1 件\n已超期：#${A} .*\n即将到期：#${C} 李四：项目经费批复｜您顶岗（李华不在岗）`));
    const monday = digest('chenjing', '9月28日');
    expect(monday).toMatch(new RegExp(`已超期：#${A} `));
    expect(monday).toMatch(new RegExp(`今日到期：#${C} 李四`));
    expect(monday).toContain('办结请发送：办结 #编号 办理结果');
    for (const m of t.wecom.messages.filter((x) => line(x).includes('【每日待办汇总】'))) {
      const nos = (m.card!['horizontal_content_list'] as { value: string }[]).map((r) => r.value.split(' ')[0]);
      expect(new Set(nos).size, line(m)).toBe(nos.length);
    }
  });
});
