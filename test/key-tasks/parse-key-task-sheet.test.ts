import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseKeyTaskSheet, type KeyTaskDirectory } from '../../src/key-tasks/parse-key-task-sheet.ts';
import { readWorkbook } from '../../src/key-tasks/read-workbook.ts';
import { excelDate, keyTaskXlsx, type Cell } from '../support/key-task-xlsx.ts';

const DIRECTORY: KeyTaskDirectory = {
  staff: [
    { userid: 'wangqiang', name: '王强', department: 'bgs' },
    { userid: 'chenjing', name: '陈静', department: 'kpb' },
    { userid: 'lihua', name: '李华', department: 'kpb' },
    { userid: 'zhaomin', name: '赵敏', department: 'kpb' },
    { userid: 'zhaomin2', name: '赵敏', department: 'bgs' },
    { userid: 'liuyang', name: '刘洋', department: 'bgs' },
  ],
  departments: [
    { key: 'bgs', name: '办公室', head: 'liuyang', leader: 'wangqiang', phone: null },
    { key: 'kpb', name: '科普部', head: 'chenjing', leader: 'wangqiang', phone: null },
    { key: 'xhb', name: '学会学术部', head: null, leader: null, phone: null },
  ],
};
const NOW = new Date('2026-03-02T10:00:00+08:00');
const end = (ymd: string) => new Date(`${ymd}T23:59:59.999+08:00`);

async function parse(rows: Record<string, Cell>[], options: Parameters<typeof keyTaskXlsx>[1] = {}) {
  const read = await readWorkbook(await keyTaskXlsx(rows, options));
  if (!read.ok) throw new Error('not xlsx');
  return parseKeyTaskSheet(read.sheets, DIRECTORY, NOW);
}

const ROW = { 序号: 1, 重点工作任务: '创建全国科普示范县', 牵头领导: '王强', 责任部室: '科普部', 责任人: '李华', 配合部室: '办公室、学会学术部', 完成时限: excelDate('2026-11-30'), 阶段目标: '3月31日 完成创建方案\n6月30日前：完成中期自评\n2026年10月底 迎接验收' };

describe('the key-task table (重点工作任务分解表)', () => {
  it('reads a task with its people, departments, deadline and staged milestones', async () => {
    const r = await parse([ROW]);
    expect(r).toEqual({
      ok: true,
      sheet: {
        year: 2026,
        rows: [
          {
            row: 3,
            seq: '1',
            title: '创建全国科普示范县',
            leadLeader: 'wangqiang',
            department: 'kpb',
            owner: 'lihua',
            partners: ['bgs', 'xhb'],
            deadline: end('2026-11-30'),
            milestones: [
              { due: end('2026-03-31'), target: '完成创建方案' },
              { due: end('2026-06-30'), target: '完成中期自评' },
              { due: end('2026-10-31'), target: '迎接验收' },
            ],
          },
        ],
      },
    });
  });

  it('reads headers by name in any order, with notes and spaces, people by userid or spaced name, dates as text', async () => {
    const headers = ['阶段目标', '责任人', '完成时限（年月日）', '序号', '责 任 部 室', '重点工作\n任务', '备注'];
    const r = await parse(
      [
        { 序号: 'A-1', '重点工作\n任务': '任务甲', '责 任 部 室': 'kpb', 责任人: '李  华', '完成时限（年月日）': '2026年12月31日', 阶段目标: '1. 6.30 完成一半\n（2）9月底 完成全部' },
        { 序号: 'A-2', '重点工作\n任务': '任务乙', '责 任 部 室': '办公室', 责任人: 'LIUYANG', '完成时限（年月日）': '2026-07-15', 备注: '无' },
        { 序号: 'A-3', '重点工作\n任务': '任务丙', '责 任 部 室': '办公室', 责任人: 'liuyang', '完成时限（年月日）': '年底' },
      ],
      { headers, title: null },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.year).toBe(2026);
    expect(r.sheet.rows.map((x) => [x.seq, x.owner, x.department, x.deadline.toISOString(), x.leadLeader, x.partners, x.milestones.map((m) => m.target)])).toEqual([
      ['A-1', 'lihua', 'kpb', end('2026-12-31').toISOString(), null, [], ['完成一半', '完成全部']],
      ['A-2', 'liuyang', 'bgs', end('2026-07-15').toISOString(), null, [], []],
      ['A-3', 'liuyang', 'bgs', end('2026-12-31').toISOString(), null, [], []],
    ]);
    expect(r.sheet.rows[0]!.milestones.map((m) => m.due)).toEqual([end('2026-06-30'), end('2026-09-30')]);
  });

  it('takes the year from the title, so dates without one fall in the table’s year', async () => {
    const r = await parse([{ ...ROW, 完成时限: '12月31日', 阶段目标: '6月30日 完成方案' }], { title: '2027年度重点工作任务分解表' });
    expect(r.ok && r.sheet.year).toBe(2027);
    expect(r.ok && r.sheet.rows[0]!.deadline).toEqual(end('2027-12-31'));
  });

  it('finds the table on a later sheet, below a title', async () => {
    const r = await parse([ROW], { before: ['说明'] });
    expect(r.ok && r.sheet.rows).toHaveLength(1);
  });

  it('names every problem of every row at once, each with its row and column', async () => {
    const r = await parse([
      { ...ROW, 责任人: '王五', 完成时限: '2026-02-30' },
      { ...ROW, 序号: 1, 重点工作任务: '', 责任部室: '宣传部', 配合部室: '办公室，组织部', 牵头领导: '赵敏' },
      { ...ROW, 序号: 3, 责任人: '李华、赵敏', 完成时限: '下个月', 阶段目标: '完成方案\n13月1日 启动\n7月1日' },
      { ...ROW, 序号: 4, 完成时限: excelDate('2026-06-01'), 阶段目标: '6月30日 完成方案' },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { row: 3, column: '责任人', message: '找不到工作人员“王五”，请写组织文件中的姓名或 userid。' },
      { row: 3, column: '完成时限', message: '日期“2026-02-30”无法识别，请写成 2026-06-30、2026年6月30日 或 6月30日。' },
      { row: 4, column: '序号', message: '序号“1”重复（与第 3 行相同）。' },
      { row: 4, column: '重点工作任务', message: '“重点工作任务”不能为空。' },
      { row: 4, column: '牵头领导', message: '“赵敏”有重名（zhaomin、zhaomin2），请改写 userid。' },
      { row: 4, column: '责任部室', message: '找不到部室“宣传部”，请写组织文件中的部室名称或代码。' },
      { row: 4, column: '配合部室', message: '找不到部室“组织部”，请写组织文件中的部室名称或代码。' },
      { row: 5, column: '责任人', message: '“李华、赵敏”写了多人，责任人只能写一人（协作的部室写在“配合部室”）。' },
      { row: 5, column: '完成时限', message: '日期“下个月”无法识别，请写成 2026-06-30、2026年6月30日 或 6月30日。' },
      { row: 5, column: '阶段目标', message: '第 1 条阶段目标“完成方案”没有日期，请写成“6月30日 完成方案”，一行一条。' },
      { row: 5, column: '阶段目标', message: '第 2 条阶段目标的日期“13月1日”不存在。' },
      { row: 5, column: '阶段目标', message: '第 3 条阶段目标（7月1日）没有写目标内容。' },
      { row: 6, column: '阶段目标', message: '第 1 条阶段目标的日期 2026-06-30 晚于完成时限 2026-06-01。' },
    ]);
  });

  it('names missing columns on the header row, and a table without any header', async () => {
    const headers = ['序号', '重点工作任务', '责任部室', '阶段目标'];
    const r = await parse([{ 序号: 1, 重点工作任务: '任务', 责任部室: '科普部' }], { headers });
    expect(!r.ok && r.errors).toEqual([
      { row: 2, column: '责任人', message: '缺少“责任人”列。' },
      { row: 2, column: '完成时限', message: '缺少“完成时限”列。' },
    ]);
    const none = await parse([{ a: 1 }], { headers: ['a', 'b'] });
    expect(!none.ok && none.errors).toEqual([{ row: null, column: null, message: expect.stringContaining('找不到表头行') }]);
  });

  it('says so when the header has no task under it', async () => {
    const r = await parse([]);
    expect(!r.ok && r.errors).toEqual([{ row: 3, column: null, message: '表头下没有任何任务。' }]);
  });

  it('reads a merged 牵头领导 or 责任部室 cell for every row it covers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表');
    sheet.addRow(['序号', '重点工作任务', '牵头领导', '责任部室', '责任人', '完成时限']);
    sheet.addRow([1, '任务甲', '王强', '科普部', '李华', '2026-06-30']);
    sheet.addRow([2, '任务乙', null, null, '赵敏', '2026-09-30']);
    sheet.mergeCells('C2:C3');
    sheet.mergeCells('D2:D3');
    const read = await readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    const r = read.ok ? parseKeyTaskSheet(read.sheets, { ...DIRECTORY, staff: DIRECTORY.staff.filter((s) => s.userid !== 'zhaomin2') }, NOW) : null;
    expect(r?.ok && r.sheet.rows.map((x) => [x.seq, x.leadLeader, x.department, x.owner])).toEqual([
      ['1', 'wangqiang', 'kpb', 'lihua'],
      ['2', 'wangqiang', 'kpb', 'zhaomin'],
    ]);
  });

  it('refuses what is not an XLSX file', async () => {
    expect(await readWorkbook(Buffer.from('序号,重点工作任务\n1,任务\n'))).toEqual({ ok: false, reason: 'not_xlsx' });
    expect(await readWorkbook(new Uint8Array())).toEqual({ ok: false, reason: 'not_xlsx' });
  });
});
