import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

// Friday 2026-12-04: five working days later is Friday 2026-12-11 (the weekend does not count).
const FRIDAY = new Date('2026-12-04T10:00:00+08:00');

describe.each(BACKENDS)('complaints and accountability (R2 §6, R8) (%s)', (backend) => {
  let t: TestBot;
  let caseNo: number;
  let complaintId: number;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: FRIDAY });
    const [reply] = await t.say('lihua', '登记 来电 审核 张三 科普项目申报材料');
    caseNo = Number(/#(\d+)/.exec(reply!)?.[1]);
  });
  afterAll(async () => t?.close());

  const one = async (from: string, text: string) => {
    const replies = await t.say(from, text);
    expect(replies).toHaveLength(1);
    return replies[0]!;
  };
  const office = () => t.wecom.messagesTo('liuyang');

  it('takes 投诉 for the office with an answer deadline in working days, linked to the case it names', async () => {
    const told = office().length;
    const answer = await one('zhaomin', `投诉 ＃${caseNo} 办理拖拉，电话无人接听`);
    complaintId = Number(/编号 (\d+)/.exec(answer)?.[1]);
    expect(complaintId).toBeGreaterThan(0);
    expect(answer).toContain(`关联事项：#${caseNo}`);
    expect(answer).toContain('办公室将于 12月11日（周五）24:00前答复您');

    const note = office().slice(told);
    expect(note).toHaveLength(1);
    expect(note[0]!.content).toContain(`【效能投诉 编号 ${complaintId}】赵敏 12月4日 10:00 提出（关联事项 #${caseNo}）`);
    expect(note[0]!.content).toContain('办理拖拉，电话无人接听');
    expect(note[0]!.content).toContain('答复投诉 编号 属实|不属实 答复内容');

    const { status, body } = await t.api('/api/complaints');
    expect(status).toBe(200);
    expect(body.complaints).toEqual([
      expect.objectContaining({ id: complaintId, complainant: 'zhaomin', caseNo, status: 'OPEN', overdue: false, at: expect.stringMatching(/^2026-12-04T02:0/), dueAt: '2026-12-11T15:59:59.999Z' }),
    ]);
    expect((await t.api('/api/complaints?status=open')).body.complaints).toHaveLength(1);
    expect((await t.api('/api/complaints?status=answered')).body.complaints).toHaveLength(0);
  });

  it('refuses wrong answers with clear reasons and changes nothing', async () => {
    expect(await one('lihua', `答复投诉 ${complaintId} 属实 我自己答复`)).toContain('效能投诉由办公室答复');
    expect(await one('liuyang', `答复投诉 ${complaintId}`)).toMatch(/2 处需要修改：\n1\. 请写上核查结论“属实”或“不属实”。\n2\. 请写上答复内容。/);
    expect(await one('liuyang', '答复投诉 属实')).toMatch(/1\. 请写上投诉编号.*\n2\. 请写上答复内容/);
    expect(await one('liuyang', '答复投诉 99999 属实 已核实')).toContain('未找到编号为 99999 的效能投诉');
    expect(await one('stranger', `答复投诉 ${complaintId} 属实 好`)).toContain('不在本单位的工作人员名单中');
    expect((await t.api(`/api/complaints?status=open`)).body.complaints.map((c: { id: number }) => c.id)).toEqual([complaintId]);
    expect((await t.api('/api/accountability')).body.records).toEqual([]);
  });

  it('records an upheld complaint against the handler of the linked case, once', async () => {
    const heard = t.wecom.messagesTo('zhaomin').length;
    const answer = await one('liuyang', `答复投诉 ${complaintId} 属实，已约谈承办人并督促办结`);
    expect(answer).toContain(`已答复投诉 ${complaintId}（属实）`);
    expect(answer).toContain('责任人：李华');
    expect(t.wecom.messagesTo('zhaomin').slice(heard).map((m) => m.content)).toEqual([
      expect.stringMatching(/编号 \d+）已有答复：经核查属实。\n答复：已约谈承办人并督促办结$/),
    ]);
    expect(await one('liuyang', `答复投诉 ${complaintId} 不属实 改主意`)).toContain('不能重复答复');

    const { body } = await t.api('/api/accountability?kind=complaint_upheld');
    expect(body.records).toEqual([
      expect.objectContaining({ kind: 'complaint_upheld', subject: 'lihua', department: 'kpb', caseNo, complaintId, at: expect.stringMatching(/^2026-12-04T02:0/) }),
    ]);
    expect((await t.api('/api/complaints?status=answered')).body.complaints).toEqual([
      expect.objectContaining({ id: complaintId, status: 'ANSWERED', upheld: true, answeredBy: 'liuyang', answer: '已约谈承办人并督促办结' }),
    ]);
  });

  it('names the person a complaint names, or leaves the subject to the office; 不属实 records nothing', async () => {
    const named = Number(/编号 (\d+)/.exec(await one('lihua', '投诉 赵敏 接待态度生硬'))?.[1]);
    const vague = Number(/编号 (\d+)/.exec(await one('lihua', '投诉 窗口下午无人值守'))?.[1]);
    const rejected = Number(/编号 (\d+)/.exec(await one('lihua', '投诉 办事太慢'))?.[1]);
    expect(await one('wangqiang', `答复投诉 ${named} 属实 已批评教育`)).toContain('责任人：赵敏');
    expect(await one('liuyang', `答复投诉 ${vague} 属实 已通报`)).toContain('责任人待办公室认定');
    expect(await one('liuyang', `答复投诉 ${rejected} 不属实 经核查按时办结`)).not.toContain('责任追究');

    const { body } = await t.api('/api/accountability');
    expect(body.records.map((r: { complaintId: number; subject: string }) => [r.complaintId, r.subject])).toEqual([
      [complaintId, 'lihua'],
      [named, 'zhaomin'],
      [vague, 'unknown'],
    ]);
  });

  it('takes a complaint naming a case that does not exist, unlinked, and says so', async () => {
    const answer = await one('chenjing', '投诉 #99999 没人管');
    expect(answer).toContain('未找到事项 #99999，已按未关联具体事项受理');
    const id = Number(/编号 (\d+)/.exec(answer)?.[1]);
    expect((await t.api('/api/complaints')).body.complaints.find((c: { id: number }) => c.id === id)).toMatchObject({ caseNo: null });
  });

  it('takes nothing from a non-staff sender or an empty 投诉', async () => {
    const before = await t.database.prisma.complaint.count();
    expect(await one('stranger', '投诉 太慢了')).toContain('不在本单位的工作人员名单中');
    expect(await one('lihua', '投诉')).toContain('请写上投诉内容');
    expect(await t.database.prisma.complaint.count()).toBe(before);
  });

  it('filters accountability by time and complaints by overdue, and checks the parameters', async () => {
    expect((await t.api('/api/accountability?from=2026-12-04&to=2026-12-04')).body.records).toHaveLength(3);
    expect((await t.api('/api/accountability?from=2026-12-05')).body.records).toHaveLength(0);
    expect((await t.api('/api/accountability?to=2026-12-04T01:59:59Z')).body.records).toHaveLength(0);
    const bad = await t.api('/api/accountability?kind=nope&from=yesterday&to=2026-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toHaveLength(3);
    expect((await t.api('/api/complaints?status=lost')).status).toBe(400);

    expect((await t.api('/api/complaints?status=overdue')).body.complaints).toHaveLength(0);
    t.clock.set(new Date('2026-12-12T00:00:01+08:00'));
    const overdue = (await t.api('/api/complaints?status=overdue')).body.complaints;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((c: { status: string; overdue: boolean }) => c.status === 'OPEN' && c.overdue)).toBe(true);
  });

  it('needs the admin token', async () => {
    for (const path of ['/api/complaints', '/api/accountability', '/api/departments/kpb/queue']) {
      expect((await fetch(`${t.bot.url}${path}`)).status).toBe(401);
    }
  });
});
