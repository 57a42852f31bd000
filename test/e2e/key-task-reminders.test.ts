import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { importTable } from '../support/key-task-api.ts';
import { excelDate, keyTaskXlsx } from '../support/key-task-xlsx.ts';
import { at, line, tickAt } from '../support/reminder-walk.ts';

const ORG = new URL('../fixtures/org/key-tasks-org.yaml', import.meta.url).pathname;

/**
 * The key-task clocks through the real bot, June–July 2026, the test clock moved from tick to tick
 * (never waited for): the report day (the 20th in this organization file, a Saturday in the 端午
 * holiday, so Monday the 22nd at opening), the day before and the morning of a milestone, and the
 * milestone passing undone: red, the owner, the department head and the 牵头领导 told, one record.
 */
describe.each(BACKENDS)('key-task reminders (%s)', (backend) => {
  let t: TestBot;
  let a: number;
  let b: number;
  let seen = 0;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: ORG, now: at('2026-06-01T10:00:00') });
    const table = await keyTaskXlsx([
      { 序号: 1, 重点工作任务: '创建全国科普示范县', 牵头领导: '王强', 责任部室: '科普部', 责任人: '李华', 完成时限: excelDate('2026-11-30'), 阶段目标: '6月30日 完成中期自评' },
      { 序号: 2, 重点工作任务: '举办全国科普日活动', 牵头领导: '王强', 责任部室: '科普部', 责任人: '赵敏', 完成时限: excelDate('2026-09-30'), 阶段目标: '8月14日 制定活动方案' },
    ]);
    [a, b] = (await importTable(t, table, 'table.xlsx')).body.tasks.map((x: { id: number }) => x.id);
  });
  afterAll(async () => t?.close());

  /** What the bot sent by itself since the last call (replies to commands are left out). */
  const sentSince = () => {
    const fresh = t.wecom.messages.slice(seen);
    seen = t.wecom.messages.length;
    return fresh.map(line).sort();
  };
  const status = async (id: number) => (await t.api(`/api/key-tasks/${id}`)).body;

  it('reminds on the report day those who have not reported this month, once', async () => {
    t.clock.set(at('2026-06-10T10:00:00'));
    await t.say('zhaomin', `进展 ${b} 10% 活动方案起草中`);
    sentSince();
    await tickAt(t, at('2026-06-19T10:00:00')); // 端午: the office is closed
    await tickAt(t, at('2026-06-22T08:59:00'));
    expect(sentSince()).toEqual([]);
    await tickAt(t, at('2026-06-22T09:00:00'));
    const sent = t.wecom.messages.slice(seen);
    expect(sentSince()).toEqual(['06-22 09:00 lihua 【进展报告提醒】本月重点工作进展报告日（6月20日）已到。']);
    expect(sent[0]!.content).toContain(`· 任务 ${a} 创建全国科普示范县（进展 0%）`);
    expect(sent[0]!.content).toContain(`请发送：进展 ${a} 百分比 说明`);
    await tickAt(t, at('2026-06-22T09:30:00'));
    await tickAt(t, at('2026-06-23T09:00:00'));
    expect(sentSince()).toEqual([]);
  });

  it('reminds the owner the working day before a milestone and on its morning; the task turns yellow', async () => {
    await tickAt(t, at('2026-06-26T09:00:00'));
    expect(sentSince()).toEqual([]);
    await tickAt(t, at('2026-06-29T09:00:00'));
    expect(sentSince()).toEqual([`06-29 09:00 lihua 【重点任务提醒】任务 ${a} 的阶段目标 1 明天到期`]);
    await tickAt(t, at('2026-06-30T09:00:00'));
    const [today] = t.wecom.messages.slice(seen);
    expect(sentSince()).toEqual([`06-30 09:00 lihua 【重点任务提醒】任务 ${a} 的阶段目标 1 今天到期`]);
    expect(today!.content).toBe(`【重点任务提醒】任务 ${a} 的阶段目标 1 今天到期\n创建全国科普示范县\n阶段目标 1：6月30日（周二）完成中期自评\n完成后请发送：进展 ${a} 阶段完成 说明`);
    expect(await status(a)).toMatchObject({ status: 'due_soon', color: 'yellow' });
  });

  it('turns red when the milestone passes undone, tells owner, head and 牵头领导 at opening, and records it once', async () => {
    await tickAt(t, at('2026-07-01T00:00:01'));
    expect(sentSince()).toEqual([]);
    expect(await status(a)).toMatchObject({ status: 'overdue', color: 'red', late: [{ kind: 'milestone', milestone: 1, target: '完成中期自评' }] });

    await tickAt(t, at('2026-07-01T09:00:00'));
    const sent = t.wecom.messages.slice(seen);
    const headline = `【重点任务逾期】任务 ${a} 的阶段目标 1（6月30日）已过，仍未完成`;
    // The late milestone is an accountability record: 李华, its person concerned, is told of it too.
    expect(sentSince()).toEqual([`07-01 09:00 chenjing ${headline}`, '07-01 09:00 lihua 【效能记录】您有 1 条新的效能记录，办公室将据此认定：', `07-01 09:00 lihua ${headline}`, `07-01 09:00 wangqiang ${headline}`]);
    const to = (u: string) => sent.find((m) => m.touser.includes(u))!.content!;
    expect(to('lihua')).toContain(`已记录，报办公室。\n完成后请发送：进展 ${a} 阶段完成 说明`);
    expect(to('chenjing')).toContain('责任部室：科普部｜责任人：李华。请督促办理。');

    for (const when of ['2026-07-01T09:01:00', '2026-07-01T14:00:00', '2026-07-02T09:00:00']) await tickAt(t, at(when));
    // Nothing more about the task; 07-01 is July's first working day, so June's bulletin goes to the office, principal and leader.
    expect(sentSince()).toEqual(['liuyang', 'wangqiang', 'zhangwei'].map((u) => `07-01 14:00 ${u} ## 滨州市科学技术协会2026年6月效能通报`));
    const { body } = await t.api('/api/accountability?kind=key_task_late');
    expect(body.records).toEqual([
      expect.objectContaining({
        kind: 'key_task_late',
        subject: 'lihua',
        department: 'kpb',
        caseNo: null,
        at: at('2026-07-01T09:00:00').toISOString(),
        detail: expect.objectContaining({ taskId: a, item: 'milestone', milestone: 1, target: '完成中期自评', due: '2026-06-30' }),
      }),
    ]);
    expect((await t.say('chenjing', '任务'))[0]).toContain(`🔴逾期 任务 ${a} 创建全国科普示范县\n  阶段目标 1：6月30日（周二）完成中期自评，已过期未完成`);
    seen = t.wecom.messages.length;
  });

  it('stops once the stage is reported done, and is green again', async () => {
    t.clock.set(at('2026-07-02T10:00:00'));
    await t.say('lihua', `进展 ${a} 阶段完成 中期自评报告已报送`);
    seen = t.wecom.messages.length;
    await tickAt(t, at('2026-07-03T09:00:00'));
    expect(sentSince()).toEqual([]);
    expect(await status(a)).toMatchObject({ status: 'normal', color: 'green', next: { kind: 'deadline' } });
    // Reported late, after the scheduler saw it: still one record.
    expect((await t.api('/api/accountability?kind=key_task_late')).body.records).toHaveLength(1);
  });
});
