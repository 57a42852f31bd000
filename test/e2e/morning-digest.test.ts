/**
 * Issue 12 item 3: one morning card per person with everything due today or overdue (and due next),
 * instead of a message per case; the office head gets the overdue list; nobody gets a case twice in a
 * morning (direct reminder plus digest).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentMessage } from '../../src/wecom/fake/wecom-api-server.ts';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { register } from '../support/lifecycle-helpers.ts';
import { at, headline, instants, line, textOf, tickAt } from '../support/reminder-walk.ts';

describe.each(BACKENDS)('the morning digest (%s)', (backend) => {
  let t: TestBot;
  let A = 0; // lihua's, due Wed 12-02
  let B = 0; // lihua's consultation, due Fri 12-04
  let C = 0; // zhaomin's, due Wed 12-02
  let D = 0; // lihua's, due Wed 12-02, urgent: reminded at night
  beforeAll(async () => {
    t = await startTestBot({ backend, now: at('2026-12-01T10:00:00') });
    A = await register(t, 'lihua', '登记 来人 审核 张三 科普项目申报材料');
    B = await register(t, 'lihua', '登记 来电 咨询 李四 会员费标准');
    t.clock.set(at('2026-12-01T10:01:00'));
    C = await register(t, 'zhaomin', '登记 来人 审核 王五 学会年检材料');
    D = await register(t, 'lihua', '登记 来人 审核 赵六 科技奖申报材料');
    await t.say('lihua', `紧急 #${D} 申报今日截止`);
  }, 120_000);
  afterAll(async () => t?.close());

  /** Ticks every `step` minutes over [from, to]; what the bot sent by itself meanwhile. */
  const walk = async (from: string, to: string, step: number): Promise<SentMessage[]> => {
    const before = t.wecom.messages.length;
    for (const now of instants(at(from), at(to), step)) await tickAt(t, now);
    return t.wecom.messages.slice(before);
  };
  const buttonsOf = (m: SentMessage) => (m.card?.['button_list'] as { text: string; key?: string }[]).map((b) => b.key);
  /** The case numbers a digest card lists, in order. */
  const casesOf = (m: SentMessage) => (m.card?.['horizontal_content_list'] as { value: string }[]).map((r) => Number(/^#(\d+) /u.exec(r.value)?.[1]));

  it('sends each person one card at opening with all their items, each case once, instead of one message per case', async () => {
    const morning = await walk('2026-12-02T08:30:00', '2026-12-02T09:30:00', 30);
    expect(morning.map(line).sort()).toEqual([
      '12-02 09:00 chenjing 【每日待办汇总】12月2日',
      '12-02 09:00 lihua 【每日待办汇总】12月2日',
      '12-02 09:00 zhaomin 【每日待办汇总】12月2日',
    ]);
    const to = (u: string) => morning.find((m) => m.touser.includes(u))!;
    for (const m of morning) {
      expect(m.msgtype).toBe('template_card');
      expect(m.card).toMatchObject({ card_type: 'button_interaction' });
      // No case twice on one card.
      expect(new Set(casesOf(m)).size).toBe(casesOf(m).length);
    }
    // lihua handles A and D (both due today); B is due Friday: the day-before rung is Thursday.
    expect(casesOf(to('lihua'))).toEqual([A, D]);
    expect(buttonsOf(to('lihua'))).toEqual([`show:${A}`, `show:${D}`, 'todo']);
    // A row says section, case, person, matter and handler; what does not fit ends with …
    const [rowA] = to('lihua').card!['horizontal_content_list'] as { keyname: string; value: string }[];
    expect(rowA!.keyname).toBe('今日到期');
    expect(rowA!.value).toMatch(new RegExp(`^#${A} 张三：科普项目申报材料｜承办人 李华｜期限.*…$`, 'u'));
    expect(Array.from(rowA!.value)).toHaveLength(30);
    expect(to('lihua').card).toMatchObject({ main_title: { title: '【每日待办汇总】12月2日', desc: '今日到期 2 件' } });
    // zhaomin: her own C and, as B, lihua's A and D: each once, each row saying what she is to it.
    expect(casesOf(to('zhaomin'))).toEqual([A, C, D]);
    const rowsOf = (m: SentMessage) => (m.card!['horizontal_content_list'] as { value: string }[]).map((r) => r.value);
    expect(rowsOf(to('zhaomin'))[0]).toMatch(new RegExp(`^#${A} 张三：科普项目申报材料｜B岗，承办人 李华`, 'u'));
    expect(rowsOf(to('zhaomin'))[1]).toMatch(new RegExp(`^#${C} 王五：学会年检材料｜承办人 赵敏`, 'u'));
    // The head: every case of the department due today.
    expect(casesOf(to('chenjing'))).toEqual([A, C, D]);
    // The text that goes out should WeCom refuse the card is the digest as before.
    const row = await t.database.prisma.outboxMessage.findFirst({ where: { toUser: 'lihua', kind: 'template_card', key: { startsWith: 'morning_digest:' } } });
    expect((row!.payload as { fallback: string }).fallback).toMatch(new RegExp(`^【每日待办汇总】12月2日\\n今日到期 2 件：\\n#${A} 张三：科普项目申报材料｜承办人 李华｜期限 12月2日（周三）24:00`, 'u'));
  });

  it('sends what falls due later in the day as it comes: a case card to the handler, text to B', async () => {
    const afternoon = await walk('2026-12-02T15:00:00', '2026-12-02T16:00:00', 30);
    expect(afternoon.map(line).sort()).toEqual([
      `12-02 15:30 lihua 【到期提醒】#${A} 今天到期，距下班还有 2 小时`,
      `12-02 15:30 lihua 【紧急】【到期提醒】#${D} 今天到期，距下班还有 2 小时`,
      `12-02 15:30 zhaomin 【到期提醒】#${A} 今天到期，距下班还有 2 小时`,
      `12-02 15:30 zhaomin 【到期提醒】#${C} 今天到期，距下班还有 2 小时`,
      `12-02 15:30 zhaomin 【紧急】【到期提醒】#${D} 今天到期，距下班还有 2 小时`,
    ]);
    const lihuaA = afternoon.find((m) => m.touser.includes('lihua') && headline(m).includes(`#${A} `))!;
    expect(lihuaA.msgtype).toBe('template_card');
    expect(lihuaA.card).toMatchObject({ main_title: { title: `【到期提醒】#${A} 今天到期，距下班还有 2 小时` }, quote_area: { quote_text: `办结请发送：办结 #${A} 办理结果` } });
    const zhaominA = afternoon.find((m) => m.touser.includes('zhaomin') && headline(m).includes(`#${A} `))!;
    expect(zhaominA.msgtype).toBe('text');
    expect(zhaominA.content).toContain('您是承办人李华的 B 岗');
  });

  it('gives the office head the overdue list, and leaves out of a digest a case its person was told of at night', async () => {
    // D is urgent: its overdue notice goes out at midnight, office hours or not.
    const night = await walk('2026-12-03T00:00:00', '2026-12-03T00:05:00', 1);
    expect(night.map(line).sort()).toEqual([
      `12-03 00:00 chenjing 【紧急】【超期提醒】#${D} 已超过办理期限`,
      `12-03 00:00 lihua 【紧急】【超期提醒】#${D} 已超过办理期限`,
      `12-03 00:00 zhaomin 【紧急】【超期提醒】#${D} 已超过办理期限`,
    ]);
    const morning = await walk('2026-12-03T08:30:00', '2026-12-03T09:30:00', 30);
    // Besides the digests: the 【效能记录】 notice of the new overdue records (A and D for lihua, C for zhaomin).
    expect(morning.map(line).sort()).toEqual([
      '12-03 09:00 chenjing 【每日待办汇总】12月3日',
      '12-03 09:00 lihua 【效能记录】您有 2 条新的效能记录，办公室将据此认定：',
      '12-03 09:00 lihua 【每日待办汇总】12月3日',
      '12-03 09:00 liuyang 【每日待办汇总】12月3日',
      '12-03 09:00 zhaomin 【效能记录】您有 1 条新的效能记录，办公室将据此认定：',
      '12-03 09:00 zhaomin 【每日待办汇总】12月3日',
    ]);
    const digests = morning.filter((m) => headline(m).startsWith('【每日待办汇总】'));
    const to = (u: string) => digests.find((m) => m.touser.includes(u))!;
    // A and C went overdue at midnight (not urgent: they wait for opening, on the digest); B is due tomorrow.
    expect(casesOf(to('lihua'))).toEqual([A, B]);
    expect(textOf(to('lihua'))).toContain('已超期：');
    expect(textOf(to('lihua'))).toContain('即将到期：');
    expect(casesOf(to('zhaomin'))).toEqual([A, C, B]);
    expect(casesOf(to('chenjing'))).toEqual([A, C]);
    // The office head (刘洋, 办公室) sees every overdue case, D included: nobody told them at night,
    // each with how many working days it is overdue.
    expect(casesOf(to('liuyang'))).toEqual([A, C, D]);
    const [officeRow] = to('liuyang').card!['horizontal_content_list'] as { value: string }[];
    expect(officeRow!.value).toMatch(new RegExp(`^#${A} 张三：科普项目申报材料｜超期 1 个工作日｜`, 'u'));
    expect(to('liuyang').card).toMatchObject({ main_title: { desc: '已超期 3 件' } });
    // Each overdue case is recorded once for the office, whichever message told of it first.
    const records = await t.database.prisma.accountabilityRecord.findMany({ where: { kind: 'overdue' }, orderBy: { caseNo: 'asc' } });
    expect(records.map((r) => r.caseNo)).toEqual([A, C, D]);
  });

  it('opens a case from the digest with 查看, as 查 #no typed', async () => {
    const card = t.wecom.messagesTo('liuyang').find((m) => headline(m) === '【每日待办汇总】12月3日')!;
    const [typed] = await t.say('liuyang', `查 #${C}`);
    t.clock.set(new Date(t.clock.now().getTime() + 1000));
    const before = t.wecom.messagesTo('liuyang').length;
    const res = await t.post(t.client.cardClickCallback({ from: 'liuyang', taskId: card.taskId!, eventKey: `show:${C}`, responseCode: t.wecom.issueClickResponseCode(card.taskId!, 'liuyang') }));
    expect(res.status).toBe(200);
    await t.bot.settle();
    expect(t.wecom.messagesTo('liuyang').slice(before).map((m) => m.content)).toEqual([typed]);
  });
});
