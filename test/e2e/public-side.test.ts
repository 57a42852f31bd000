/**
 * Issue 13 item 14 (服务承诺制 §6, AB岗 §6): the public complaint page with its tracking page, and a
 * department's 留言卡; the forms refuse oversize bodies, limit the rate per address and escape what they echo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { OFFICE_WEEK_ORG, caseJson, inboxOf, stateOf } from '../support/lifecycle-helpers.ts';
import { at, tickAt } from '../support/reminder-walk.ts';

const MARKUP = '<script>alert("x")</script>';

describe.each(BACKENDS)('the public side (%s)', (backend) => {
  let t: TestBot;
  let address = 0;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: OFFICE_WEEK_ORG, now: at('2026-12-01T09:30:00') });
  });
  afterAll(async () => t?.close());

  /** Each test posts from its own address, so that the rate limit is tested only where it is meant to be. */
  const newAddress = () => `203.0.113.${++address}`;
  const post = async (path: string, fields: Record<string, string>, from = newAddress()) => {
    const res = await fetch(`${t.bot.url}${path}`, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from },
    });
    await t.bot.settle();
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  };
  const get = async (path: string) => {
    const res = await fetch(`${t.bot.url}${path}`);
    return { status: res.status, html: await res.text(), type: res.headers.get('content-type') ?? '' };
  };
  const complaintCount = () => t.database.prisma.complaint.count();

  it('serves the complaint form, phone first', async () => {
    const { status, html, type } = await get('/complaints/new');
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    expect(html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
    expect(html).toContain('font-size:16px');
    expect(html).toMatch(/<option value="kpb">科普部<\/option>/u);
    for (const field of ['department', 'person', 'content', 'name', 'phone']) expect(html).toContain(`name="${field}"`);
  });

  it('takes a complaint like a staff-filed one, and its tracking page shows the number, the progress and then the answer, escaped', async () => {
    const before = inboxOf(t, 'liuyang').length;
    const filed = await post('/complaints', { department: 'kpb', person: '李华', content: `电话一周无人接听 ${MARKUP}`, name: `张三${MARKUP}`, phone: '13800000000' });
    expect(filed.status).toBe(201);
    const id = Number(/编号 <strong>(\d+)<\/strong>/u.exec(filed.html)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(filed.location).toMatch(new RegExp(`^http://bot\\.test/complaints/${id}-[0-9a-f]{16}$`, 'u'));
    expect(filed.html).toContain('办公室将于 12月8日（周二）24:00前答复');
    const office = inboxOf(t, 'liuyang').slice(before);
    // Markup typed by the public reaches the office as text, never as a tag (WeCom renders <a href> in texts).
    expect(office).toEqual([expect.stringContaining(`【效能投诉 编号 ${id}】群众张三＜script>alert("x")＜/script>（网上投诉，电话 13800000000）`)]);
    expect(office[0]).not.toContain('<script>');
    expect(office[0]).toContain('反映对象：科普部 李华');
    const row = await t.database.prisma.complaint.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ channel: 'public', complainant: '#public', status: 'OPEN', dueAt: at('2026-12-08T23:59:59.999') });

    const path = new URL(filed.location!).pathname;
    let track = await get(path);
    expect(track.status).toBe(200);
    expect(track.html).toContain(`<dd>${id}</dd>`);
    expect(track.html).toContain('办公室正在核查，将于 12月8日（周二）24:00前答复');
    expect(track.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(track.html).not.toContain(MARKUP);

    const [answered] = await t.say('liuyang', `答复投诉 ${id} 属实 已约谈李华，<b>限期改正</b>`);
    expect(answered).toContain('答复已显示在投诉人的查询页面');
    expect(t.wecom.messagesTo('#public')).toEqual([]);
    track = await get(path);
    expect(track.html).toContain('已答复');
    expect(track.html).toContain('属实');
    expect(track.html).toContain('已约谈李华，&lt;b&gt;限期改正&lt;/b&gt;');
    const records = (await t.api('/api/accountability?kind=complaint_upheld')).body.records;
    expect(records.find((r: any) => r.complaintId === id)).toMatchObject({ subject: 'lihua', department: 'kpb' });

    expect((await get(path.replace(/[0-9a-f]{16}$/u, '0000000000000000'))).status).toBe(404);
    expect((await get('/complaints/999999-0000000000000000')).status).toBe(404);
  });

  it('refuses an incomplete or malformed complaint with every problem, echoing what was typed escaped, storing nothing', async () => {
    const count = await complaintCount();
    const state = await stateOf(t);
    const refused = await post('/complaints', { department: 'nope', content: '', name: MARKUP, phone: 'abc' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('提交未成功，请修改以下 3 处');
    expect(refused.html).toContain('请从列表中选择部室');
    expect(refused.html).toContain('请填写反映的问题');
    expect(refused.html).toContain('联系电话格式不对');
    expect(refused.html).toContain('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
    expect(refused.html).not.toContain(MARKUP);
    expect(await complaintCount()).toBe(count);
    expect(await stateOf(t)).toEqual(state);
  });

  it('refuses an oversize body (413) and limits the rate per address (429), storing nothing', async () => {
    const count = await complaintCount();
    const big = await post('/complaints', { content: '很'.repeat(20_000), name: '李四' });
    expect(big.status).toBe(413);
    expect(big.html).toContain('提交的内容过长');
    const from = newAddress();
    for (let i = 0; i < 5; i++) expect((await post('/complaints', { content: `第 ${i} 次`, name: '王五' }, from)).status).toBe(201);
    const sixth = await post('/complaints', { content: '第 6 次', name: '王五' }, from);
    expect(sixth.status).toBe(429);
    expect(sixth.html).toContain('提交过于频繁');
    expect(await complaintCount()).toBe(count + 5);
    // Another address is not held back; after the window this one may post again.
    expect((await post('/complaints', { content: '另一位群众', name: '赵六' })).status).toBe(201);
    t.clock.set(new Date(t.clock.now().getTime() + 11 * 60_000));
    expect((await post('/complaints', { content: '十分钟后', name: '王五' }, from)).status).toBe(201);
  });

  it('shows a department’s 留言卡, and a message left while everyone is out becomes a case the first one back is told of', async () => {
    const card = await get('/departments/kpb/message');
    expect(card.status).toBe(200);
    expect(card.html).toContain('科普部留言卡');
    expect(card.html).toContain('0543-3211234');
    expect((await get('/departments/nope/message')).status).toBe(404);

    t.clock.set(at('2026-12-02T09:30:00'));
    for (const u of ['chenjing', 'lihua', 'zhaomin', 'wangfang']) await t.say(u, '请假 今天 12月3日 外出');
    const left = await post('/departments/kpb/message', { name: `孙七${MARKUP}`, phone: '0543-1234567', content: `想咨询科普基地申报 ${MARKUP}` });
    expect(left.status).toBe(201);
    expect(left.html).toContain('留言已收到');
    expect(left.html).toContain('孙七&lt;script&gt;');
    expect(left.html).not.toContain(MARKUP);
    const message = await t.database.prisma.visitorMessage.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const body = await caseJson(t, message.caseNo);
    expect(body).toMatchObject({ status: 'OPEN', class: 'consultation', department: 'kpb', firstResponder: '#public', applicant: `孙七${MARKUP}`, phone: '0543-1234567' });

    const marks = new Map(['chenjing', 'lihua', 'zhaomin', 'wangfang'].map((u) => [u, inboxOf(t, u).length]));
    await tickAt(t, at('2026-12-02T10:00:00'));
    // Nobody out of office is told of the message (other notices, e.g. an earlier record's, may arrive).
    const aboutIt = (m: string) => m.includes('留言卡') || m.includes(`#${message.caseNo}`);
    for (const u of marks.keys()) expect(inboxOf(t, u).slice(marks.get(u)).filter(aboutIt)).toEqual([]);
    t.clock.set(at('2026-12-02T11:00:00'));
    await t.say('zhaomin', '销假');
    await tickAt(t, at('2026-12-02T11:01:00'));
    const told = inboxOf(t, 'zhaomin').slice((marks.get('zhaomin') ?? 0) + 1);
    expect(told).toEqual([expect.stringContaining(`【留言卡】#${message.caseNo} 来访人孙七`)]);
    expect(told[0]).toContain('您是返岗后第一位在岗人员，此事项已转由您办理');
    const after = await caseJson(t, message.caseNo);
    expect(after.handler).toBe('zhaomin');
    expect(after.history.at(-1)).toMatchObject({ action: 'assigned_on_return', actor: '#system', detail: { to: 'zhaomin' } });
    await tickAt(t, at('2026-12-02T11:30:00'));
    expect(inboxOf(t, 'zhaomin').slice((marks.get('zhaomin') ?? 0) + 1)).toHaveLength(1);
    expect((await t.say('zhaomin', `办结 #${message.caseNo} 已电话回复`))[0]).toContain('已办结');
  });

  it('refuses a malformed or oversize 留言, storing nothing', async () => {
    const state = await stateOf(t);
    const refused = await post('/departments/kpb/message', { name: '', phone: '12', content: MARKUP });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('请填写您的姓名');
    expect(refused.html).toContain('联系电话格式不对');
    expect(refused.html).toContain('&lt;script&gt;');
    expect(refused.html).not.toContain(MARKUP);
    expect((await post('/departments/kpb/message', { name: '周八', phone: '13800000000', content: '很'.repeat(20_000) })).status).toBe(413);
    expect(await stateOf(t)).toEqual(state);
  });
});
