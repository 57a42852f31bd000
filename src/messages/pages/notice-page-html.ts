/** The printable written notice (一次性告知书, R5 §6): a plain HTML page, every value escaped. */
import type { CaseRecord } from '../../domain/case/case.ts';
import { chinaDateOf } from '../../domain/calendar/china-time.ts';
import type { MaterialsNoticeRecord } from '../../db/materials-notice-repository.ts';
import { CLASS_ZH } from '../format.ts';
import { timeLimitText } from '../materials-replies.ts';

/** GET /notices/:ref when there is no such notice, or the token is wrong (plain text). */
export const NOTICE_NOT_FOUND = '未找到该告知书，请核对链接。';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

function chineseDate(at: Date): string {
  const [y, m, d] = chinaDateOf(at).split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

export function renderNoticeHtml(unit: string, c: CaseRecord, n: MaterialsNoticeRecord): string {
  const e = escapeHtml;
  const matter = n.items.serviceCode ? `${n.items.serviceCode} ${n.items.serviceName ?? ''}` : CLASS_ZH[c.cls];
  const rows: [string, string][] = [
    ['事项编号', `#${c.no}`],
    ['申请人', c.applicant],
    ['办理事项', `${matter}（${c.matter}）`],
    ['办理依据', n.basis ?? '按本单位服务承诺及有关规定'],
    ['办理时限', timeLimitText(n.timeLimit, n.items.promisedDays)],
    ['办理程序', n.procedure ?? '补齐材料后由承办人审核办理'],
  ];
  const materials = n.items.materials.map((m) => `<li>${e(m)}</li>`).join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>一次性告知书 ${e(n.number)}</title>
<style>
body{font-family:"SimSun","Songti SC",serif;max-width:44em;margin:2em auto;padding:0 1.5em;line-height:1.9;color:#000}
h1{text-align:center;font-size:1.6em;letter-spacing:.2em;margin-bottom:.2em}
.unit{text-align:center;margin:0}.no{text-align:right;font-size:.95em}
table{width:100%;border-collapse:collapse;margin:1em 0}th,td{border:1px solid #000;padding:.35em .6em;text-align:left;vertical-align:top}
th{width:6.5em;font-weight:normal;background:#f4f4f4}
.sign{text-align:right;margin-top:3em}
@media print{body{margin:0 auto}button{display:none}}
</style>
</head>
<body>
<p class="unit">${e(unit)}</p>
<h1>一次性告知书</h1>
<p class="no">编号：${e(n.number)}</p>
<p>${e(c.applicant)}：</p>
<p>您申请办理的事项所需材料尚不齐全。根据一次性告知制度，现将办理依据、时限、程序及需补正的全部材料一次性告知如下：</p>
<table>
${rows.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('\n')}
</table>
<p>需补正的材料（共 ${n.items.materials.length} 项）：</p>
<ol>${materials}</ol>
<p>请补齐上述材料后再行办理。材料补齐之日起重新计算办理时限。</p>
<p class="sign">${e(unit)}<br>${e(chineseDate(n.at))}</p>
<p><button onclick="window.print()">打印</button></p>
</body>
</html>
`;
}
