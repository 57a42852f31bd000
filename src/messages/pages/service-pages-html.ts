import { htmlDocument } from './html-document.ts';
/** The public service pages (服务承诺, R2): plain HTML, every value from data escaped. */
import { cleanText } from '../../shared/clean-text.ts';
import type { ServiceInfo } from '../../domain/org/org-records.ts';
import { CLASS_ZH } from '../format.ts';
import { timeLimitLines } from '../guide-replies.ts';

/** Everything that comes from data goes through here: the catalog is typed in by people. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/gu, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.7;color:#222}
h1{font-size:1.5rem;border-bottom:2px solid #b22;padding-bottom:.4rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #999;padding:.4rem .6rem;text-align:left;vertical-align:top}th{background:#f3f3f3;white-space:nowrap}
a{color:#1a4e9c}.note{color:#555;font-size:.9rem}@media print{a{color:inherit;text-decoration:none}.noprint{display:none}body{margin:0}}`;

function page(title: string, body: string): string {
  // The public catalog (服务承诺) is meant to be found.
  return htmlDocument({ titleHtml: escapeHtml(title), style: STYLE, body, indexable: true });
}

const href = (code: string) => `/services/${encodeURIComponent(code)}`;

/** GET /services: the public catalog (服务承诺, R2). */
export function renderCatalogPage(unit: string, services: ServiceInfo[], departments: ReadonlyMap<string, string>): string {
  const rows = services
    .map((s) => `<tr><td>${escapeHtml(s.code)}</td><td><a href="${escapeHtml(href(s.code))}">${escapeHtml(s.name)}</a></td><td>${escapeHtml(departments.get(s.department) ?? s.department)}</td><td>${escapeHtml(CLASS_ZH[s.cls])}</td></tr>`)
    .join('');
  const table = services.length === 0 ? '<p>暂无公开的服务事项。</p>' : `<table><thead><tr><th>编号</th><th>事项名称</th><th>承办部室</th><th>类别</th></tr></thead><tbody>${rows}</tbody></table>`;
  return page(`${unit}服务事项清单`, `<h1>${escapeHtml(unit)}服务事项清单</h1>${table}<p class="note">点击事项名称查看办理依据、时限、程序和所需全部材料。</p>`);
}

/** GET /services/:code: one service's guide, printable (一次性告知 of everything an applicant needs). */
export function renderServicePage(unit: string, s: ServiceInfo, department: string): string {
  const limits = timeLimitLines(s).map((line) => {
    const [label = '', text = ''] = line.split('：', 2);
    return `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(text)}</td></tr>`;
  });
  const materials = s.materials.map((m) => `<li>${escapeHtml(m)}</li>`).join('');
  const body = `<h1>${escapeHtml(s.code)} ${escapeHtml(s.name)}</h1><table>
<tr><th>承办部室</th><td>${escapeHtml(department)}</td></tr>
<tr><th>办理依据</th><td>${escapeHtml(s.basis)}</td></tr>
${limits.join('\n')}
<tr><th>办理程序</th><td>${escapeHtml(s.procedure)}</td></tr>
<tr><th>所需材料</th><td>共 ${s.materials.length} 项<ol>${materials}</ol></td></tr>
</table><p class="note">${escapeHtml(unit)}公开承诺。工作日按国家法定节假日安排计算。</p><p class="noprint"><a href="/services">返回服务事项清单</a></p>`;
  return page(`${s.name} - ${unit}`, body);
}

export function renderServiceNotFoundPage(unit: string, code: string): string {
  return page(`未找到事项 - ${unit}`, `<h1>未找到事项“${escapeHtml(code)}”</h1><p><a href="/services">查看全部服务事项</a></p>`);
}
