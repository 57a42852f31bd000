import { htmlDocument } from '../html-document.ts';
import type { OrgRole } from '../../../domain/org/actor.ts';
import { escapeHtml } from '../printable-page.ts';

export { escapeHtml };

/** Which top-level pages a viewer's roles open (src/domain/org/visibility.ts decides; this names them). */
export interface NavItem {
  href: string;
  label: string;
}

export function navFor(roles: ReadonlySet<OrgRole>, department: string | null): NavItem[] {
  const items: NavItem[] = [
    { href: '/app/me', label: '我的' },
    { href: '/app/cases', label: '案件' },
  ];
  const leads = roles.has('office') || roles.has('principal') || roles.has('leader') || roles.has('head');
  if (leads && department) items.push({ href: '/app/departments', label: '部室' });
  if (roles.has('office') || roles.has('principal') || roles.has('leader')) items.push({ href: '/app/overview', label: '全局' });
  if (roles.has('office')) items.push({ href: '/app/records', label: '记录与投诉' });
  if (roles.has('office') || roles.has('principal') || roles.has('leader')) items.push({ href: '/app/evaluations', label: '考评' });
  return items;
}

/**
 * Phone first: 16 px text, nothing wider than the screen (tables scroll inside their own box, long
 * words wrap), colours at least 4.5:1 on white. One small stylesheet inline, no build step.
 */
const STYLE = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1a1a1a;background:#f5f6f8;overflow-wrap:anywhere}
a{color:#0b57d0}
header{background:#fff;border-bottom:1px solid #d0d4da;position:sticky;top:0;z-index:2}
header .bar{display:flex;justify-content:space-between;align-items:center;padding:.5em 1em;max-width:72em;margin:0 auto}
header .who{color:#333;font-size:.9375em}
nav{display:flex;flex-wrap:wrap;gap:.25em;padding:0 .75em .5em;max-width:72em;margin:0 auto}
nav a{padding:.35em .7em;border-radius:999px;text-decoration:none;color:#1a1a1a;background:#eef0f3}
nav a[aria-current=page]{background:#0b57d0;color:#fff}
main{max-width:72em;margin:0 auto;padding:1em}
h1{font-size:1.375em;margin:.25em 0 .75em}h2{font-size:1.125em;margin:1.25em 0 .5em}
section,.card{background:#fff;border:1px solid #d0d4da;border-radius:10px;padding:.75em 1em;margin:0 0 1em}
ul.items{list-style:none;margin:0;padding:0}ul.items li{padding:.6em 0;border-top:1px solid #e3e6ea}ul.items li:first-child{border-top:0}
.due{display:inline-block;font-size:.9375em;color:#333}.late{color:#b3261e;font-weight:600}.soon{color:#8a4b00;font-weight:600}
.muted{color:#4a4f57}.tag{display:inline-block;font-size:.875em;padding:0 .45em;border-radius:4px;background:#eef0f3;color:#1a1a1a}
.tag.red{background:#fde7e6;color:#8c1d18}.tag.yellow{background:#fff1d6;color:#6b3d00}.tag.green{background:#e3f4e6;color:#14532d}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.9375em}th,td{text-align:left;padding:.4em .5em;border-bottom:1px solid #e3e6ea;white-space:nowrap}
td.wrap{white-space:normal;min-width:10em}
form.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5em,1fr));gap:.5em;align-items:end}
label{display:block;font-size:.9375em;color:#333}
input,select,textarea,button{font:inherit;max-width:100%}
input,select,textarea{width:100%;padding:.45em .5em;border:1px solid #8a8f98;border-radius:6px;background:#fff;color:#1a1a1a}
textarea{min-height:4.5em}
fieldset{border:1px solid #c4c8cf;border-radius:6px;margin:0 0 .5em;padding:.5em .75em}legend{padding:0 .25em;color:#333}
label.tick{display:flex;gap:.5em;align-items:center;min-height:44px}label.tick input{width:1.25em;height:1.25em;flex:none}
button,.button{display:inline-block;padding:.5em 1em;border:0;border-radius:6px;background:#0b57d0;color:#fff;text-decoration:none;cursor:pointer}
button.secondary{background:#eef0f3;color:#1a1a1a;border:1px solid #8a8f98}
.actions form{margin:.5em 0;padding:.5em 0;border-top:1px solid #e3e6ea}
.notice{padding:.75em 1em;border-radius:8px;background:#e8f0fe;color:#0b2e6b;margin:0 0 1em;white-space:pre-wrap}
.notice.error{background:#fde7e6;color:#8c1d18}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));gap:1em}
.kpi{font-size:1.5em;font-weight:600}
ol.history{padding-left:1.25em;margin:0}ol.history li{margin:.35em 0}
.chart{width:100%;min-height:260px}
@media print{header,nav,.noprint,form{display:none}body{background:#fff}section,.card{border:0}}`;

export function workbenchPage(p: { title: string; viewerName?: string; nav?: NavItem[]; current?: string; body: string; head?: string }): string {
  const nav = p.nav
    ? `<nav>${p.nav.map((n) => `<a href="${n.href}"${n.href === p.current ? ' aria-current="page"' : ''}>${escapeHtml(n.label)}</a>`).join('')}</nav>`
    : '';
  const who = p.viewerName ? `<span class="who">${escapeHtml(p.viewerName)} · <a href="/app/logout">退出</a></span>` : '';
  return htmlDocument({
    titleHtml: `${escapeHtml(p.title)} · 效能工作台`,
    style: STYLE,
    ...(p.head && { head: `${p.head}\n` }),
    body: `<header><div class="bar"><strong>效能工作台</strong>${who}</div>${nav}</header>
<main>
${p.body}
</main>`,
  });
}

/** A page that only says why (sign-in failed, no right to see it), with the way on. */
export function messagePage(title: string, text: string, link?: { href: string; label: string }, chrome?: { viewerName: string; nav: NavItem[] }): string {
  const more = link ? `<p><a class="button" href="${link.href}">${escapeHtml(link.label)}</a></p>` : '';
  return workbenchPage({ title, body: `<h1>${escapeHtml(title)}</h1><section><p>${escapeHtml(text)}</p>${more}</section>`, ...(chrome && { viewerName: chrome.viewerName, nav: chrome.nav }) });
}

export const SIGN_IN_PAGES = {
  badState: () => messagePage('登录未完成', '登录链接已失效或已被使用过。请重新打开工作台登录。', { href: '/app', label: '重新登录' }),
  badCode: () => messagePage('登录未完成', '企业微信未能确认您的身份（授权码无效、已使用或已过期）。请重新打开工作台登录。', { href: '/app', label: '重新登录' }),
  notStaff: () => messagePage('无法登录', '您不在本单位的人员名单中，不能使用效能工作台。如有疑问，请联系办公室。'),
  forged: () => messagePage('登录状态无效', '您的登录凭证无法验证，已清除。请重新登录。', { href: '/app', label: '重新登录' }),
  signedOut: () => messagePage('已退出', '您已退出效能工作台。', { href: '/app', label: '重新登录' }),
  wecomDown: () => messagePage('登录未完成', '暂时无法连接企业微信，请稍后重试。', { href: '/app', label: '重试' }),
};

export const FORBIDDEN_TEXT = {
  title: '无权查看',
  page: '您没有查看此页面的权限。此页面仅对相应的负责人、分管领导或办公室开放。',
  case: (no: number) => `您无权查看案件 #${no}。案件仅对经办人、B岗顶岗人、首问责任人、本部室负责人、分管领导、主要负责人和办公室开放。`,
  notFoundTitle: '未找到',
  notFound: '未找到该页面或案件，请核对链接。',
  back: '返回我的工作台',
};

export function forbiddenPage(text: string, chrome?: { viewerName: string; nav: NavItem[] }): string {
  return messagePage(FORBIDDEN_TEXT.title, text, { href: '/app/me', label: FORBIDDEN_TEXT.back }, chrome);
}
