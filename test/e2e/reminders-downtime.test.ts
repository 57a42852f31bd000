import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { BACKENDS, createTestDatabase } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { at, line, textOf, tickAt } from '../support/reminder-walk.ts';

/**
 * The bot is down across several reminder times. When it comes back, each person gets one current
 * reminder per case (or one digest), never the backlog of everything that fell due meanwhile.
 */
describe.each(BACKENDS)('catching up after downtime (%s)', (backend) => {
  let database: Database;
  let bot: TestBot | undefined;
  const nos: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    bot = await startTestBot({ backend, database, now: at('2026-09-17T10:00:00') });
    for (const matter of ['项目批复', '经费批复']) {
      const [reply] = await bot.say('lihua', `登记 来电 批复 张三 ${matter}`);
      nos.push(Number(/#(\d+)/.exec(reply ?? '')?.[1]));
    }
    await bot.close();
    bot = undefined;
  });
  afterAll(async () => {
    await bot?.close();
    await database?.close();
  });

  /** Starts the bot again at `now`, ticks there, and returns what it sent (excluding earlier runs). */
  async function restartAt(now: Date): Promise<string[]> {
    await bot?.close();
    bot = await startTestBot({ backend, database, now });
    await tickAt(bot, now);
    // More ticks in the same hour add nothing: what was current has been sent, once.
    await tickAt(bot, new Date(now.getTime() + 60_000));
    await tickAt(bot, new Date(now.getTime() + 30 * 60_000));
    return bot.wecom.messages.map(line).sort();
  }

  it('after missing the day before, the due day and the overdue alert, sends only the overdue alert, on one morning card per person', async () => {
    // Down from Thu 09-17 10:00 to Tue 09-22 10:30: 4 rungs and a head digest passed unseen.
    const [a, e] = nos;
    expect(await restartAt(at('2026-09-22T10:30:00'))).toEqual([
      // Overdue since midnight: by opening, so on the morning card (the office head's too).
      `09-22 10:30 chenjing 【每日待办汇总】9月22日`,
      // Both overdue cases are recorded; 李华 hears of both records in one message.
      `09-22 10:30 lihua 【效能记录】您有 2 条新的效能记录，办公室将据此认定：`,
      `09-22 10:30 lihua 【每日待办汇总】9月22日`,
      `09-22 10:30 liuyang 【每日待办汇总】9月22日`,
      `09-22 10:30 zhaomin 【每日待办汇总】9月22日`,
    ]);
    for (const u of ['chenjing', 'lihua', 'liuyang', 'zhaomin']) {
      const card = bot!.wecom.messagesTo(u).find((m) => m.msgtype === 'template_card')!;
      expect(textOf(card), u).toMatch(new RegExp(`已超期 2 件\\n已超期：#${a} .*\\n已超期：#${e} `));
    }
    // The overdue alert also records each unfinished late case for the office (R8), once.
    const records = await database.prisma.accountabilityRecord.findMany({ where: { kind: 'overdue' }, orderBy: { caseNo: 'asc' } });
    expect(records.map((r) => [r.key, r.subject])).toEqual([
      [`overdue:${a}`, 'lihua'],
      [`overdue:${e}`, 'lihua'],
    ]);
  });

  it('after missing two digest mornings and the leader’s day, sends one digest per person and tells the leader once per case', async () => {
    // Down from Tue 09-22 11:00 to Mon 09-28 11:00 (across 中秋).
    const [a, e] = nos;
    const sent = await restartAt(at('2026-09-28T11:00:00'));
    expect(sent).toEqual([
      `09-28 11:00 chenjing 【每日待办汇总】9月28日`,
      `09-28 11:00 lihua 【每日待办汇总】9月28日`,
      `09-28 11:00 liuyang 【每日待办汇总】9月28日`,
      // The leader's rung fell due by opening: on the leader's own card, each case once.
      `09-28 11:00 wangqiang 【每日待办汇总】9月28日`,
      `09-28 11:00 zhaomin 【每日待办汇总】9月28日`,
    ]);
    for (const u of ['lihua', 'wangqiang']) {
      const digest = textOf(bot!.wecom.messagesTo(u)[0]!);
      expect(digest, u).toMatch(new RegExp(`已超期 2 件\\n已超期：#${a} .*\\n已超期：#${e} `));
    }
    // The fallback text is the digest as before.
    const row = await database.prisma.outboxMessage.findFirst({ where: { toUser: 'lihua', key: { startsWith: 'morning_digest:' } }, orderBy: { id: 'desc' } });
    expect((row!.payload as { fallback: string }).fallback).toMatch(new RegExp(`已超期 2 件：\\n#${a} .*\\n#${e} `));
  });
});
