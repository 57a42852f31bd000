import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { stateOf } from '../support/lifecycle-helpers.ts';
import { importTable } from '../support/key-task-api.ts';
import { SAMPLE_HEADERS, SAMPLE_ROWS, keyTaskXlsx } from '../support/key-task-xlsx.ts';

const NOW = new Date('2026-03-02T10:00:00+08:00');

describe.each(BACKENDS)('任务 and 进展 through the webhook (%s)', (backend) => {
  let t: TestBot;
  let a: number; // 李华's task
  let b: number; // 赵敏's task
  beforeAll(async () => {
    t = await startTestBot({ backend, now: NOW });
    const { body } = await importTable(t, await keyTaskXlsx(SAMPLE_ROWS, { headers: SAMPLE_HEADERS }), 'table.xlsx');
    [a, b] = body.tasks.map((x: { id: number }) => x.id);
  });
  afterAll(async () => t?.close());

  const one = async (from: string, text: string) => {
    const replies = await t.say(from, text);
    expect(replies).toHaveLength(1);
    return replies[0]!;
  };
  const task = async (id: number) => (await t.api(`/api/key-tasks/${id}`)).body;

  it('任务 lists the sender’s tasks (owner, department head, 牵头领导) with status and next milestone', async () => {
    const mine = await one('lihua', '任务');
    expect(mine).toContain('您的重点工作任务（共 1 项：正常 1）：');
    expect(mine).toContain(`🟢正常 任务 ${a} 创建全国科普示范县\n  阶段目标 1：3月31日（周二）完成创建方案\n  进展 0%`);
    expect(mine).not.toContain('举办全国科普日活动');

    const head = await one('chenjing', '任务');
    expect(head).toContain('共 2 项');
    expect(head).toContain('｜责任人 李华（科普部）');
    expect(head).toContain(`任务 ${b} 举办全国科普日活动\n  阶段目标 1：8月15日（周六）制定活动方案`);
    expect(await one('wangqiang', '任务')).toContain('共 2 项');
    expect(await one('liuyang', '任务')).toBe('您目前没有重点工作任务。重点工作任务分解表由办公室导入。');
    expect(await one('stranger', '任务')).toContain('不在本单位的工作人员名单中');
  });

  it('任务 <编号> shows one task in full', async () => {
    const detail = await one('zhaomin', `任务 ${a}`);
    expect(detail).toContain(`任务 ${a}（2026年分解表 序号 1）创建全国科普示范县`);
    expect(detail).toContain('牵头领导：王强｜责任部室：科普部｜责任人：李华');
    expect(detail).toContain('配合部室：办公室');
    expect(detail).toContain(' 2. 6月30日（周二）完成中期自评');
    expect(detail).toContain('进展：0%（本表导入后尚未报告）');
  });

  it('进展 records progress for the owner and for the head of the 责任部室', async () => {
    const reply = await one('lihua', `进展 ${a} 30% 创建方案初稿已完成`);
    expect(reply).toBe(`已记录任务 ${a}“创建全国科普示范县”的进展：30%。\n状态：🟢正常｜下一节点：阶段目标 1：3月31日（周二）完成创建方案`);
    expect(await task(a)).toMatchObject({ progress: 30, lastReportAt: expect.stringMatching(/^2026-03-02T02:/), doneAt: null });
    expect((await task(a)).history.at(-1)).toMatchObject({ actor: 'lihua', action: 'progress', detail: { progress: 30, note: '创建方案初稿已完成' } });

    expect(await one('chenjing', `进展${b} 20%，已联系活动场地`)).toContain('的进展：20%。');
    expect((await task(b)).history.at(-1)).toMatchObject({ actor: 'chenjing', action: 'progress', detail: { note: '已联系活动场地' } });
  });

  it('refuses someone else’s task, a bad percentage, an unknown task and a missing note, changing nothing', async () => {
    const before = await stateOf(t);
    expect(await one('zhaomin', `进展 ${a} 50% 我来报`)).toBe(`抱歉，任务 ${a} 的进展由责任人李华或科普部负责人陈静报告。未作任何更改。`);
    expect(await one('liuyang', `进展 ${a} 完成 办公室代报`)).toContain('由责任人李华或科普部负责人陈静报告');
    expect(await one('lihua', `进展 ${a} 150% 超额完成`)).toMatch(/^抱歉，进展“150%”无法识别，请写 0–100 的百分比（如 50%）、“阶段完成”或“完成”。\n格式：进展 编号/u);
    expect(await one('lihua', '进展 99999 50% 说明')).toBe('抱歉，未找到任务 99999，未作任何更改。发送“任务”查看您的重点工作任务。');
    expect(await one('lihua', `进展 ${a} 50%`)).toContain('请写上说明。');
    expect(await one('lihua', '进展 abc')).toMatch(/3 处需要修改：\n1\. “abc”不是有效的任务编号.*\n2\. 请写上进展.*\n3\. 请写上说明。/u);
    expect(await one('stranger', `进展 ${a} 50% 说明`)).toContain('不在本单位的工作人员名单中');
    expect(await stateOf(t)).toEqual(before);
  });

  it('阶段完成 completes the next milestone; 完成 the task; a done task takes no more reports', async () => {
    t.clock.set(new Date('2026-03-20T10:00:00+08:00'));
    expect(await one('lihua', `进展 ${a} 阶段完成 创建方案已印发`)).toBe(
      `已记录任务 ${a}“创建全国科普示范县”的阶段目标 1“完成创建方案”完成。\n状态：🟢正常｜下一节点：阶段目标 2：6月30日（周二）完成中期自评`,
    );
    expect((await task(a)).milestones.map((m: { doneAt: string | null }) => m.doneAt !== null)).toEqual([true, false, false]);

    expect(await one('lihua', `进展 ${a} 完成 已通过省科协验收`)).toBe(`任务 ${a}“创建全国科普示范县”已全部完成，感谢！`);
    const done = await task(a);
    expect(done).toMatchObject({ status: 'done', color: null, progress: 100, doneAt: expect.stringMatching(/^2026-03-20T02:/) });
    expect(done.milestones.every((m: { doneAt: string | null }) => m.doneAt !== null)).toBe(true);

    const before = await stateOf(t);
    expect(await one('lihua', `进展 ${a} 50% 再报一次`)).toBe(`抱歉，任务 ${a} 已于3月20日（周五）完成，不再报告进展。未作任何更改。`);
    expect(await stateOf(t)).toEqual(before);
    expect(await one('lihua', '任务')).toContain(`✅已完成 任务 ${a} 创建全国科普示范县\n  3月20日（周五）完成`);
    expect((await t.api('/api/accountability?kind=key_task_late')).body.records).toEqual([]);
  });

  it('records each checkpoint completed after its date for the office', async () => {
    t.clock.set(new Date('2026-10-09T10:00:00+08:00'));
    const reply = await one('zhaomin', `进展 ${b} 完成 活动已圆满结束`);
    expect(reply).toContain('已全部完成');
    expect(reply).toContain('阶段目标 1“制定活动方案”、阶段目标 2“完成活动”、完成时限已过完成日期，已记录，报办公室。');
    const records = (await t.api('/api/accountability?kind=key_task_late')).body.records;
    expect(records.map((r: any) => [r.subject, r.department, r.detail.taskId, r.detail.item, r.detail.milestone, r.detail.due])).toEqual([
      ['zhaomin', 'kpb', b, 'milestone', 1, '2026-08-15'],
      ['zhaomin', 'kpb', b, 'milestone', 2, '2026-09-20'],
      ['zhaomin', 'kpb', b, 'deadline', null, '2026-09-30'],
    ]);
  });
});
