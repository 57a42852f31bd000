import { formatInstant } from './format.ts';
import { fitList } from './fit-bytes.ts';

export interface PostChangeView {
  at: Date;
  department: string;
  post: string;
  before: { a: string; b: string | null } | null;
  after: { a: string; b: string | null } | null;
}

type Name = (userid: string | null) => string;

/** How an unfilled A or B place is written in the report. */
export const VACANT = '（空缺）';

/** R7 §5: AB changes filed with the office the same day, one message listing them all. */
export function renderOrgChangesReport(unit: string, now: Date, changes: PostChangeView[], name: Name): string {
  const items = changes.map((c, i) => `${i + 1}. ${c.department}·${c.post}：${describe(c, name)}（${formatInstant(c.at)}）`);
  const head = [`【AB岗调整备案 ${formatInstant(now)}】${unit}共 ${changes.length} 处岗位人员变动，请办公室备案：`];
  return fitList(head, items, ['（依据 AB岗工作制度 第五条，调整当日报办公室备案。）'], (n) => `……另有 ${n} 处`);
}

function describe(c: PostChangeView, name: Name): string {
  const { before, after } = c;
  if (!before && after) return `新设岗位，A岗 ${name(after.a)}，B岗 ${name(after.b)}`;
  if (before && !after) return `撤销岗位（原 A岗 ${name(before.a)}，B岗 ${name(before.b)}）`;
  if (!before || !after) return '变动';
  const parts: string[] = [];
  if (before.a !== after.a) parts.push(`A岗 ${name(before.a)} → ${name(after.a)}`);
  if (before.b !== after.b) parts.push(`B岗 ${name(before.b)} → ${name(after.b)}`);
  return parts.length > 0 ? parts.join('；') : '人员未变';
}
