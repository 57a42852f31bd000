/**
 * The public's pages in a real browser at a phone's width (issue 13 items 13, 14): no horizontal
 * scroll at 390 px, body text of 16 px, and every text at least 4.5:1 against its background.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, register } from '../support/lifecycle-helpers.ts';
import { lowestContrast, scrollWidth } from '../support/page-checks.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TUESDAY = new Date('2026-12-01T09:30:00+08:00');

describe('the public pages on a phone', () => {
  let t: TestBot;
  let browser: Browser;
  const paths: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestBot({ orgFile: OFFICE_WEEK_ORG, now: TUESDAY });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'] });
    const filed = await fetch(`${t.bot.url}/complaints`, {
      method: 'POST',
      body: new URLSearchParams({ department: 'kpb', content: '电话一周无人接听，'.repeat(20), name: '张三', phone: '13800000000' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    paths['tracking'] = new URL(filed.headers.get('location')!).pathname;
    const no = await register(t, 'lihua', '登记 来人 KP-01 某科技有限公司科普项目申报代表 科普项目申报');
    const [notice] = await t.say('lihua', `补正 #${no} 全部`);
    paths['one-time notice'] = new URL(/书面告知书（可打印）：(\S+)/u.exec(notice!)![1]!).pathname;
    const other = await register(t, 'lihua', '登记 来人 KP-01 李四 科普项目申报');
    await t.say('lihua', `拒绝 #${other} 申报单位不具备法人资格，且成立时间不满一年，不符合《滨州市科普项目管理办法》第五条规定`);
    await t.say('wangqiang', `同意 #${other}`);
    const told = t.wecom.messagesTo('lihua').map((m) => m.content ?? '').join('\n');
    paths['refusal notice'] = new URL(/不予受理告知书（可打印）：(\S+)/u.exec(told)![1]!).pathname;
    paths['complaint form'] = '/complaints/new';
    paths['message card'] = '/departments/kpb/message';
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const name of ['complaint form', 'tracking', 'message card', 'one-time notice', 'refusal notice']) {
    it(`shows the ${name} at 390 px without horizontal scroll, in 16 px text of enough contrast`, async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const res = await page.goto(`${t.bot.url}${paths[name]}`);
      expect(res?.status()).toBe(200);
      const width = await scrollWidth(page);
      expect(width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('16px');
      const worst = await lowestContrast(page);
      expect(worst.ratio, worst.text).toBeGreaterThanOrEqual(4.5);
      await page.close();
    });
  }
});
