/**
 * Issue 13 item 3 (限时办结制): a deadline at least 30 minutes after registration gets at least one
 * reminder to the handler and B before it passes, inside office hours unless the case is urgent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, register } from '../support/lifecycle-helpers.ts';
import { at, headline, instants, line, tickAt } from '../support/reminder-walk.ts';

describe.each(BACKENDS)('reminders before a short deadline (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: at('2026-12-01T10:00:00') });
  });
  afterAll(async () => t?.close());

  /** Ticks every `step` minutes over [from, to] and returns what the bot sent by itself about case `no`. */
  const walk = async (from: string, to: string, step: number, no: number) => {
    const before = t.wecom.messages.length;
    for (const now of instants(at(from), at(to), step)) await tickAt(t, now);
    // Sorted: two people's reminders of one minute go out in parallel lanes, in either order.
    return t.wecom.messages.slice(before).filter((m) => headline(m).includes(`#${no} `)).map(line).sort();
  };

  it('reminds the handler and B two hours before a deadline later the same day', async () => {
    t.clock.set(at('2026-12-01T10:00:00'));
    const no = await register(t, 'lihua', '登记 内部 陈静 整理上报科普周活动总结 期限 今天 12:30');
    const sent = await walk('2026-12-01T10:00:00', '2026-12-01T12:29:00', 1, no);
    expect(sent).toEqual([`12-01 10:30 lihua 【到期提醒】#${no} 即将到期，还有 2 小时`, `12-01 10:30 zhaomin 【到期提醒】#${no} 即将到期，还有 2 小时`]);
  });

  it('reminds half-way when the deadline is less than two hours away', async () => {
    t.clock.set(at('2026-12-01T13:00:00'));
    const no = await register(t, 'lihua', '登记 内部 陈静 核对报名名单 期限 今天 13:40');
    const sent = await walk('2026-12-01T13:00:00', '2026-12-01T13:39:00', 1, no);
    expect(sent).toEqual([`12-01 13:20 lihua 【到期提醒】#${no} 即将到期，还有 20 分钟`, `12-01 13:20 zhaomin 【到期提醒】#${no} 即将到期，还有 20 分钟`]);
  });

  it('reminds before the office closes when the deadline is early next morning', async () => {
    t.clock.set(at('2026-12-01T16:00:00'));
    const no = await register(t, 'lihua', '登记 内部 陈静 准备明早会议材料 期限 明天 8:30');
    const sent = [...(await walk('2026-12-01T16:00:00', '2026-12-01T17:40:00', 1, no)), ...(await walk('2026-12-01T17:45:00', '2026-12-02T08:29:00', 15, no))];
    expect(sent).toEqual([`12-01 17:29 lihua 【到期提醒】#${no} 即将到期，还有 15 小时 1 分钟`, `12-01 17:29 zhaomin 【到期提醒】#${no} 即将到期，还有 15 小时 1 分钟`]);
  });
});
