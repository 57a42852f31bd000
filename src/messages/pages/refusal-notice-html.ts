/** The printable 不予受理告知书 (否定报备 §3: 7 日内用规范性文件告知当事人), every value escaped. */
import type { CaseRecord } from '../../domain/case/case.ts';
import { chinaDateOf } from '../../domain/calendar/china-time.ts';
import type { RefusalFilingRecord } from '../../domain/case/refusal.ts';
import { CLASS_ZH } from '../format.ts';
import { contactLine, escapeHtml, printablePage } from './printable-page.ts';

export const REFUSAL_NOTICE_NOT_FOUND = '未找到该告知书，请核对链接。';

export interface RefusalNoticeView {
  unit: string;
  number: string;
  case: CaseRecord;
  filing: RefusalFilingRecord;
  service: { code: string; name: string; basis: string } | null;
  handler: string;
  phone: string | null;
  /** The office's phone, for an objection (it takes the unit's efficiency complaints, 责任追究制 §4). */
  officePhone: string | null;
  /** Where the public files an efficiency complaint. */
  complaintUrl: string;
}

function chineseDate(at: Date): string {
  const [y, m, d] = chinaDateOf(at).split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** Reasons, basis, remedies, date and a line for the applicant's signature; the handler and a phone; never the internal #no. */
export function renderRefusalNoticeHtml(v: RefusalNoticeView): string {
  const e = escapeHtml;
  const c = v.case;
  const matter = v.service ? `${v.service.code} ${v.service.name}（${c.matter}）` : `${CLASS_ZH[c.cls]}（${c.matter}）`;
  const decidedAt = v.filing.decidedAt ?? v.filing.createdAt;
  const rows: [string, string][] = [
    ['申请人', c.applicant],
    ['申请事项', matter],
    ['申请日期', chineseDate(c.receivedAt)],
    ['不予受理理由', v.filing.reason],
    ['依据', v.service?.basis ?? '本单位服务承诺及有关规定'],
  ];
  const objection = `如对本告知有异议，可自收到本告知书之日起向${v.unit}办公室提出${v.officePhone ? `（电话：${v.officePhone}）` : ''}，或通过效能投诉（${v.complaintUrl}）反映，办公室将在规定的工作日内答复；也可依法通过其他途径维护自身合法权益。`;
  const body = `<p class="unit">${e(v.unit)}</p>
<h1>不予受理告知书</h1>
<p class="no">编号：${e(v.number)}</p>
<p>${e(c.applicant)}：</p>
<p>您于${e(chineseDate(c.receivedAt))}申请办理的事项，经审查并按规定报分管领导同意，决定不予受理。现将有关情况书面告知如下：</p>
<table>
${rows.map(([k, val]) => `<tr><th>${e(k)}</th><td>${e(val)}</td></tr>`).join('\n')}
<tr><th>救济途径</th><td>${e(objection)}</td></tr>
</table>
${contactLine(v.handler, v.phone)}
<p class="sign">${e(v.unit)}（盖章）<br>${e(chineseDate(decidedAt))}</p>
<p class="receipt">当事人签收：________________\u3000\u3000签收日期：______年____月____日</p>`;
  return printablePage(`不予受理告知书 ${v.number}`, body);
}
