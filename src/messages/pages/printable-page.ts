import { htmlDocument } from './html-document.ts';
import { cleanText } from '../../shared/clean-text.ts';

/**
 * The frame of the printable documents the public gets (一次性告知书, 不予受理告知书): read on a phone
 * first (390 px wide, 16 px text, no horizontal scroll), printed cleanly on A4.
 */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/gu, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

const STYLE = `*{box-sizing:border-box}
body{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;font-size:16px;line-height:1.9;color:#111;background:#fff;max-width:44em;margin:0 auto;padding:1.25em 1em;overflow-wrap:anywhere}
h1{text-align:center;font-size:1.6em;letter-spacing:.2em;margin:.3em 0}
.unit{text-align:center;margin:0}.no{text-align:right;font-size:.95em;margin:0}
table{width:100%;border-collapse:collapse;margin:1em 0;table-layout:fixed}th,td{border:1px solid #111;padding:.35em .5em;text-align:left;vertical-align:top}
th{width:6.5em;font-weight:normal;background:#f2f2f2}
.contact{margin:1em 0}.sign{text-align:right;margin-top:2.5em}.receipt{margin-top:2.5em;border-top:1px dashed #555;padding-top:1em}
button{font-size:1em;padding:.5em 1.5em;margin-top:1em}
@page{size:A4;margin:20mm 18mm}
@media print{body{font-size:12pt;max-width:none;padding:0;margin:0}th{background:none}.noprint{display:none}tr,p,li{break-inside:avoid}}`;

export function printablePage(title: string, body: string): string {
  return htmlDocument({ titleHtml: escapeHtml(title), style: STYLE, body: `${body}\n<p class="noprint"><button onclick="window.print()">打印</button></p>` });
}

/** 承办人 and 联系电话, as both notices print them. */
export function contactLine(handler: string, phone: string | null): string {
  return `<p class="contact">承办人：${escapeHtml(handler)}${phone ? `\u3000\u3000联系电话：${escapeHtml(phone)}` : ''}</p>`;
}
