import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_PATH } from '../../src/org/demo-org.ts';
import { createWeComApiClient } from '../../src/wecom/api-client.ts';
import { startTestBot, TEST_WECOM, type TestBot } from '../support/start-test-bot.ts';

// Debian's Chromium (scripts/ensure-browser.mjs installs it before npm test), or CHROMIUM_PATH.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;
// Tuesday 2026-12-01 10:00 China time, a working day.
const TUESDAY_MORNING = new Date('2026-12-01T10:00:00+08:00');

/** Bot bubbles in the chat pane, as text. */
const botTexts = (page: Page) => page.locator('.msg-bot .bubble:not(.bubble-pending)').allInnerTexts();

async function pickPerson(page: Page, userid: string, name: string): Promise<void> {
  await page.locator(`.person[data-userid="${userid}"]`).click();
  await page.waitForFunction((u) => window.location.hash === `#u=${u}`, userid);
  await expect.poll(() => page.locator('#whoami').innerText()).toContain(name);
  await page.waitForSelector('body.stream-ready');
}

/** Types into the composer and presses Enter; resolves with the new bot bubbles once they arrived. */
async function send(page: Page, text: string): Promise<string[]> {
  const before = (await botTexts(page)).length;
  await page.locator('#composer-input').fill(text);
  await page.locator('#composer-input').press('Enter');
  await expect.poll(async () => (await botTexts(page)).length, { timeout: 15_000 }).toBeGreaterThan(before);
  await page.waitForSelector('.bubble-pending', { state: 'detached' });
  return (await botTexts(page)).slice(before);
}

describe('the sandbox page in Chromium', () => {
  let t: TestBot;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestBot({ now: TUESDAY_MORNING, orgFile: DEMO_ORG_PATH, sandbox: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
    });
    // A bot, a database and a browser start on a shared two-core machine: the default 60 s is too tight there.
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('logs a request, files a refusal, and the leader approves it: the case is REFUSED', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(`${t.bot.url}/sandbox`);
    await expect.poll(() => page.locator('#sandbox-banner').innerText()).toContain('沙盒模式：未连接企业微信，数据仅供体验');
    await expect.poll(() => page.locator('.person').count()).toBe(20);

    await pickPerson(page, 'lihua', '李华');
    const [registered] = await send(page, '登记 来电 咨询 张三 13800000000 科普项目申报条件');
    const no = Number(/#(\d+)/.exec(registered ?? '')?.[1]);
    expect(no, registered).toBeGreaterThan(0);

    const refusal = await send(page, `拒绝 #${no} 不属于本单位受理范围`);
    expect(refusal.join('\n')).toContain(`#${no}`);
    expect((await t.api(`/api/cases/${no}`)).body.status).toBe('REFUSAL_PENDING');
    // The leader's new message shows as an unread badge in the person list.
    await expect.poll(() => page.locator('.person[data-userid="wangqiang"] .unread').count()).toBe(1);

    await pickPerson(page, 'wangqiang', '王强');
    const card = page.locator('.card', { hasText: `#${no}` });
    const cardShown = await card
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    let path: 'card' | 'text';
    if (cardShown && (await card.locator('button.card-btn:not([disabled])', { hasText: /^同意/ }).count()) > 0) {
      path = 'card';
      await card.locator('button.card-btn', { hasText: /^同意/ }).click();
      // The bot updates the leader's copy of the card: the buttons give way to the outcome.
      await expect.poll(() => card.locator('.btn-done').innerText(), { timeout: 15_000 }).toContain('同意');
    } else {
      path = 'text';
      await expect.poll(async () => (await botTexts(page)).join('\n')).toContain(`#${no}`);
      await send(page, `同意 #${no}`);
    }
    console.log(`[sandbox browser test] the leader approved through the ${path === 'card' ? 'card button (同意)' : 'text command 同意 #no'}`);

    await expect.poll(async () => (await t.api(`/api/cases/${no}`)).body.status, { timeout: 15_000 }).toBe('REFUSED');
    const [shown] = await send(page, `查 #${no}`);
    expect(shown).toContain('不予办理');

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}sandbox.png` });
    await page.close();
  }, 120_000);

  it('keeps each tab its own person and moves sandbox time from the top bar', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto(`${t.bot.url}/sandbox#u=chenjing`);
    await b.goto(`${t.bot.url}/sandbox#u=luwei`);
    await expect.poll(() => a.locator('#whoami').innerText()).toContain('陈静 · 科普部 · 部室负责人');
    await expect.poll(() => b.locator('#whoami').innerText()).toContain('卢伟 · 学会学术部');
    await a.waitForSelector('body.stream-ready');
    await b.waitForSelector('body.stream-ready');

    const [help] = await send(a, '帮助');
    expect(help).toContain('登记');
    expect(await b.locator('.msg-me').count()).toBe(0);

    const before = t.clock.now().getTime();
    await b.locator('[data-time="hours"]').click();
    await expect.poll(() => t.clock.now().getTime() - before).toBeGreaterThanOrEqual(3600_000);
    // Both tabs show the jump, and the clock label follows it in China time.
    for (const page of [a, b]) {
      await expect.poll(() => page.locator('.divider-time').last().innerText()).toContain('时间前进 1 小时');
    }
    await expect.poll(() => a.locator('#time-label').innerText()).toMatch(/12月1日.*1[1-9]:\d\d/);
    await context.close();
  }, 60_000);

  it('draws a template card, sends a button click back through the callback, and shows the card update', async () => {
    // A card straight into the WeCom look-alike, as the bot would send it, so this checks the page's card path alone.
    const api = createWeComApiClient({ baseUrl: t.wecom.url, corpId: TEST_WECOM.corpId, secret: TEST_WECOM.secret, agentId: TEST_WECOM.agentId });
    await api.sendTemplateCard(['sunli'], {
      card_type: 'button_interaction',
      task_id: 'browser-card-1',
      source: { desc: '效能助手', desc_color: 0 },
      main_title: { title: '演示卡片 <b>不是标签</b>', desc: '请选择' },
      quote_area: { type: 0, title: '引用', quote_text: '第一行\n第二行' },
      sub_title_text: '理由：演示',
      horizontal_content_list: [{ keyname: '当事人', value: '张三' }],
      button_list: [
        { text: '同意', style: 1, key: 'demo-approve' },
        { text: '驳回', style: 3, key: 'demo-reject' },
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${t.bot.url}/sandbox#u=sunli`);
    const card = page.locator('.card[data-task-id="browser-card-1"]');
    await card.waitFor();
    expect(await card.locator('.card-title').innerText()).toBe('演示卡片 <b>不是标签</b>');
    expect(await card.locator('.card-kv').innerText()).toMatch(/当事人\s+张三/);
    expect(await card.locator('button.btn-danger').innerText()).toBe('驳回');

    await card.locator('button', { hasText: '同意' }).click();
    await expect
      .poll(async () => (await t.database.prisma.inboxMessage.findMany({ where: { kind: 'card_click', fromUser: 'sunli' } })).map((r) => r.payload))
      .toEqual([expect.objectContaining({ taskId: 'browser-card-1', eventKey: 'demo-approve' })]);

    // The bot's answer to a click is an update of that user's copy of the card.
    await api.updateTemplateCard({ userids: ['sunli'], responseCode: t.wecom.issueClickResponseCode('browser-card-1', 'sunli'), replaceName: '已同意' });
    await expect.poll(() => card.locator('.card-buttons').innerText()).toBe('已同意');
    expect(await card.locator('button:not([disabled])').count()).toBe(0);
    await page.close();
  }, 60_000);
});
