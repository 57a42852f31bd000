/**
 * The reasons a key-task table (重点工作任务分解表) is refused, one per problem, each with its row and
 * column beside it (src/key-tasks decides which problem it is and where; the wording lives here).
 * Short and specific: the office fixes the cell and imports the file again.
 */
export const KEY_TASK_SHEET_ERROR = {
  notXlsx: '这不是 XLSX 文件（Excel 工作簿），请在 Excel 或 WPS 中“另存为 .xlsx”后再导入。',
  tooLarge: (mib: number) => `文件超过 ${mib} MB，请只保留重点工作任务分解表后再导入。`,
  noSheet: '工作簿中没有工作表。',
  noHeader: (names: readonly string[]) => `找不到表头行：前 20 行中没有“${names.join('、')}”等列名。`,
  missingColumn: (name: string) => `缺少“${name}”列。`,
  duplicateColumn: (name: string, first: string) => `“${name}”列重复（与 ${first} 列相同），请只保留一列。`,
  noRows: '表头下没有任何任务。',
  required: (name: string) => `“${name}”不能为空。`,
  tooLong: (name: string, max: number) => `“${name}”过长（最多 ${max} 个字符）。`,
  duplicateSeq: (seq: string, firstRow: number) => `序号“${seq}”重复（与第 ${firstRow} 行相同）。`,
  unknownPerson: (text: string) => `找不到工作人员“${text}”，请写组织文件中的姓名或 userid。`,
  ambiguousPerson: (text: string, userids: readonly string[]) => `“${text}”有重名（${userids.join('、')}），请改写 userid。`,
  onePersonOnly: (text: string) => `“${text}”写了多人，责任人只能写一人（协作的部室写在“配合部室”）。`,
  unknownDepartment: (text: string) => `找不到部室“${text}”，请写组织文件中的部室名称或代码。`,
  badDate: (text: string) => `日期“${text}”无法识别，请写成 2026-06-30、2026年6月30日 或 6月30日。`,
  notADate: '应为日期，如 2026-06-30 或 6月30日。',
  milestoneWithoutDate: (n: number, text: string) => `第 ${n} 条阶段目标“${text}”没有日期，请写成“6月30日 完成方案”，一行一条。`,
  milestoneBadDate: (n: number, text: string) => `第 ${n} 条阶段目标的日期“${text}”不存在。`,
  milestoneWithoutTarget: (n: number, date: string) => `第 ${n} 条阶段目标（${date}）没有写目标内容。`,
  milestoneAfterDeadline: (n: number, date: string, deadline: string) => `第 ${n} 条阶段目标的日期 ${date} 晚于完成时限 ${deadline}。`,
  cellError: (name: string) => `“${name}”单元格的公式出错，请改为具体内容。`,
} as const;

/** The importing script's lines (scripts/import-key-tasks.ts). */
export const KEY_TASK_IMPORT_CLI = {
  usage: '用法：npm run tasks:import -- 文件.xlsx',
  unreadable: (file: string, detail: string) => `无法读取文件 ${file}：${detail}`,
  rejected: (n: number) => `重点工作任务分解表未导入，共 ${n} 处错误：`,
  error: (row: number | null, column: string | null, message: string) =>
    `  - ${row === null ? '' : `第 ${row} 行`}${row !== null && column !== null ? '，' : ''}${column === null ? '' : `“${column}”列`}${row === null && column === null ? '' : '：'}${message}`,
  unchanged: (tasks: number) => `重点工作任务分解表与系统一致（${tasks} 项任务），0 处更改。`,
  imported: (created: number, updated: number, unchanged: number) => `已导入：新增 ${created} 项，更新 ${updated} 项，未变 ${unchanged} 项。`,
  viaBot: (url: string) => `数据目录由运行中的效能助手占用，已通过 ${url} 导入。`,
  noToken: '数据目录由运行中的效能助手占用，但未设置 ADMIN_TOKEN，无法通过它导入。请在环境变量或 .env 中设置 ADMIN_TOKEN（与运行中的效能助手相同）。',
  unreachable: (url: string, detail: string) => `数据目录由运行中的效能助手占用，但无法连接 ${url}：${detail}。请检查 PUBLIC_BASE_URL 或 PORT。`,
  refusedByBot: (status: number, body: string) => `运行中的效能助手拒绝了导入（HTTP ${status}）：${body}`,
} as const;
