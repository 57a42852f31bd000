/**
 * Issue 12 item 2: actions that need input open a form of the workbench with pickers; a form post goes
 * through the same use case and authorization as the command. 补正 with ticked catalog materials gives
 * the same one-time notice (R5 一次性告知制) as the typed command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { LIFECYCLE_ORG, caseJson, register } from '../support/lifecycle-helpers.ts';
import { signIn, type WorkbenchClient } from '../support/workbench-client.ts';

const TUESDAY = new Date('2026-12-01T09:30:00+08:00');
/** The page's flash message, as the person reads it. */
const flashOf = (html: string) =>
  (/<p class="notice[^"]*" role="status">([\s\S]*?)<\/p>/u.exec(html)?.[1] ?? '')
    // A link to the bot's own page reads as its address, as in chat.
    .replace(/<a href="([^"]+)">[^<]*<\/a>/gu, 'http://bot.test$1').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
/** A reply with its case's own numbers taken out, so that two cases' notices compare. */
const general = (text: string, no: number) => text.replaceAll(String(no).padStart(6, '0'), 'NNNNNN').replaceAll(`#${no}`, '#N').replace(/-[0-9a-f]{16}/gu, '-SIG');

describe.each(BACKENDS)('workbench forms (%s)', (backend) => {
  let t: TestBot;
  let lihua: WorkbenchClient;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: LIFECYCLE_ORG, now: TUESDAY });
    lihua = await signIn(t, 'lihua');
  }, 120_000);
  afterAll(async () => t?.close());

  it('offers the catalog materials as tick boxes, and a post of the ticked ones gives the same notice as 补正 typed', async () => {
    const typed = await register(t, 'lihua', '登记 来人 KP-01 张三 科普项目申报');
    const [chatReply] = await t.say('lihua', `补正 #${typed} 申报书、法人证书复印件`);

    const no = await register(t, 'lihua', '登记 来人 KP-01 张三 科普项目申报');
    const page = await (await lihua.get(`/app/cases/${no}/materials`)).text();
    for (const m of ['申报书', '单位推荐意见', '法人证书复印件']) expect(page).toContain(`<input type="checkbox" name="material" value="${m}"`);

    const res = await lihua.post(`/app/cases/${no}/actions`, { action: 'requestMaterials', material: ['申报书', '法人证书复印件'], args: '', nonce: 'form-1' });
    expect(res.status).toBe(200);
    const html = await res.text();
    // The notice's printable page is a link on the page, to the bot's own path.
    expect(html).toMatch(new RegExp(`<a href="/notices/GZ-2026-${String(no).padStart(6, '0')}-1-[0-9a-f]{16}">`, 'u'));
    const webReply = flashOf(html);
    expect(general(webReply, no)).toBe(general(chatReply!, typed));
    expect(webReply).toContain('需补正的材料（共 2 项）：\n1. 申报书\n2. 法人证书复印件');

    const [web, chat] = [await caseJson(t, no), await caseJson(t, typed)];
    expect(web.status).toBe('AWAITING_MATERIALS');
    expect(web.notices.map((n: { round: number; materials: string[] }) => [n.round, n.materials])).toEqual(chat.notices.map((n: { round: number; materials: string[] }) => [n.round, n.materials]));
    expect(web.history.at(-1)).toMatchObject({ action: 'materials_requested', actor: 'lihua' });

    // The page offers what the new state allows: 材料已补齐 now, no second 补正, 拒绝 or 延期 while it waits.
    const actions = async (n: number) => ((await (await lihua.get(`/app/api/cases/${n}`)).json()) as { actions: string[] }).actions;
    expect(await actions(no)).toEqual(expect.arrayContaining(['materialsComplete', 'finish']));
    expect(await actions(no)).not.toEqual(expect.arrayContaining(['requestMaterials']));
    expect(await actions(no)).not.toContain('refuse');
    expect(await actions(no)).not.toContain('extend');

    // The same post again (a double tap, a reload) makes no second notice.
    await lihua.post(`/app/cases/${no}/actions`, { action: 'requestMaterials', material: ['申报书', '法人证书复印件'], args: '', nonce: 'form-1' });
    expect((await caseJson(t, no)).notices).toHaveLength(1);
  });

  it('refuses a post with nothing ticked, and one from someone who may not act, changing nothing', async () => {
    const no = await register(t, 'lihua', '登记 来人 KP-01 王五 科普项目申报');
    // An open case that waits for nothing is not offered 材料已补齐.
    expect(((await (await lihua.get(`/app/api/cases/${no}`)).json()) as { actions: string[] }).actions).not.toContain('materialsComplete');
    const empty = await lihua.post(`/app/cases/${no}/actions`, { action: 'requestMaterials', args: '', nonce: 'form-2' });
    expect(empty.status).toBe(422);
    expect(flashOf(await empty.text())).not.toBe('');
    const outsider = await signIn(t, 'yangfan');
    const refused = await outsider.post(`/app/cases/${no}/actions`, { action: 'requestMaterials', material: ['申报书'], nonce: 'form-3' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('无权');
    const body = await caseJson(t, no);
    expect(body.status).toBe('OPEN');
    expect(body.notices).toEqual([]);
  });

  it('offers people and departments for 转办, and days and a reason for 延期', async () => {
    const no = await register(t, 'lihua', '登记 来人 KP-01 赵六 科普项目申报');
    const transfer = await (await lihua.get(`/app/cases/${no}/transfer`)).text();
    expect(transfer).toContain('list="transfer-targets"');
    expect(transfer).toMatch(/<datalist id="transfer-targets">[^]*<option value="赵敏"><\/option>[^]*<option value="科普部"><\/option>/u);
    const extend = await (await lihua.get(`/app/cases/${no}/extend`)).text();
    expect(extend).toContain('<input type="number" name="days"');
    const res = await lihua.post(`/app/cases/${no}/actions`, { action: 'extend', days: '3', reason: '需要现场核查', nonce: 'form-4' });
    expect(res.status).toBe(200);
    expect((await caseJson(t, no)).history.at(-1)).toMatchObject({ action: 'extension_requested', detail: expect.objectContaining({ days: 3 }) });
  });
});
