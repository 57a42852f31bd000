/**
 * Issue 13 item 13: the printable 不予受理告知书 of an approved refusal and the 一次性告知书 name the
 * handler and a contact phone (the department's `phone`), never the internal #no, and print on A4.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, caseJson, inboxOf, register } from '../support/lifecycle-helpers.ts';

const TUESDAY = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('printable notices (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: TUESDAY });
  });
  afterAll(async () => t?.close());

  const page = async (path: string) => {
    const res = await fetch(`${t.bot.url}${path}`);
    return { status: res.status, type: res.headers.get('content-type') ?? '', html: await res.text() };
  };
  const pathOf = (link: string) => new URL(link).pathname;
  // The internal number, not a colour of the style sheet (#111).
  const caseNoIn = (no: number) => new RegExp(`#${no}(?![0-9a-f])`, 'u');

  it('prints the 不予受理告知书 of an approved refusal: reasons, basis, remedies, date, signature line, handler and phone', async () => {
    const no = await register(t, 'lihua', '登记 来人 KP-01 <b>某公司</b> 科普项目申报');
    await t.say('lihua', `拒绝 #${no} 申报单位不具备法人资格 & 成立未满一年`);
    const mark = inboxOf(t, 'lihua').length;
    await t.say('wangqiang', `同意 #${no}`);
    const told = inboxOf(t, 'lihua').slice(mark).join('\n');
    const link = /不予受理告知书（可打印）：(\S+)/u.exec(told)?.[1];
    expect(link, told).toMatch(/^http:\/\/bot\.test\/refusal-notices\/BSL-2026-\d{6}-[0-9a-f]{16}$/u);
    expect((await caseJson(t, no)).filing.noticePath).toBe(pathOf(link!));

    const { status, type, html } = await page(pathOf(link!));
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    expect(html).toContain('不予受理告知书');
    expect(html).toContain('&lt;b&gt;某公司&lt;/b&gt;');
    expect(html).not.toContain('<b>某公司</b>');
    expect(html).toContain('申报单位不具备法人资格 &amp; 成立未满一年');
    expect(html).toContain('《滨州市科普项目管理办法》');
    expect(html).toContain('承办人：李华');
    expect(html).toContain('联系电话：0543-3211234');
    expect(html).toContain('0543-3210000');
    expect(html).toContain('2026年12月1日');
    expect(html).toContain('当事人签收');
    expect(html).toMatch(/@page\s*\{[^}]*size:\s*A4/u);
    expect(html).not.toMatch(caseNoIn(no));
    expect((await page(pathOf(link!).replace(/[0-9a-f]{16}$/u, '0000000000000000'))).status).toBe(404);
  });

  it('names the handler and the phone on the 一次性告知书, without the internal #no, and prints it on A4', async () => {
    const no = await register(t, 'lihua', '登记 来人 KP-01 张三 科普项目申报');
    const [reply] = await t.say('lihua', `补正 #${no} 申报书`);
    const link = /书面告知书（可打印）：(\S+)/u.exec(reply!)?.[1];
    const { status, html } = await page(pathOf(link!));
    expect(status).toBe(200);
    expect(html).toContain('一次性告知书');
    expect(html).toContain('承办人：李华');
    expect(html).toContain('联系电话：0543-3211234');
    expect(html).not.toMatch(caseNoIn(no));
    expect(html).toMatch(/@page\s*\{[^}]*size:\s*A4/u);
  });
});
