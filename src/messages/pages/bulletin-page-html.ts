import { htmlDocument } from './html-document.ts';
/** The month's 效能通报 as a printable page (A4), every value escaped. */
import type { Bulletin } from '../../domain/evaluation/bulletin.ts';
import { DECISION_ZH, KIND_ZH } from '../accountability-replies.ts';
import { percent } from '../bulletin-replies.ts';
import { periodTitle } from '../evaluation-replies.ts';
import { formatInstant, nameOf } from '../format.ts';
import { escapeHtml as e } from './notice-page-html.ts';

type Names = ReadonlyMap<string, string>;

const BULLETIN_STYLE = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;font-size:16px;line-height:1.6;color:#1a1a1a;background:#fff;max-width:60em;margin:1.5em auto;padding:0 1em}
h1{font-size:1.4em;text-align:center}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #555}
.meta{text-align:center;color:#444}.empty{color:#444}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #555;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#eee}
.red{color:#a40000;font-weight:bold}.yellow{color:#6b4f00;font-weight:bold}
@media print{body{margin:0;max-width:none;font-size:11pt}@page{size:A4;margin:18mm 15mm}h2{break-after:avoid}tr{break-inside:avoid}.scroll{overflow:visible}}`;

export function renderBulletinHtml(b: Bulletin, unit: string, names: Names, departments: ReadonlyMap<string, string>, generatedAt: Date): string {
  const person = (u: string | null) => (u ? e(nameOf(names, u)) : '—');
  const dept = (k: string | null) => (k ? e(departments.get(k) ?? k) : '—');
  const when = (d: Date | null) => (d ? e(formatInstant(d)) : '未办结');
  const table = (head: string[], rows: string[][], empty: string) =>
    rows.length === 0 ? `<p class="empty">${empty}</p>` : `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const title = `${e(unit)}${periodTitle(b.month)}效能通报`;
  return htmlDocument({
    titleHtml: title,
    style: BULLETIN_STYLE,
    body: `<h1>${title}</h1>
<p class="meta">统计期间：${e(periodTitle(b.month))}，生成时间：${e(formatInstant(generatedAt))}</p>
<h2>一、各部室办结情况</h2>
<div class="scroll">${table(['部室', '办结件数', '按时办结', '按时办结率', '超期件数'], b.departments.map((d) => [e(d.name), String(d.handled), String(d.onTime), percent(d.onTimeRate), String(d.overdue)]), '本月无部室数据。')}</div>
<h2>二、超期事项</h2>
<div class="scroll">${table(['事项', '责任人', '部室', '办理期限', '办结时间'], b.overdueCases.map((o) => [`#${o.caseNo}`, person(o.person), dept(o.department), o.dueAt ? e(formatInstant(o.dueAt)) : '—', when(o.closedAt)]), '本月没有超期事项。')}</div>
<h2>三、效能记录认定</h2>
<div class="scroll">${table(['记录编号', '类别', '当事人', '部室', '认定', '认定时间'], b.decided.map((d) => [String(d.recordId), e(KIND_ZH[d.kind]), person(d.person), dept(d.department), e(DECISION_ZH[d.decision]), e(formatInstant(d.decidedAt))]), '本月没有认定的效能记录。')}</div>
<h2>四、效能投诉</h2>
<p>本月受理 ${b.complaints.received} 件，已答复 ${b.complaints.answered} 件，经核查属实 ${b.complaints.upheld} 件。</p>
<h2>五、重点工作任务</h2>
<div class="scroll">${table(
    ['状态', '任务', '责任人', '部室'],
    [...b.keyTasks.red.map((t) => ['<span class="red">逾期</span>', e(t.title), person(t.owner), dept(t.department)]), ...b.keyTasks.yellow.map((t) => ['<span class="yellow">临期</span>', e(t.title), person(t.owner), dept(t.department)])],
    '没有逾期或临期的重点工作任务。',
  )}</div>`,
  });
}
