import { escapeHtml } from '../printable-page.ts';

/**
 * The WeCom look-alike's authorize page (sandbox and tests): WeCom would know who holds the phone;
 * here one picks the demo person to sign in as. The OAuth parameters travel on unchanged.
 */
export function renderFakeAuthorizePage(people: readonly { userid: string; name: string; department?: string }[], query: URLSearchParams): string {
  const hidden = ['appid', 'redirect_uri', 'response_type', 'scope', 'state', 'agentid']
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(query.get(k) ?? '')}">`)
    .join('');
  const buttons = people
    .map((p) => `<button type="submit" name="userid" value="${escapeHtml(p.userid)}">${escapeHtml(p.name)}${p.department ? `<small>${escapeHtml(p.department)}</small>` : ''}</button>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>企业微信登录（模拟）</title>
<style>*{box-sizing:border-box}body{font:16px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#111;background:#f4f5f7;margin:0;padding:1em;max-width:30em;margin:0 auto}
h1{font-size:1.25em}p{color:#333}form{display:grid;gap:.5em}button{font:inherit;text-align:left;padding:.75em 1em;border:1px solid #8a8f98;border-radius:8px;background:#fff;color:#111;cursor:pointer}
button small{display:block;color:#444}</style></head>
<body><h1>企业微信登录（模拟）</h1><p>这是本地企业微信模拟环境。请选择以哪位人员的身份登录工作台：</p>
<form method="get" action="/connect/oauth2/pick">${hidden}
${buttons}
</form></body></html>
`;
}
