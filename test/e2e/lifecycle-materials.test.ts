/** R5 一次性告知制 through the webhook: 补正 / 补齐, the clock, the second round, the printable notice. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { LIFECYCLE_ORG, caseJson, register, stateOf } from '../support/lifecycle-helpers.ts';

const TUESDAY = new Date('2026-12-01T09:30:00+08:00');
const LINK = /http:\/\/bot\.test(\/notices\/(GZ-2026-\d{6}-\d+)-([0-9a-f]{16}))/u;

describe.each(BACKENDS)('one-time notice (R5) (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: LIFECYCLE_ORG, now: TUESDAY });
  });
  afterAll(async () => t?.close());

  const page = (path: string) => fetch(`${t.bot.url}${path}`);

  it('lists every missing material at once, pauses the clock, and restarts it afresh on 补齐', async () => {
    t.clock.set(TUESDAY);
    const no = await register(t, 'lihua', '登记 来人 KP-01 张三 科普项目申报');
    expect((await caseJson(t, no)).dueAt).toBe('2026-12-02T15:59:59.999Z');

    const [reply] = await t.say('lihua', `补正 #${no} 1、法人证书`);
    expect(reply).toContain(`已出具一次性告知书 GZ-2026-${String(no).padStart(6, '0')}-1，#${no} 计时暂停`);
    expect(reply).toContain('依据：《滨州市科普项目管理办法》');
    expect(reply).toContain('办理时限：材料补齐后 1 个工作日内办结');
    expect(reply).toContain('办理程序：提交材料 → 受理审核 → 反馈');
    expect(reply).toContain('需补正的材料（共 2 项）：\n1. 申报书\n2. 法人证书复印件');
    expect(reply).toMatch(LINK);

    let body = await caseJson(t, no);
    expect(body.status).toBe('AWAITING_MATERIALS');
    expect(Date.parse(body.pausedAt) - TUESDAY.getTime()).toBeLessThan(60_000);
    expect(body.notices).toEqual([expect.objectContaining({ round: 1, materials: ['申报书', '法人证书复印件'], fulfilledAt: null })]);
    expect(body.history.at(-1)).toMatchObject({ action: 'materials_requested', detail: { round: 1, materials: ['申报书', '法人证书复印件'] } });

    // The due time passes while the applicant is away: the unit is not late.
    t.clock.set(new Date('2026-12-04T16:00:00+08:00'));
    expect((await caseJson(t, no)).overdue).toBe(false);

    const [done] = await t.say('lihua', `补齐 #${no}`);
    expect(done).toContain(`#${no} 材料已补齐，重新计时`);
    expect(done).toContain('12月7日（周一）24:00');
    body = await caseJson(t, no);
    expect(body).toMatchObject({ status: 'OPEN', pausedAt: null, dueAt: '2026-12-07T15:59:59.999Z', overdue: false });
    expect(body.notices[0].fulfilledAt).toMatch(/^2026-12-04T08:0/u);
    expect(body.history.map((e: { action: string }) => e.action)).toEqual(['registered', 'materials_requested', 'materials_completed']);

    // A second notice for what the first listed is fine; for what it missed, it is a recorded violation.
    const [second] = await t.say('lihua', `补正 #${no} 申报书、单位推荐意见`);
    expect(second).toContain(`GZ-2026-${String(no).padStart(6, '0')}-2`);
    expect(second).toContain('⚠ 注意：“单位推荐意见”不在第一次告知书');
    const records = await t.database.prisma.accountabilityRecord.findMany({ where: { caseNo: no } });
    expect(records).toEqual([expect.objectContaining({ kind: 'second_round_materials', subject: 'lihua', department: 'kpb' })]);
    expect((await caseJson(t, no)).notices[1]).toMatchObject({ round: 2, outsideFirstNotice: ['单位推荐意见'] });

    await t.say('lihua', `补齐 #${no}`);
    const [third] = await t.say('lihua', `补正 #${no} 申报书`);
    expect(third).not.toContain('⚠');
    expect(await t.database.prisma.accountabilityRecord.count({ where: { caseNo: no } })).toBe(1);
  });

  it('serves the written notice as a printable page, only with the link it gave', async () => {
    t.clock.set(new Date('2026-12-07T10:00:00+08:00'));
    const no = await register(t, 'lihua', '登记 来人 KP-01 <b>李四&Co</b> 申报"科普"项目');
    const [reply] = await t.say('lihua', `补正 #${no} 全部`);
    const [, path, number, token] = LINK.exec(reply ?? '') ?? [];
    const res = await page(path ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    // The notice's own number, never the internal case number (issue 13 item 13), and who to call.
    expect(html).not.toMatch(new RegExp(`#${no}(?![0-9a-f])`, 'u'));
    for (const text of ['滨州市科学技术协会', '一次性告知书', `编号：${number}`, '承办人：李华', '《滨州市科普项目管理办法》', '材料补齐后 1 个工作日内办结', '提交材料 → 受理审核 → 反馈', '2026年12月7日']) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(/<ol><li>申报书<\/li><li>单位推荐意见<\/li><li>法人证书复印件<\/li><\/ol>/u);
    expect(html).toContain('&lt;b&gt;李四&amp;Co&lt;/b&gt;');
    expect(html).not.toContain('<b>李四');

    const wrongToken = `/notices/${number}-${'0'.repeat(16)}`;
    expect(token).not.toBe('0'.repeat(16));
    expect((await page(wrongToken)).status).toBe(404);
    expect((await page(`/notices/${number}`)).status).toBe(404);
  });

  it('names back every unknown material with the valid list, and changes nothing', async () => {
    const no = await register(t, 'lihua', '登记 来人 KP-01 王五 申报');
    const before = await stateOf(t);
    const [answer] = await t.say('lihua', `补正 #${no} 身份证、营业执照、9`);
    expect(answer).toContain('1. “身份证”不在本事项的材料清单中');
    expect(answer).toContain('2. “营业执照”不在本事项的材料清单中');
    expect(answer).toContain('3. 没有第 9 项材料（本事项共 3 项）');
    expect(answer).toContain('本事项材料清单：1. 申报书；2. 单位推荐意见；3. 法人证书复印件');
    const [both] = await t.say('zhaomin', `补正 #${no} 身份证`);
    expect(both).toMatch(/1\. 此操作只能由承办人李华[\s\S]*2\. “身份证”不在/u);
    const [notWaiting] = await t.say('lihua', `补齐 #${no}`);
    expect(notWaiting).toContain('不能登记补齐');
    expect(await stateOf(t)).toEqual(before);
  });

  it('registers by the service name or a part of it, as 指南 finds it, and suggests when the name is not in the catalog', async () => {
    const no = await register(t, 'lihua', '登记 来人 科普项目申报 张三 申报');
    expect((await caseJson(t, no)).service).toBe('KP-01');
    const before = await stateOf(t);
    const [unknown] = await t.say('lihua', '登记 来人 科普项目审报材料受理 张三 申报');
    expect(unknown).toContain('未找到类别或事项“科普项目审报材料受理”');
    expect(unknown).toContain('您是否要找：KP-01 科普项目申报材料受理');
    expect(await stateOf(t)).toEqual(before);
  });

  it('takes materials by name when the case has no service, and says why positions cannot work', async () => {
    const no = await register(t, 'lihua', '登记 来人 审核 赵六 科普活动备案');
    const before = await stateOf(t);
    const [answer] = await t.say('lihua', `补正 #${no} 1、3`);
    expect(answer).toContain('不能用序号或“全部”');
    expect(await stateOf(t)).toEqual(before);
    const [reply] = await t.say('lihua', `补正 #${no} 身份证复印件、活动方案`);
    expect(reply).toContain('1. 身份证复印件\n2. 活动方案');
    expect(reply).toContain('依据：按本单位服务承诺及有关规定');
    expect((await caseJson(t, no)).status).toBe('AWAITING_MATERIALS');
    const [twice] = await t.say('lihua', `补正 #${no} 活动方案`);
    expect(twice).toContain('如当事人已补交材料，请先发送“补齐');
  });
});
