import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

// Tuesday 2026-12-01 09:30 China time: a consultation logged now is due end of Friday 12-04 (3 working days).
const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('a WeCom message becomes a case (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: TUESDAY_MORNING });
  });
  afterAll(async () => t?.close());

  it('logs a request through the real webhook and shows it in the API', async () => {
    const replies = await t.say('lihua', '登记 来电 咨询 张三 13800000000 科普项目申报条件');
    expect(replies).toHaveLength(1);
    const no = Number(/#(\d+)/.exec(replies[0]!)?.[1]);
    expect(no).toBeGreaterThan(0);
    expect(replies[0]).toContain('12月4日（周五）24:00');

    const { status, body } = await t.api(`/api/cases/${no}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      no,
      status: 'OPEN',
      class: 'consultation',
      handler: 'lihua',
      firstResponder: 'lihua',
      applicant: '张三',
      phone: '13800000000',
      dueAt: '2026-12-04T15:59:59.999Z',
      overdue: false,
    });
    expect(body.history).toEqual([expect.objectContaining({ actor: 'lihua', action: 'registered' })]);
  });

  it('makes one case of a message WeCom delivers twice', async () => {
    const before = await t.database.prisma.case.count();
    const req = t.client.textCallback({ from: 'lihua', content: '登记 来人 审核 李四 申报材料' });
    const [a, b] = await Promise.all([t.post(req), t.post(req)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await t.post(req);
    await t.bot.settle();
    expect(await t.database.prisma.case.count()).toBe(before + 1);
    expect(t.wecom.messagesTo('lihua').filter((m) => m.content?.includes('李四'))).toHaveLength(1);
  });

  it("works each sender's messages in the order they came, several senders at once", async () => {
    const senders = ['lihua', 'zhaomin', 'chenjing', 'liuyang'];
    const requests = senders.flatMap((from) => [1, 2, 3, 4, 5].map((i) => ({ from, req: t.client.textCallback({ from, content: `登记 来人 审核 顺序${from} 第${i}件` }) })));
    // Posted one after another (as WeCom delivers), worked without waiting in between.
    for (const { req } of requests) expect((await t.post(req)).status).toBe(200);
    await t.bot.settle();
    for (const from of senders) {
      const cases = await t.database.prisma.case.findMany({ where: { applicant: `顺序${from}` }, orderBy: { no: 'asc' } });
      expect(cases.map((c) => c.matter)).toEqual(['第1件', '第2件', '第3件', '第4件', '第5件']);
    }
  });

  it('rejects a wrong signature with 4xx and stores nothing', async () => {
    const req = t.client.textCallback({ from: 'lihua', content: '登记 来人 审核 王五 材料' });
    const forged = req.query.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${'0'.repeat(40)}`);
    const inboxBefore = await t.database.prisma.inboxMessage.count();
    const res = await t.post({ query: forged, body: req.body });
    expect(res.status).toBe(401);
    expect(await t.database.prisma.inboxMessage.count()).toBe(inboxBefore);
  });

  it('rejects a garbled body with 400 and stores nothing', async () => {
    const req = t.client.textCallback({ from: 'lihua', content: '帮助' });
    const inboxBefore = await t.database.prisma.inboxMessage.count();
    for (const body of ['', 'not xml', '<xml><Encrypt></Encrypt></xml>', req.body.replace(/<Encrypt><!\[CDATA\[.{8}/, '<Encrypt><![CDATA[AAAAAAAA')]) {
      const res = await t.post({ query: req.query, body });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await t.database.prisma.inboxMessage.count()).toBe(inboxBefore);
  });

  it('finishes a case with 办结 and keeps the history', async () => {
    const [reply] = await t.say('lihua', '登记 网上 批复 赵六 项目批复');
    const no = Number(/#(\d+)/.exec(reply!)?.[1]);
    const [done] = await t.say('lihua', `办结 #${no} 已答复`);
    expect(done).toContain(`#${no} 已办结`);
    const { body } = await t.api(`/api/cases/${no}`);
    expect(body.status).toBe('DONE');
    expect(body.result).toBe('已答复');
    expect(body.history.map((e: { action: string }) => e.action)).toEqual(['registered', 'finished']);
  });

  it('lets only the handler finish a case, and says why', async () => {
    const [reply] = await t.say('lihua', '登记 来人 审核 钱七 申报书');
    const no = Number(/#(\d+)/.exec(reply!)?.[1]);
    const [answer] = await t.say('chenjing', `办结 #${no} 我来办`);
    expect(answer).toContain('只能由承办人李华');
    expect((await t.api(`/api/cases/${no}`)).body.status).toBe('OPEN');
  });

  it('answers someone who is not staff politely and stores no case', async () => {
    const before = await t.database.prisma.case.count();
    const [answer] = await t.say('stranger', '登记 来电 咨询 张三 问题');
    expect(answer).toContain('不在本单位的工作人员名单中');
    expect(await t.database.prisma.case.count()).toBe(before);
  });

  it('lists every mistake of a garbled command at once and changes nothing', async () => {
    const before = await t.database.prisma.case.count();
    const [answer] = await t.say('lihua', '登记 内部');
    expect(answer).toMatch(/1\./);
    expect(answer).toMatch(/2\./);
    expect(await t.database.prisma.case.count()).toBe(before);
  });

  it('shows 待办 soonest first and 查 with history', async () => {
    // 王强 has no cases of his own in this file: his 待办 holds exactly the cases made here.
    expect(await t.say('wangqiang', '待办')).toEqual(['您目前没有待办案件。']);
    // Registered latest deadline first, so the order of 待办 is not the order of registration.
    const register = async (text: string) => Number(/#(\d+)/.exec((await t.say('wangqiang', text))[0]!)?.[1]);
    const rights = await register('登记 来人 维权 待办甲 权益受损'); // 15 working days: end of Tue 12-22
    const internal = await register('登记 内部 待办乙 整理年度材料 期限 12月9日 17:30'); // Wed 12-09 17:30
    const approval = await register('登记 网上 批复 待办丙 项目批复'); // 3 working days: end of Fri 12-04
    const review = await register('登记 来人 审核 待办丁 申报材料'); // 1 working day: end of Wed 12-02
    expect(new Set([rights, internal, approval, review]).size).toBe(4);

    const [todo] = await t.say('wangqiang', '待办');
    expect(todo).toContain('待办');
    expect(todo).toContain('您有 4 件待办');
    const nos = [...todo!.matchAll(/#(\d+)/g)].map((m) => Number(m[1]));
    expect(nos.length).toBeGreaterThan(0);
    expect(nos).toEqual([review, approval, internal, rights]);
    const [detail] = await t.say('wangqiang', `查 #${nos[0]}`);
    expect(detail).toContain('办理记录');
    expect(detail).toContain('待办丁');
  });

  it('needs the admin token for /api', async () => {
    const res = await fetch(`${t.bot.url}/api/cases/1`);
    expect(res.status).toBe(401);
    const health = await fetch(`${t.bot.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, wecom: { ok: true } });
  });

  it('never logs message contents or tokens', () => {
    const all = t.logLines.join('\n');
    expect(all).toContain('callback stored');
    expect(all).toContain('outbound sent');
    expect(all).not.toContain('科普项目申报条件');
    expect(all).not.toMatch(/access_token=(?!\*)/);
    expect(all).not.toContain(TEST_SECRET);
  });
});

const TEST_SECRET = 'test-secret';
