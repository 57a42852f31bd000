import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_PATH } from '../../src/org/demo-org.ts';
import { createWeComApiClient } from '../../src/wecom/api-client.ts';
import { startTestBot, TEST_WECOM, type TestBot } from '../support/start-test-bot.ts';
import { createTestDatabase } from '../support/test-database.ts';

// Debian's Chromium (scripts/ensure-browser.mjs installs it before npm test), or CHROMIUM_PATH.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;
// Tuesday 2026-12-01 10:00 China time, a working day.
const TUESDAY_MORNING = new Date('2026-12-01T10:00:00+08:00');
/** An iPhone 12–15 screen in CSS pixels, with touch: what staff hold in WeCom. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const EIGHT = ['lihua', 'wangqiang', 'chenjing', 'luwei', 'gaoyan', 'sunli', 'zhaomin', 'yangfan'];

const botTexts = (page: Page) => page.locator('.msg-bot .bubble:not(.bubble-pending)').allInnerTexts();

async function openAs(context: BrowserContext, base: string, userid: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/sandbox#u=${userid}`);
  await page.waitForSelector('body.stream-ready', { timeout: 20_000 });
  await expect.poll(() => page.locator('#whoami').innerText()).toContain('当前身份');
  return page;
}

/** Types and taps 发送 as on a phone; resolves with the new bot bubbles once they arrived. */
async function tapSend(page: Page, text: string): Promise<string[]> {
  const before = (await botTexts(page)).length;
  await page.locator('#composer-input').fill(text);
  await page.locator('#send').tap();
  await expect.poll(async () => (await botTexts(page)).length, { timeout: 20_000 }).toBeGreaterThan(before);
  await page.waitForSelector('.bubble-pending', { state: 'detached' });
  return (await botTexts(page)).slice(before);
}

/** Every visible text on the page whose colour is below 4.5:1 on what is behind it, and its font size. */
function lowContrastTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      const [r, g, b, a = 1] = (m?.[1] ?? '0,0,0,0').split(',').map((x) => Number(x.trim()));
      return { r: r!, g: g!, b: b!, a: a! };
    };
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): { r: number; g: number; b: number } => {
      const layers: { r: number; g: number; b: number; a: number }[] = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a > 0) layers.push(c);
        if (c.a >= 1) break;
      }
      let out = { r: 255, g: 255, b: 255 };
      for (const l of layers.reverse()) out = { r: l.r * l.a + out.r * (1 - l.a), g: l.g * l.a + out.g * (1 - l.a), b: l.b * l.a + out.b * (1 - l.a) };
      return out;
    };
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('[hidden], [aria-hidden="true"], :disabled')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.bottom < 0 || rect.top > innerHeight || rect.right < 0 || rect.left > innerWidth) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      const fg = parse(getComputedStyle(el).color);
      const bg = background(el);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < 4.5) bad.push(`${n.textContent.trim().slice(0, 20)} (${ratio.toFixed(2)})`);
    }
    return bad;
  });
}

describe('the sandbox on a phone (390×844, touch) in Chromium', () => {
  let t: TestBot;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestBot({ now: TUESDAY_MORNING, orgFile: DEMO_ORG_PATH, sandbox: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('gives the chat the screen, with people in a drawer, the clock in a sheet, 16 px text, AA contrast and no sideways scroll', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${t.bot.url}/sandbox`);
    await page.waitForSelector('body.stream-ready');
    // Nobody chosen yet: the drawer opens by itself and says how to choose, without "左侧".
    await expect.poll(() => page.locator('body.drawer-open').count()).toBe(1);
    expect(await page.locator('.hint-narrow').innerText()).toContain('切换身份');
    await page.locator('.person[data-userid="lihua"]').tap();
    await expect.poll(() => page.locator('body.drawer-open').count()).toBe(0);
    await expect.poll(() => page.locator('#whoami').innerText()).toContain('李华');
    expect(await page.locator('#people-toggle').innerText()).toContain('李华');

    await tapSend(page, '登记 来电 咨询 张三 13800000000 科普项目申报条件');
    await tapSend(page, '帮助');

    const layout = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const size = (sel: string) => getComputedStyle(document.querySelector(sel)!).fontSize;
      const visibleText = [...document.querySelectorAll('body *')]
        .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
        .map((e) => [...e.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join(''))
        .join(' ');
      return {
        scrollWidth: document.documentElement.scrollWidth,
        bodyScrollWidth: document.body.scrollWidth,
        chat: box('.chat').height,
        messages: box('.messages').height,
        people: box('.people').right,
        body: size('body'),
        bubble: size('.msg-bot .bubble .text, .msg-bot .bubble .md'),
        input: size('#composer-input'),
        chip: size('.chip'),
        person: size('.person-name'),
        placeholder: (document.querySelector('#composer-input') as HTMLTextAreaElement).placeholder,
        visibleText,
      };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    expect(layout.bodyScrollWidth).toBeLessThanOrEqual(390);
    // The chat (its head, messages and composer) takes nearly all of the screen; the people are off it.
    expect(layout.chat).toBeGreaterThan(844 * 0.85);
    expect(layout.messages).toBeGreaterThan(844 * 0.6);
    expect(layout.people).toBeLessThanOrEqual(0);
    for (const size of [layout.body, layout.bubble, layout.input, layout.person]) expect(size).toBe('16px');
    expect(layout.placeholder).not.toMatch(/Shift|Enter/);
    expect(layout.visibleText).not.toContain('左侧');
    expect(layout.visibleText).not.toContain('Shift');

    expect(await lowContrastTexts(page)).toEqual([]);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}sandbox-phone.png` });

    // The drawer and the clock sheet: reachable, readable, and still no sideways scroll.
    await page.locator('#people-toggle').tap();
    await expect.poll(() => page.locator('.people').evaluate((e) => e.getBoundingClientRect().left)).toBe(0);
    expect(await lowContrastTexts(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}sandbox-phone-people.png` });
    await page.locator('#people-close').tap();
    await page.locator('#clock-toggle').tap();
    await expect.poll(() => page.locator('[data-time="day"]').isVisible()).toBe(true);
    expect(await lowContrastTexts(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}sandbox-phone-clock.png` });
    const before = t.clock.now().getTime();
    await page.locator('[data-time="hours"]').tap();
    await expect.poll(() => page.locator('.divider-time').last().innerText()).toContain('时间前进 1 小时');
    expect(t.clock.now().getTime() - before).toBeGreaterThanOrEqual(3600_000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  }, 120_000);

  it('works in eight tabs at once, each sending and receiving over one shared stream', async () => {
    const context = await browser.newContext(PHONE);
    const pages: Page[] = [];
    for (const userid of EIGHT) pages.push(await openAs(context, t.bot.url, userid));
    const roles = await Promise.all(pages.map((p) => p.evaluate(() => (window as unknown as { sandboxStream: { role: string } }).sandboxStream.role)));
    expect(roles.filter((r) => r === 'leader')).toHaveLength(1);
    expect(roles.filter((r) => r === 'follower')).toHaveLength(7);

    // All eight send at the same time; each gets its own answer, and only its own.
    const said = await Promise.all(pages.map((p) => p.locator('.msg-me .bubble').count()));
    const answers = await Promise.all(pages.map((p, i) => tapSend(p, i % 2 === 0 ? '帮助' : '待办')));
    for (const [i, answer] of answers.entries()) expect(answer.join('\n'), EIGHT[i]).toContain(i % 2 === 0 ? '登记' : '待办');
    for (const [i, page] of pages.entries()) {
      expect((await page.locator('.msg-me .bubble').allInnerTexts()).slice(said[i]), EIGHT[i]).toEqual([i % 2 === 0 ? '帮助' : '待办']);
    }

    // What one tab does reaches another live: 李华 files a refusal, 王强's tab gets the card.
    const [lihua, wangqiang] = [pages[0]!, pages[1]!];
    const [registered] = await tapSend(lihua, '登记 来电 咨询 张三 13800000000 科普项目申报条件');
    const no = Number(/#(\d+)/.exec(registered ?? '')?.[1]);
    expect(no).toBeGreaterThan(0);
    await tapSend(lihua, `拒绝 #${no} 不属于本单位受理范围`);
    const card = wangqiang.locator('.card', { hasText: `#${no}` });
    await card.waitFor({ timeout: 20_000 });
    await card.locator('button.card-btn', { hasText: /^同意/ }).tap();
    await expect.poll(() => card.locator('.btn-done').innerText(), { timeout: 20_000 }).toContain('同意');
    await expect.poll(async () => (await t.api(`/api/cases/${no}`)).body.status, { timeout: 15_000 }).toBe('REFUSED');

    // The tab holding the stream closes: another takes it over, and the rest go on.
    const leader = pages[roles.indexOf('leader')]!;
    await leader.close();
    const rest = pages.filter((p) => p !== leader);
    await expect.poll(async () => (await Promise.all(rest.map((p) => p.evaluate(() => (window as any).sandboxStream.role)))).filter((r) => r === 'leader').length).toBe(1);
    const again = await Promise.all(rest.map((p) => tapSend(p, '帮助')));
    for (const answer of again) expect(answer.join('\n')).toContain('登记');
    await context.close();
  }, 180_000);

  it('keeps the typed text when a send fails and says in Chinese what happened', async () => {
    const context = await browser.newContext(PHONE);
    const page = await openAs(context, t.bot.url, 'zhaomin');
    const input = page.locator('#composer-input');

    // The network drops the request.
    await page.route('**/sandbox/api/say', (route) => route.abort('internetdisconnected'));
    await input.fill('查 #1');
    await page.locator('#send').tap();
    await expect.poll(() => page.locator('#send-error').innerText()).toContain('网络连接中断，消息未送达');
    expect(await input.inputValue()).toBe('查 #1');
    await page.unroute('**/sandbox/api/say');

    // The server answers but the bot does not take it: the line that showed is taken back out.
    t.sandbox!.attach({ url: 'http://127.0.0.1:9', settle: async () => undefined });
    try {
      await page.locator('#send').tap();
      await expect.poll(() => page.locator('#send-error').innerText()).toContain('机器人暂时没有响应，消息未送达');
      expect(await input.inputValue()).toBe('查 #1');
      await expect.poll(() => page.locator('.msg-me .bubble', { hasText: '查 #1' }).count()).toBe(0);
    } finally {
      t.sandbox!.attach(t.bot);
    }

    // Too long: the server says the limit.
    await input.fill('查'.repeat(2001));
    await page.locator('#send').tap();
    await expect.poll(() => page.locator('#send-error').innerText()).toContain('消息太长，最多 2000 字');
    expect((await input.inputValue()).length).toBe(2001);

    // Once it works, the error goes and the message is sent.
    await input.fill('帮助');
    const reply = await tapSend(page, '帮助');
    expect(reply.join('\n')).toContain('登记');
    expect(await page.locator('#send-error').isHidden()).toBe(true);
    expect(await input.inputValue()).toBe('');
    await context.close();
  }, 90_000);

  it('draws every card type from its JSON, posts taps through the callback, and opens the bot\'s links beside the chat', async () => {
    const api = createWeComApiClient({ baseUrl: t.wecom.url, corpId: TEST_WECOM.corpId, secret: TEST_WECOM.secret, agentId: TEST_WECOM.agentId });
    await api.sendTemplateCard(['wangfang'], {
      card_type: 'text_notice',
      task_id: 'phone-notice-1',
      main_title: { title: '通知卡片', desc: '说明' },
      emphasis_content: { title: '3', desc: '件待办' },
      horizontal_content_list: [{ keyname: '部门', value: '科普部' }],
      jump_list: [{ type: 1, title: '服务指南', url: 'http://bot.test/services' }],
      card_action: { type: 1, url: 'http://bot.test/services/KP-01' },
    });
    await api.sendTemplateCard(['wangfang'], {
      card_type: 'vote_interaction',
      task_id: 'phone-vote-1',
      main_title: { title: '投票卡片' },
      checkbox: { question_key: 'q1', mode: 1, option_list: [{ id: 'a', text: '甲' }, { id: 'b', text: '乙' }] },
      submit_button: { text: '提交', key: 'vote-submit' },
    });
    await api.sendTemplateCard(['wangfang'], {
      card_type: 'multiple_interaction',
      task_id: 'phone-multi-1',
      main_title: { title: '选择卡片' },
      select_list: [{ question_key: 's1', title: '办理方式', option_list: [{ id: 'x', text: '当场办结' }, { id: 'y', text: '转办' }] }],
      submit_button: { text: '确定', key: 'multi-submit' },
    });
    await api.sendTemplateCard(['wangfang'], {
      card_type: 'button_interaction',
      task_id: 'phone-button-1',
      main_title: { title: '按钮卡片' },
      action_menu: { desc: '更多', action_list: [{ text: '不再提醒', key: 'menu-mute' }] },
      button_selection: { question_key: 'who', title: '经办人', option_list: [{ id: 'lihua', text: '李华' }, { id: 'zhaomin', text: '赵敏' }] },
      button_list: [
        { text: '办结', style: 1, key: 'btn-done' },
        { text: '打开表单', style: 2, type: 1, url: 'http://bot.test/services' },
      ],
    });

    const context = await browser.newContext(PHONE);
    const page = await openAs(context, t.bot.url, 'wangfang');
    const notice = page.locator('.card[data-task-id="phone-notice-1"]');
    await notice.waitFor();
    expect(await notice.locator('.card-emphasis').innerText()).toMatch(/3\s*件待办/);
    expect(await notice.locator('.card-kv').innerText()).toMatch(/部门\s+科普部/);

    const clicks = async () =>
      (await t.database.prisma.inboxMessage.findMany({ where: { kind: 'card_click', fromUser: 'wangfang' }, orderBy: { receivedAt: 'asc' } })).map((r) => {
        const p = r.payload as { taskId: string; eventKey: string; cardType: string };
        return [p.taskId, p.eventKey, p.cardType];
      });
    const vote = page.locator('.card[data-task-id="phone-vote-1"]');
    await vote.locator('label', { hasText: '乙' }).tap();
    await vote.locator('button', { hasText: '提交' }).tap();
    await expect.poll(clicks).toEqual([['phone-vote-1', 'vote-submit', 'vote_interaction']]);

    const multi = page.locator('.card[data-task-id="phone-multi-1"]');
    await multi.locator('select').selectOption('y');
    await multi.locator('button', { hasText: '确定' }).tap();
    await expect.poll(async () => (await clicks()).at(-1)).toEqual(['phone-multi-1', 'multi-submit', 'multiple_interaction']);

    const buttons = page.locator('.card[data-task-id="phone-button-1"]');
    await buttons.locator('.card-menu-btn').tap();
    await buttons.locator('.card-menu-item', { hasText: '不再提醒' }).tap();
    await expect.poll(async () => (await clicks()).at(-1)).toEqual(['phone-button-1', 'menu-mute', 'button_interaction']);
    await buttons.locator('button', { hasText: '办结' }).tap();
    await expect.poll(async () => (await clicks()).at(-1)).toEqual(['phone-button-1', 'btn-done', 'button_interaction']);

    // The bot's own links (its PUBLIC_BASE_URL) open over the chat on a phone, served from this site.
    await buttons.locator('a.card-btn', { hasText: '打开表单' }).tap();
    await expect.poll(() => page.locator('#side-panel').isVisible()).toBe(true);
    expect(await page.locator('#side-frame').getAttribute('src')).toBe(`${t.bot.url}/services`);
    await expect.poll(() => page.frameLocator('#side-frame').locator('body').innerText(), { timeout: 10_000 }).toContain('KP-01');
    const panel = await page.locator('#side-panel').boundingBox();
    expect(panel).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await page.locator('#side-close').tap();
    await expect.poll(() => page.locator('#side-panel').isHidden()).toBe(true);
    await notice.locator('a.card-more').tap();
    expect(await page.locator('#side-frame').getAttribute('src')).toBe(`${t.bot.url}/services/KP-01`);
    await context.close();

    // On a desktop the same link opens in a panel beside the chat, which stays in view.
    const desk = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await desk.goto(`${t.bot.url}/sandbox#u=wangfang`);
    const deskNotice = desk.locator('.card[data-task-id="phone-notice-1"]');
    await deskNotice.waitFor();
    await deskNotice.locator('.card-jumps a', { hasText: '服务指南' }).click();
    await expect.poll(() => desk.locator('#side-panel').isVisible()).toBe(true);
    const [chatBox, sideBox] = [await desk.locator('.chat').boundingBox(), await desk.locator('#side-panel').boundingBox()];
    expect(sideBox!.x).toBeGreaterThanOrEqual(chatBox!.x + chatBox!.width - 1);
    expect(chatBox!.width).toBeGreaterThan(400);
    // The desktop layout keeps the staff list in view, the same contrast, and no sideways scroll.
    expect(await desk.locator('.people').isVisible()).toBe(true);
    expect(await desk.locator('#people-toggle').isVisible()).toBe(false);
    expect(await desk.locator('#composer-input').getAttribute('placeholder')).toContain('Enter 发送');
    expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    expect(await lowContrastTexts(desk)).toEqual([]);
    // The open panel changes nothing in the chat's own look.
    expect(await deskNotice.locator('.card-title').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(31, 35, 41)');
    expect(await desk.locator('.people-hint').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await desk.screenshot({ path: `${ARTIFACTS}sandbox-desktop-side-panel.png` });
    await desk.close();
  }, 120_000);
});

describe('the sandbox after a restart', () => {
  it('shows each chat\'s history again, read from the database, and its cards still work', async () => {
    const database = await createTestDatabase('pglite');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'] });
    try {
      const first = await startTestBot({ now: TUESDAY_MORNING, orgFile: DEMO_ORG_PATH, sandbox: true, database });
      let no: number;
      try {
        await first.say('lihua', '帮助');
        const [registered] = await first.say('lihua', '登记 来电 咨询 张三 13800000000 科普项目申报条件');
        no = Number(/#(\d+)/.exec(registered ?? '')?.[1]);
        await first.say('lihua', `拒绝 #${no} 不属于本单位受理范围`);
      } finally {
        await first.close();
      }

      // A new bot, a new WeCom look-alike, an empty memory: only the database is the same.
      const second = await startTestBot({ now: new Date(TUESDAY_MORNING.getTime() + 3600_000), orgFile: DEMO_ORG_PATH, sandbox: true, database });
      try {
        const context = await browser.newContext(PHONE);
        const lihua = await openAs(context, second.bot.url, 'lihua');
        await expect.poll(() => lihua.locator('.msg-me .bubble').allInnerTexts()).toEqual(['帮助', '登记 来电 咨询 张三 13800000000 科普项目申报条件', `拒绝 #${no} 不属于本单位受理范围`]);
        const replies = (await botTexts(lihua)).join('\n');
        expect(replies).toContain(`#${no}`);
        expect(replies).toContain('登记');

        const wangqiang = await openAs(context, second.bot.url, 'wangqiang');
        const card = wangqiang.locator('.card', { hasText: `#${no}` });
        await card.waitFor();
        await card.locator('button.card-btn', { hasText: /^同意/ }).tap();
        await expect.poll(() => card.locator('.btn-done').innerText(), { timeout: 20_000 }).toContain('同意');
        await expect.poll(async () => (await second.api(`/api/cases/${no}`)).body.status, { timeout: 15_000 }).toBe('REFUSED');

        // Reloaded, the card shows its decided state from the outbox's card update.
        await wangqiang.reload();
        await wangqiang.waitForSelector('body.stream-ready');
        await expect.poll(() => wangqiang.locator('.card', { hasText: `#${no}` }).locator('.btn-done').innerText(), { timeout: 10_000 }).toContain('同意');
        await context.close();
      } finally {
        await second.close();
      }
    } finally {
      await browser.close();
      await database.close();
    }
  }, 180_000);
});
