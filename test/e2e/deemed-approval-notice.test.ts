/**
 * Issue 13 item 6 (限时办结制 §5): a 请示 warns that silence means approval, and after a deemed approval
 * the handler owes the applicant a written answer, with a reminder of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, actionsOf, caseJson, inboxOf, stateOf } from '../support/lifecycle-helpers.ts';
import { at, tickAt } from '../support/reminder-walk.ts';

describe.each(BACKENDS)('deemed approval of a 请示 (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: at('2026-12-01T09:30:00') });
  });
  afterAll(async () => t?.close());

  it('warns at registration and in every reminder, then asks for the written answer and reminds of it', async () => {
    const [registered] = await t.say('songtao', '登记 来信 ZX-01 某区科协 关于建立基层科协组织的请示');
    const no = Number(/#(\d+)/u.exec(registered!)?.[1]);
    expect(registered).toContain('逾期未答复将视为同意');
    const mark = inboxOf(t, 'songtao').length;
    // Three working days: due Friday 12-04 24:00; the day before at 09:00 on Thursday.
    await tickAt(t, at('2026-12-03T09:00:00'));
    await tickAt(t, at('2026-12-04T09:00:00'));
    await tickAt(t, at('2026-12-04T15:30:00'));
    const reminders = inboxOf(t, 'songtao').slice(mark);
    expect(reminders).toHaveLength(3);
    for (const r of reminders) expect(r).toContain('逾期未答复将视为同意');

    // Deemed approved at the deadline; told when the office opens on Monday 12-07.
    const before = inboxOf(t, 'songtao').length;
    await tickAt(t, at('2026-12-07T09:00:00'));
    const deemed = inboxOf(t, 'songtao').slice(before);
    // The notice, then the record's own notice that invites a 申辩 (R9).
    expect(deemed).toEqual([
      expect.stringContaining(`【视为同意】请示性事项 #${no}`),
      expect.stringMatching(new RegExp(`^【效能记录】您有 1 条新的效能记录[\\s\\S]*请示逾期视为同意 #${no}`, 'u')),
    ]);
    expect(deemed[0]).toContain('请于 12月8日（周二）24:00前书面告知当事人某区科协视为同意的结果');
    expect(deemed[0]).toContain(`告知后请发送：告知 #${no} 告知方式`);
    expect((await caseJson(t, no)).status).toBe('DEEMED_APPROVED');

    const dueDay = inboxOf(t, 'songtao').length;
    await tickAt(t, at('2026-12-08T09:00:00'));
    expect(inboxOf(t, 'songtao').slice(dueDay)).toEqual([expect.stringContaining(`【书面告知提醒】请示性事项 #${no} 已视为同意，书面告知期限今天届满。`)]);

    const refused = await stateOf(t);
    expect((await t.say('hanxue', `告知 #${no} 已邮寄`))[0]).toContain('只能由承办人宋涛');
    expect(await stateOf(t)).toEqual(refused);
    const [done] = await t.say('songtao', `告知 #${no} 已邮寄书面答复`);
    expect(done).toContain(`已登记：#${no} 视为同意的结果已书面告知当事人某区科协，在期限内。相关提醒不再发送。`);
    expect(actionsOf(await caseJson(t, no))).toEqual(['registered', 'deemed_approved', 'written_notice_given']);
    const twice = await stateOf(t);
    expect((await t.say('songtao', `告知 #${no} 再寄`))[0]).toContain('无需重复登记');
    expect(await stateOf(t)).toEqual(twice);
  });
});
