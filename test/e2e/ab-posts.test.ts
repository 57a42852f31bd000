import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { applyOrg } from '../../src/db/apply-org.ts';
import { departmentAllAway } from '../../src/db/coverage-repository.ts';
import { readOrgFile } from '../../src/org/read-org-file.ts';
import { reportOrgChanges } from '../../src/use-cases/report-org-changes.ts';

// basic-org: 科普部 (kpb) has head 陈静 (chenjing); post 科普项目申报 has A 李华 (lihua), B 赵敏 (zhaomin).
const TUESDAY = new Date('2026-12-01T09:30:00+08:00');
const B_CHANGED = new URL('../fixtures/org/basic-org-b-changed.yaml', import.meta.url).pathname;

describe.each(BACKENDS)('AB posts (R7) (%s)', (backend) => {
  let t: TestBot;
  let caseNo: number;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: TUESDAY });
    const [reply] = await t.say('lihua', '登记 来电 审核 张三 科普项目申报材料');
    caseNo = Number(/#(\d+)/.exec(reply!)?.[1]);
  });
  afterAll(async () => t?.close());

  const one = async (from: string, text: string) => {
    const replies = await t.say(from, text);
    expect(replies).toHaveLength(1);
    return replies[0]!;
  };
  const absences = () => t.database.prisma.absence.findMany({ orderBy: { id: 'asc' } });

  it('takes 请假: the B holder covers and gets the handover note with the open cases', async () => {
    const told = t.wecom.messagesTo('zhaomin').length;
    const answer = await one('lihua', '请假 12月1日 12月3日 年休假');
    expect(answer).toContain('已登记请假：12月1日（周二）00:00 至 12月3日（周四）24:00（年休假）');
    expect(answer).toContain('由赵敏（B岗顶岗）代为履职');
    expect(answer).toContain('1 件在办事项');

    const note = t.wecom.messagesTo('zhaomin').slice(told);
    expect(note).toHaveLength(1);
    expect(note[0]!.content).toContain('李华请假：12月1日（周二）00:00 至 12月3日（周四）24:00（年休假）');
    expect(note[0]!.content).toContain('B岗（科普项目申报）');
    expect(note[0]!.content).toMatch(new RegExp(`#${caseNo} 张三：科普项目申报材料｜办理中｜期限 12月2日（周三）24:00`));
    expect(await absences()).toMatchObject([{ userid: 'lihua', reason: '年休假', endedAt: null }]);
  });

  it("shows the covered case in the B holder's 待办, marked, and lets B see it", async () => {
    const todo = await one('zhaomin', '待办');
    expect(todo).toContain(`#${caseNo} 张三`);
    expect(todo).toContain('（B岗顶岗，代李华办理）');
    const detail = await one('zhaomin', `查 #${caseNo}`);
    expect(detail).toContain('承办人：李华');
    expect(await one('chenjing', '待办')).toBe('您目前没有待办案件。');
  });

  it('refuses overlapping leave, leave in the past and an end before the start, storing nothing', async () => {
    const overlap = await one('lihua', '请假 12月3日 12月5日');
    expect(overlap).toContain('与已登记的请假（12月1日（周二）00:00 至 12月3日（周四）24:00（年休假））时间重叠');
    expect(overlap).toContain('本次未作任何登记');
    expect(await one('lihua', '请假 2026-11-02 2026-11-03 事假')).toContain('请假时间已经过去');
    expect(await one('zhaomin', '请假 12月5日 12月3日')).toContain('结束时间早于开始时间');
    expect(await one('zhaomin', '请假 下周')).toContain('开始日期“下周”无法识别');
    expect(await absences()).toHaveLength(1);
  });

  it('has the department head cover when A and B are both away', async () => {
    expect(await one('zhaomin', '请假 今天 明天 培训')).toContain('期间由陈静（部室负责人顶岗）代为履职');
    expect(await one('chenjing', '待办')).toContain(`#${caseNo} 张三：科普项目申报材料｜办理中｜期限 12月2日（周三）24:00（部室负责人顶岗，代李华办理）`);
    expect(await one('zhaomin', '待办')).not.toContain('代李华办理');
  });

  it('shows cases on the department return when the whole department is away, and departmentAllAway says so', async () => {
    const before = await t.api('/api/departments/kpb/queue');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ department: { key: 'kpb', name: '科普部' }, allAway: false, cases: [] });
    expect(await departmentAllAway(t.database.prisma, 'kpb', t.clock.now())).toBe(false);

    expect(await one('chenjing', '请假 今天 12月2日 开会')).toContain('期间本部室无人在岗顶岗');
    expect(await departmentAllAway(t.database.prisma, 'kpb', t.clock.now())).toBe(true);
    expect(await departmentAllAway(t.database.prisma, 'bgs', t.clock.now())).toBe(false);
    const queue = await t.api('/api/departments/kpb/queue');
    expect(queue.body).toMatchObject({ allAway: true, cases: [{ no: caseNo, handler: 'lihua', status: 'OPEN', dueAt: '2026-12-02T15:59:59.999Z' }] });
    expect((await t.api('/api/departments/nope/queue')).status).toBe(404);
  });

  it('ends the leave with 销假 and tells the B holder the person is back', async () => {
    expect(await one('chenjing', '销假')).toContain('已销假');
    expect(await one('zhaomin', '销假')).toContain('已销假');
    const told = t.wecom.messagesTo('zhaomin').length;
    const answer = await one('lihua', '销假');
    expect(answer).toContain('已销假，欢迎返岗');
    expect(answer).toContain('已告知赵敏');
    const back = t.wecom.messagesTo('zhaomin').slice(told);
    expect(back.map((m) => m.content)).toEqual([expect.stringContaining('李华已销假返岗')]);
    expect(await one('zhaomin', '待办')).not.toContain('代李华办理');
    expect((await absences()).every((a) => a.endedAt !== null)).toBe(true);
    expect(await one('lihua', '销假')).toContain('没有进行中或待开始的请假');
  });

  it('covers a future leave only from its start, and 销假 cancels it before then', async () => {
    const told = t.wecom.messagesTo('zhaomin').length;
    expect(await one('lihua', '请假 12月8日 12月9日 出差')).toContain('由赵敏（B岗顶岗）代为履职');
    expect(t.wecom.messagesTo('zhaomin').slice(told).map((m) => m.content)).toEqual([expect.stringContaining('李华请假：12月8日（周二）00:00 至 12月9日（周三）24:00（出差）')]);
    expect(await one('zhaomin', '待办')).not.toContain('代李华办理');
    t.clock.set(new Date('2026-12-08T10:00:00+08:00'));
    expect(await one('zhaomin', '待办')).toContain('（B岗顶岗，代李华办理）');
    expect(await one('lihua', '销假')).toContain('已结束：12月8日（周二）00:00 至 12月9日（周三）24:00（出差）');
    expect(await one('zhaomin', '待办')).not.toContain('代李华办理');
  });

  it('does not take leave from someone who is not staff', async () => {
    const count = (await absences()).length;
    expect(await one('stranger', '请假 明天 后天')).toContain('不在本单位的工作人员名单中');
    expect(await absences()).toHaveLength(count);
  });

  it('reports AB changes of the organization file to the office once', async () => {
    const office = () => t.wecom.messagesTo('liuyang').filter((m) => m.content?.includes('AB岗调整备案'));
    // The first application (at start-up) created the post: that is filed too.
    expect(await reportOrgChanges(t.database.prisma, t.clock.now())).toMatchObject({ kind: 'reported', to: 'liuyang', count: 1 });
    await t.bot.settle();
    expect(office()).toHaveLength(1);
    expect(office()[0]!.content).toContain('科普部·科普项目申报：新设岗位，A岗 李华，B岗 赵敏');

    const changed = await readOrgFile(B_CHANGED);
    if (!changed.ok) throw new Error(changed.errors.join('\n'));
    for (let i = 0; i < 2; i++) {
      await applyOrg(t.database.prisma, changed.org, t.clock.now());
      await reportOrgChanges(t.database.prisma, t.clock.now());
      await t.bot.settle();
    }
    expect(office()).toHaveLength(2);
    expect(office()[1]!.content).toContain('科普部·科普项目申报：B岗 赵敏 → 陈静');
    expect(await reportOrgChanges(t.database.prisma, t.clock.now())).toEqual({ kind: 'nothing' });
    expect(await t.database.prisma.orgChange.count({ where: { reported: false } })).toBe(0);
  });
});
