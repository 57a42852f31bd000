import { describe, expect, it } from 'vitest';
import { linkOwnPages } from '../../src/messages/pages/workbench/pages.ts';

describe('links in a reply shown on a workbench page', () => {
  it('links the bot\'s notices and case pages by path, and nothing else', () => {
    expect(linkOwnPages('告知书：http://bot.test/notices/GZ-2026-000004-1-31e7bcde22223a9e\n当事人')).toBe('告知书：<a href="/notices/GZ-2026-000004-1-31e7bcde22223a9e">/notices/GZ-2026-000004-1-31e7bcde22223a9e</a>\n当事人');
    expect(linkOwnPages('详情：https://x.gov.cn/app/cases/12')).toBe('详情：<a href="/app/cases/12">/app/cases/12</a>');
    // What a person typed stays text: another path, or a page with a query behind it.
    expect(linkOwnPages('见 http://evil.example/login 或 http://evil.example/app/cases/12?next=x')).toBe('见 http://evil.example/login 或 http://evil.example/app/cases/12?next=x');
  });
});
