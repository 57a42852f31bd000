/** The evaluation and the bulletin in chat (考评, 通报). */
import type { EvaluationResult } from '../domain/evaluation/evaluate.ts';
import type { Grade } from '../domain/evaluation/scheme.ts';
import { fitList } from './fit-bytes.ts';
import { formatInstant } from './format.ts';

export const GRADE_ZH: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/** `2026` → 2026年; `2026-H1` → 2026年上半年; `2026-12` → 2026年12月. */
export function periodTitle(key: string): string {
  const [year, part] = key.split('-');
  if (part === undefined) return `${year}年`;
  if (part === 'H1') return `${year}年上半年`;
  if (part === 'H2') return `${year}年下半年`;
  return `${year}年${Number(part)}月`;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 考评 <期间>: the ranking of departments, who is vetoed, the people with the most deducted, and where the detail is. */
export function renderEvaluationSummary(view: EvaluationResult & { frozen: { at: string; by: string } | null }, links: { xlsx: string | null }): string {
  const state = view.frozen ? `已于 ${formatInstant(new Date(view.frozen.at))} 定稿` : '按目前数据计算，尚未定稿';
  const head = [`【${periodTitle(view.period)}效能考评】${state}`, '部室排名：'];
  const departments = view.departments.map(
    (d) => `${d.rank}. ${d.name} ${d.score} 分 ${GRADE_ZH[d.grade]}｜按时 ${percent(d.indicators.onTimeRate)}｜超期 ${d.indicators.overdue}${d.veto ? '｜一票否决' : ''}`,
  );
  const people = view.people.filter((p) => p.deductions.some((x) => x.points > 0) || p.veto).slice(-5);
  const tail = [
    ...(people.length > 0 ? ['扣分较多的个人：', ...people.map((p) => `${p.name} ${p.score} 分${p.veto ? '（一票否决）' : ''}`)] : []),
    ...(links.xlsx ? [`明细（含每项扣分所依据的记录）：${links.xlsx}`] : []),
    ...(view.frozen ? [] : ['办公室发送“考评 期间 定稿”后结果不再变动。']),
  ];
  return fitList(head, departments, tail, (n) => `……另有 ${n} 个部室。`);
}

export function renderEvaluationFrozen(view: EvaluationResult, links: { xlsx: string | null }): string {
  return [`已定稿：${periodTitle(view.period)}效能考评，此后数据变动不再改变该结果。`, ...(links.xlsx ? [`明细：${links.xlsx}`] : [])].join('\n');
}

export const EVALUATION_TEXT = {
  notFreezable: '只有半年（上半年、下半年）和全年的考评可以定稿，月度数据请用“通报 月份”查看。',
  freezeNotAllowed: '抱歉，考评由办公室定稿，您不是办公室工作人员，未作任何更改。',
  alreadyFrozen: (at: Date) => `该期考评已于 ${formatInstant(at)} 定稿，结果不再变动。`,
};
