import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { stateOf } from '../support/lifecycle-helpers.ts';
import { importTable } from '../support/key-task-api.ts';
import { excelDate, keyTaskXlsx, type Cell } from '../support/key-task-xlsx.ts';

// Monday 2026-03-02, China time: the office loads the year's table.
const NOW = new Date('2026-03-02T10:00:00+08:00');
const end = (ymd: string) => new Date(`${ymd}T23:59:59.999+08:00`).toISOString();

// The office's own column order, not the one the issue lists.
const HEADERS = ['序号', '重点工作任务', '责任部室', '责任人', '牵头领导', '完成时限', '阶段目标', '配合部室'];
const ROWS: Record<string, Cell>[] = [
  { 序号: 1, 重点工作任务: '创建全国科普示范县', 牵头领导: '王强', 责任部室: '科普部', 责任人: '李华', 配合部室: '办公室', 完成时限: excelDate('2026-11-30'), 阶段目标: '3月31日 完成创建方案\n6月30日 完成中期自评\n10月31日 迎接验收' },
  { 序号: 2, 重点工作任务: '举办全国科普日活动', 牵头领导: 'wangqiang', 责任部室: 'kpb', 责任人: '赵敏', 配合部室: '办公室', 完成时限: '2026年9月30日', 阶段目标: '8月15日 制定活动方案\n9月20日 完成活动' },
];

describe.each(BACKENDS)('POST /api/key-tasks/import: the office’s 重点工作任务分解表 (%s)', (backend) => {
  let t: TestBot;
  let table: Buffer;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: NOW });
    table = await keyTaskXlsx(ROWS, { headers: HEADERS });
  });
  afterAll(async () => t?.close());

  it('imports two tasks with their staged milestones, people and departments resolved', async () => {
    const { status, body } = await importTable(t, table, '2026年重点工作任务分解表.xlsx');
    expect(status).toBe(200);
    expect(body).toMatchObject({ errors: [], year: 2026, created: 2, updated: 0, unchanged: 0, changes: 2 });
    expect(body.tasks).toEqual([
      expect.objectContaining({
        year: 2026,
        seq: '1',
        title: '创建全国科普示范县',
        leadLeader: 'wangqiang',
        department: 'kpb',
        owner: 'lihua',
        partners: ['bgs'],
        deadline: end('2026-11-30'),
        milestones: [
          { due: end('2026-03-31'), target: '完成创建方案', doneAt: null },
          { due: end('2026-06-30'), target: '完成中期自评', doneAt: null },
          { due: end('2026-10-31'), target: '迎接验收', doneAt: null },
        ],
        progress: 0,
        doneAt: null,
        status: 'normal',
        color: 'green',
        next: { kind: 'milestone', milestone: 1, due: end('2026-03-31'), target: '完成创建方案' },
      }),
      expect.objectContaining({ seq: '2', owner: 'zhaomin', deadline: end('2026-09-30'), milestones: [expect.objectContaining({ target: '制定活动方案' }), expect.objectContaining({ target: '完成活动' })] }),
    ]);
    const listed = await t.api('/api/key-tasks');
    expect(listed.status).toBe(200);
    expect(listed.body.tasks).toEqual(body.tasks);
    const history = (await t.api(`/api/key-tasks/${body.tasks[0].id}`)).body.history;
    expect(history).toEqual([{ at: expect.stringMatching(/^2026-03-02T02:/), actor: '#import', action: 'imported', detail: { file: { name: '2026年重点工作任务分解表.xlsx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }, row: 3 } }]);
  });

  it('changes nothing when the same file comes again, and says 0 changes', async () => {
    const before = await stateOf(t);
    const { status, body } = await importTable(t, table, '2026年重点工作任务分解表.xlsx');
    expect(status).toBe(200);
    expect(body).toMatchObject({ created: 0, updated: 0, unchanged: 2, changes: 0 });
    expect(await stateOf(t)).toEqual(before);
  });

  it('updates a changed row with its history (what changed, when, from which file), keeping what was done', async () => {
    const second = (await t.api('/api/key-tasks')).body.tasks[1];
    t.clock.set(new Date('2026-03-10T10:00:00+08:00'));
    expect((await t.say('zhaomin', `进展 ${second.id} 阶段完成 方案已报王强同志审定`))[0]).toContain('阶段目标 1“制定活动方案”完成');

    t.clock.set(new Date('2026-03-16T15:00:00+08:00'));
    const changed = [ROWS[0]!, { ...ROWS[1]!, 完成时限: '2026-10-15', 阶段目标: '8月15日 制定活动方案\n9月25日 完成活动总结' }];
    const { status, body } = await importTable(t, await keyTaskXlsx(changed, { headers: HEADERS }), '分解表（修订）.xlsx');
    expect(status).toBe(200);
    expect(body).toMatchObject({ created: 0, updated: 1, unchanged: 1, changes: 1 });

    const task = (await t.api(`/api/key-tasks/${second.id}`)).body;
    expect(task.deadline).toBe(end('2026-10-15'));
    expect(task.milestones).toEqual([
      { due: end('2026-08-15'), target: '制定活动方案', doneAt: expect.stringMatching(/^2026-03-10T02:/) },
      { due: end('2026-09-25'), target: '完成活动总结', doneAt: null },
    ]);
    expect(task.history.map((e: { action: string }) => e.action)).toEqual(['imported', 'stage_done', 'updated']);
    expect(task.history[2]).toEqual({
      at: expect.stringMatching(/^2026-03-16T07:/),
      actor: '#import',
      action: 'updated',
      detail: {
        file: { name: '分解表（修订）.xlsx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        row: 4,
        changes: {
          deadline: { before: end('2026-09-30'), after: end('2026-10-15') },
          milestones: {
            before: [{ due: end('2026-08-15'), target: '制定活动方案' }, { due: end('2026-09-20'), target: '完成活动' }],
            after: [{ due: end('2026-08-15'), target: '制定活动方案' }, { due: end('2026-09-25'), target: '完成活动总结' }],
          },
        },
      },
    });
    // The unchanged row has no new history.
    expect((await t.api(`/api/key-tasks/${body.tasks[0].id}`)).body.history).toHaveLength(1);
  });

  it('rejects a broken file whole, with every error (row, column, reason), and stores nothing', async () => {
    const before = await stateOf(t);
    const broken = await keyTaskXlsx(
      [
        { ...ROWS[0]!, 序号: 3, 责任人: '王五' },
        { ...ROWS[1]!, 序号: 4, 完成时限: '2026-13-45' },
      ],
      { headers: HEADERS.filter((h) => h !== '责任部室') },
    );
    const { status, body } = await importTable(t, broken, 'broken.xlsx');
    expect(status).toBe(422);
    expect(body).toEqual({
      tasks: [],
      errors: [
        { row: 2, column: '责任部室', message: '缺少“责任部室”列。' },
        { row: 3, column: '责任人', message: '找不到工作人员“王五”，请写组织文件中的姓名或 userid。' },
        { row: 4, column: '完成时限', message: '日期“2026-13-45”无法识别，请写成 2026-06-30、2026年6月30日 或 6月30日。' },
      ],
    });
    expect(await stateOf(t)).toEqual(before);
  });

  it('refuses a body that is not an XLSX file at all, storing nothing', async () => {
    const before = await stateOf(t);
    for (const body of [Buffer.from('序号,重点工作任务,责任人\n5,某任务,李华\n'), Buffer.from('%PDF-1.4 not a workbook'), new Uint8Array()]) {
      const res = await importTable(t, body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ tasks: [], errors: [{ row: null, column: null, message: expect.stringContaining('不是 XLSX 文件') }] });
    }
    expect(await stateOf(t)).toEqual(before);
  });

  it('needs the admin token', async () => {
    expect((await fetch(`${t.bot.url}/api/key-tasks/import`, { method: 'POST', body: new Uint8Array(table) })).status).toBe(401);
    expect((await fetch(`${t.bot.url}/api/key-tasks`)).status).toBe(401);
    expect((await t.api('/api/key-tasks/999999')).status).toBe(404);
  });
});
