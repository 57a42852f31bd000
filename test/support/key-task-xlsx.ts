import ExcelJS from 'exceljs';

/** A cell as the office types it: text, a number, a real Excel date (a UTC midnight Date), or nothing. */
export type Cell = string | number | Date | null | undefined;

export const KEY_TASK_HEADERS = ['序号', '重点工作任务', '牵头领导', '责任部室', '责任人', '配合部室', '完成时限', '阶段目标'] as const;

/** A real Excel date for a calendar day (Excel dates carry no zone; exceljs writes UTC midnight). */
export const excelDate = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

/**
 * A real XLSX workbook, written by exceljs as Excel would save it: an optional title row, the header
 * row (in the order given: the office's columns come in any order), then one row per task keyed by
 * header. Extra columns (备注) are kept as given.
 */
export async function keyTaskXlsx(
  rows: readonly Record<string, Cell>[],
  options: { headers?: readonly string[]; title?: string | null; sheetName?: string; before?: string[] } = {},
): Promise<Buffer> {
  const headers = options.headers ?? KEY_TASK_HEADERS;
  const workbook = new ExcelJS.Workbook();
  for (const name of options.before ?? []) workbook.addWorksheet(name).addRow(['填表说明：请按模板填写']);
  const sheet = workbook.addWorksheet(options.sheetName ?? '重点工作任务分解表');
  const title = options.title === undefined ? '滨州市科协2026年重点工作任务分解表' : options.title;
  if (title !== null) {
    sheet.addRow([title]);
    sheet.mergeCells(1, 1, 1, headers.length);
  }
  sheet.addRow([...headers]);
  for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? null));
  const deadline = headers.indexOf('完成时限');
  if (deadline >= 0) sheet.getColumn(deadline + 1).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Two tasks of 科普部 (basic-org.yaml): 李华's with three milestones, 赵敏's with two, 王强 leading both. */
export const SAMPLE_HEADERS = ['序号', '重点工作任务', '责任部室', '责任人', '牵头领导', '完成时限', '阶段目标', '配合部室'];
export const SAMPLE_ROWS: Record<string, Cell>[] = [
  { 序号: 1, 重点工作任务: '创建全国科普示范县', 牵头领导: '王强', 责任部室: '科普部', 责任人: '李华', 配合部室: '办公室', 完成时限: excelDate('2026-11-30'), 阶段目标: '3月31日 完成创建方案\n6月30日 完成中期自评\n10月31日 迎接验收' },
  { 序号: 2, 重点工作任务: '举办全国科普日活动', 牵头领导: 'wangqiang', 责任部室: 'kpb', 责任人: '赵敏', 配合部室: '办公室', 完成时限: '2026年9月30日', 阶段目标: '8月15日 制定活动方案\n9月20日 完成活动' },
];
