import { htmlDocument } from './html-document.ts';

/** What a report link answers when it cannot open the report. */
const page = (title: string, text: string) =>
  htmlDocument({
    titleHtml: title,
    style: 'body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;font-size:16px;line-height:1.7;color:#1a1a1a;background:#fff;max-width:36em;margin:3em auto;padding:0 1.2em}h1{font-size:1.25em}',
    body: `<h1>${title}</h1><p>${text}</p>`,
  });

export const REPORT_LINK_PAGES = {
  invalid: page('链接无效', '这个链接不完整或已被修改，无法打开报表。请在企业微信中重新向效能助手发送命令获取链接。'),
  expired: page('链接已过期', '为保护数据安全，报表链接 7 天后失效。请在企业微信中重新发送“考评 期间”或“通报 月份”获取新的链接。'),
} as const;
