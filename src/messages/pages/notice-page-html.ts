/** The printable written notice (一次性告知书, R5 §6): a plain HTML page, every value escaped. */
import type { CaseRecord } from '../../domain/case/case.ts';
import { chinaDateOf } from '../../domain/calendar/china-time.ts';
import type { MaterialsNoticeRecord } from '../../db/materials-notice-repository.ts';
import { CLASS_ZH } from '../format.ts';
import { timeLimitText } from '../materials-replies.ts';
import { contactLine, escapeHtml, printablePage } from './printable-page.ts';

/** GET /notices/:ref when there is no such notice, or the token is wrong (plain text). */
export const NOTICE_NOT_FOUND = '未找到该告知书，请核对链接。';

export { escapeHtml } from './printable-page.ts';

function chineseDate(at: Date): string {
  const [y, m, d] = chinaDateOf(at).split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** Who the applicant deals with: the handler who gave the notice, and their department's phone. */
export interface NoticeContact {
  handler: string;
  phone: string | null;
}

/**
 * The 一次性告知书. It names the notice by its own number, never by the case's internal #no (which
 * means nothing to the applicant), and says whom to call.
 */
export function renderNoticeHtml(unit: string, c: CaseRecord, n: MaterialsNoticeRecord, contact: NoticeContact): string {
  const e = escapeHtml;
  const matter = n.items.serviceCode ? `${n.items.serviceCode} ${n.items.serviceName ?? ''}` : CLASS_ZH[c.cls];
  const rows: [string, string][] = [
    ['申请人', c.applicant],
    ['办理事项', `${matter}（${c.matter}）`],
    ['办理依据', n.basis ?? '按本单位服务承诺及有关规定'],
    ['办理时限', timeLimitText(n.timeLimit, n.items.promisedDays)],
    ['办理程序', n.procedure ?? '补齐材料后由承办人审核办理'],
  ];
  const materials = n.items.materials.map((m) => `<li>${e(m)}</li>`).join('');
  const body = `<p class="unit">${e(unit)}</p>
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
${contactLine(contact.handler, contact.phone)}
<p class="sign">${e(unit)}<br>${e(chineseDate(n.at))}</p>`;
  return printablePage(`一次性告知书 ${n.number}`, body);
}
