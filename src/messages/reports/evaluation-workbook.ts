/** The evaluation as a workbook the office can print (sheets 部室, 个人, 扣分明细), with the same numbers as the JSON. */
import ExcelJS from 'exceljs';
import type { Deduction, EvaluationResult, Indicators, Standing } from '../../domain/evaluation/evaluate.ts';
import { DECISION_ZH, KIND_ZH } from '../accountability-replies.ts';
import { GRADE_ZH, periodTitle } from '../evaluation-replies.ts';

const INDICATOR_COLUMNS: [keyof Indicators, string][] = [
  ['casesHandled', '办结件数'],
  ['handledWhileCovering', '顶岗办结'],
  ['onTimeRate', '按时办结率'],
  ['overdue', '超期件数'],
  ['overdueWorkingDays', '超期工作日'],
  ['answeredAtOnce', '即时答复'],
  ['deemedApprovals', '视为同意'],
  ['secondRoundMaterials', '二次补正'],
  ['complaintsReceived', '投诉件数'],
  ['complaintsUpheld', '投诉属实'],
  ['refusalsOverturned', '报备被纠正'],
  ['writtenNoticesOnTime', '书面告知按时'],
  ['keyTasksOnTime', '重点任务按时'],
  ['satisfaction', '满意度'],
];

export async function buildEvaluationWorkbook(view: EvaluationResult & { frozen: { at: string; by: string } | null }, departmentNames: ReadonlyMap<string, string>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '效能助手';
  const title = `${periodTitle(view.period)}效能考评${view.frozen ? '（定稿）' : ''}`;
  const standingColumns = [
    { header: '排名', key: 'rank', width: 6 },
    { header: '得分', key: 'score', width: 8 },
    { header: '等次', key: 'grade', width: 8 },
    { header: '一票否决', key: 'veto', width: 10 },
    ...INDICATOR_COLUMNS.map(([key, header]) => ({ header, key, width: 12 })),
    { header: '扣分', key: 'deducted', width: 8 },
    { header: '加分', key: 'bonus', width: 8 },
  ];
  const values = (s: Standing) => ({
    rank: s.rank,
    score: s.score,
    grade: GRADE_ZH[s.grade],
    veto: s.veto ? '是' : '否',
    ...Object.fromEntries(INDICATOR_COLUMNS.map(([key]) => [key, s.indicators[key] ?? ''])),
    deducted: s.deductions.reduce((n, d) => n + d.points, 0),
    bonus: s.bonuses.reduce((n, b) => n + b.points, 0),
  });

  const departments = book.addWorksheet('部室');
  departments.columns = [{ header: '部室', key: 'name', width: 16 }, ...standingColumns];
  for (const d of view.departments) departments.addRow({ name: d.name, ...values(d) });

  const people = book.addWorksheet('个人');
  people.columns = [{ header: '姓名', key: 'name', width: 10 }, { header: '部室', key: 'department', width: 16 }, ...standingColumns];
  for (const p of view.people) people.addRow({ name: p.name, department: departmentNames.get(p.department) ?? p.department, ...values(p) });

  const details = book.addWorksheet('扣分明细');
  details.columns = [
    { header: '对象', key: 'who', width: 16 },
    { header: '类型', key: 'scope', width: 6 },
    { header: '记录编号', key: 'recordId', width: 10 },
    { header: '事项', key: 'caseNo', width: 8 },
    { header: '类别', key: 'kind', width: 22 },
    { header: '认定', key: 'decision', width: 10 },
    { header: '扣分', key: 'points', width: 8 },
  ];
  const detailRow = (who: string, scope: string, d: Deduction) => ({
    who,
    scope,
    recordId: d.recordId,
    caseNo: d.caseNo === null ? '' : `#${d.caseNo}`,
    kind: KIND_ZH[d.kind],
    decision: d.decision ? DECISION_ZH[d.decision] : '待认定',
    points: d.points,
  });
  for (const d of view.departments) for (const x of d.deductions) details.addRow(detailRow(d.name, '部室', x));
  for (const p of view.people) for (const x of p.deductions) details.addRow(detailRow(p.name, '个人', x));

  for (const sheet of [departments, people, details]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.headerFooter = { oddHeader: `&C${title}` };
    sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  }
  const onTime = [departments.getColumn('onTimeRate'), people.getColumn('onTimeRate')];
  for (const c of onTime) c.numFmt = '0.0%';
  return Buffer.from(await book.xlsx.writeBuffer());
}
