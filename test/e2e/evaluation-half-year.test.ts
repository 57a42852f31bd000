import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { ADMIN_TOKEN, startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { LIFECYCLE_ORG, register } from '../support/lifecycle-helpers.ts';
import { importTable } from '../support/key-task-api.ts';
import { excelDate, keyTaskXlsx } from '../support/key-task-xlsx.ts';
import { at, tickAt } from '../support/reminder-walk.ts';

/**
 * 效能考评制 over a simulated first half of 2026 (the clock is moved, never waited for): 学会学术部 works
 * cleanly; 科普部 has overdue cases, a deemed approval, an upheld complaint decided 通报批评, a record
 * explained (申辩) and then not pursued (不予追究), covered work while 李华 is on leave, and a key task
 * imported from the office's XLSX that goes red. The evaluation ranks, traces and vetoes accordingly,
 * and the workbook says the same as the JSON.
 */
describe.each(BACKENDS)('the mid-year evaluation (%s)', (backend) => {
  let t: TestBot;
  const say1 = async (from: string, text: string, when?: string) => {
    if (when) t.clock.set(at(when));
    return (await t.say(from, text))[0] ?? '';
  };
  const registerAt = async (when: string, from: string, text: string) => {
    t.clock.set(at(when));
    return register(t, from, text);
  };
  const recordOf = async (where: { caseNo?: number; kind?: string; complaintId?: number }) => (await t.database.prisma.accountabilityRecord.findFirst({ where }))!;
  const no: Record<string, number> = {};
  const ids: Record<string, number> = {};
  let view: any;

  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: LIFECYCLE_ORG, now: at('2026-01-05T09:00:00') });
    // The year's key tasks: 李华's goes red at its milestone; 卢伟's is done weeks early.
    const table = await keyTaskXlsx([
      { 序号: 1, 重点工作任务: '创建全国科普示范县', 牵头领导: '王强', 责任部室: '科普部', 责任人: '李华', 配合部室: '办公室', 完成时限: excelDate('2026-06-30'), 阶段目标: '3月31日 完成创建方案' },
      { 序号: 2, 重点工作任务: '学会年检', 牵头领导: '孙丽', 责任部室: '学会学术部', 责任人: '卢伟', 配合部室: '', 完成时限: excelDate('2026-05-29'), 阶段目标: '' },
    ]);
    expect((await importTable(t, table, '2026年重点工作任务分解表.xlsx')).status).toBe(200);

    // January. 学会学术部: registered and finished the same day; one answered on the spot.
    no.clean = await registerAt('2026-01-05T10:00:00', 'luwei', '登记 来人 审核 张三 学会年检材料');
    await say1('luwei', `办结 #${no.clean} 材料齐全，已受理`, '2026-01-05T15:00:00');
    await say1('fengjie', '登记 来电 咨询 李四 会员发展流程 即答 已告知入会条件');

    // 科普部: a review that goes overdue, explained, then not pursued.
    no.explained = await registerAt('2026-01-05T15:30:00', 'lihua', '登记 来人 审核 王五 申报材料审核');
    await tickAt(t, at('2026-01-07T09:00:00'));
    ids.explained = (await recordOf({ caseNo: no.explained })).id;
    expect(await say1('lihua', `申辩 ${ids.explained} 当事人材料原件次日才送到`, '2026-01-08T10:00:00')).toContain('已收到您对');
    expect(await say1('liuyang', `处理 ${ids.explained} 不予追究 情况属实`, '2026-01-09T10:00:00')).toContain('不予追究');

    // Another overdue review, decided 批评教育 once the window passed; a 请示 nobody answered.
    no.late = await registerAt('2026-01-12T10:00:00', 'lihua', '登记 来人 审核 赵六 材料审核');
    no.instruction = await register(t, 'chenjing', '登记 来人 请示 科普联盟 联合开展活动的请示');
    await tickAt(t, at('2026-01-14T09:00:00'));
    await tickAt(t, at('2026-01-16T09:00:00'));
    ids.late = (await recordOf({ caseNo: no.late })).id;
    ids.deemed = (await recordOf({ caseNo: no.instruction, kind: 'deemed_approval' })).id;
    expect(await say1('liuyang', `处理 ${ids.late} 批评教育`, '2026-01-20T10:00:00')).toContain('批评教育');
    await say1('lihua', `办结 #${no.late} 已受理`);

    // February: a complaint about the late case, found true and decided 通报批评.
    const complaint = Number(/编号 (\d+)/u.exec(await say1('luwei', `投诉 #${no.late} 材料审核拖延`, '2026-02-02T10:00:00'))?.[1]);
    await say1('liuyang', `答复投诉 ${complaint} 属实 已约谈承办人`);
    ids.complaint = (await recordOf({ complaintId: complaint })).id;
    await tickAt(t, at('2026-02-02T10:30:00'));
    expect(await say1('liuyang', `处理 ${ids.complaint} 通报批评 审核拖延造成投诉`, '2026-02-09T10:00:00')).toContain('通报批评');

    // March: 李华 is on leave; 赵敏 (B) finishes one of her cases and lets the other pass its deadline.
    no.covered = await registerAt('2026-02-26T10:00:00', 'lihua', '登记 来人 批复 孙七 经费批复');
    no.missedByB = await registerAt('2026-02-27T10:00:00', 'lihua', '登记 来人 审核 周八 材料审核');
    await say1('lihua', '请假 3月2日 3月6日 年休假');
    await say1('zhaomin', `办结 #${no.covered} 已批复`, '2026-03-02T10:00:00');
    await tickAt(t, at('2026-03-03T09:00:00'));

    // April: the key task's milestone has passed undone. May: 卢伟 finishes his task early.
    await tickAt(t, at('2026-04-01T09:00:00'));
    await say1('luwei', '进展 2 完成 年检材料已报送', '2026-05-11T10:00:00');

    t.clock.set(at('2026-07-01T10:00:00'));
    const { status, body } = await t.api('/api/evaluations/2026-H1');
    expect(status).toBe(200);
    view = body;
  }, 300_000);
  afterAll(async () => t?.close());

  it('ranks the clean department first and the one with violations last, with grades', () => {
    expect(view.departments.map((d: any) => [d.key, d.rank, d.score, d.grade])).toEqual([
      ['xhb', 1, 102, 'excellent'],
      ['bgs', 2, 100, 'excellent'],
      ['jgld', 2, 100, 'excellent'],
      ['kpb', 4, 79, 'pass'],
    ]);
    const xhb = view.departments.find((d: any) => d.key === 'xhb');
    expect(xhb).toMatchObject({ veto: false, deductions: [], bonuses: [{ kind: 'key_task_early', points: 2 }] });
    expect(xhb.indicators).toMatchObject({ casesHandled: 2, onTime: 2, onTimeRate: 1, answeredAtOnce: 1, overdue: 0, keyTasks: 1, keyTasksOnTime: 1 });
  });

  it('traces every deduction to its record: 不予追究 counts nothing, a decision adds to the kind', async () => {
    const kpb = view.departments.find((d: any) => d.key === 'kpb');
    const missedByB = (await recordOf({ caseNo: no.missedByB, kind: 'overdue' })).id;
    const keyTaskLate = (await recordOf({ kind: 'key_task_late' })).id;
    expect(kpb.deductions).toEqual([
      { recordId: ids.late, kind: 'overdue', decision: 'criticism', caseNo: no.late, points: 3 },
      { recordId: ids.deemed, kind: 'deemed_approval', decision: null, caseNo: no.instruction, points: 5 },
      { recordId: ids.complaint, kind: 'complaint_upheld', decision: 'public_criticism', caseNo: no.late, points: 8 },
      { recordId: missedByB, kind: 'overdue', decision: null, caseNo: no.missedByB, points: 2 },
      { recordId: keyTaskLate, kind: 'key_task_late', decision: null, caseNo: null, points: 3 },
    ]);
    expect(kpb.deductions.some((d: any) => d.recordId === ids.explained)).toBe(false);
    const { body } = await t.api('/api/accountability?kind=overdue');
    expect(body.records.find((r: any) => r.id === ids.explained)).toMatchObject({ decision: 'no_action', statement: '当事人材料原件次日才送到' });
    expect(kpb.indicators).toMatchObject({ overdue: 2, deemedApprovals: 1, complaintsUpheld: 1, complaintsReceived: 1, keyTasks: 1, keyTasksOnTime: 0 });
  });

  it('vetoes awards where the scheme says (通报批评), without zeroing the score', () => {
    const kpb = view.departments.find((d: any) => d.key === 'kpb');
    expect(kpb).toMatchObject({ veto: true, vetoReasons: [{ recordId: ids.complaint, kind: 'complaint_upheld', decision: 'public_criticism' }] });
    const lihua = view.people.find((p: any) => p.userid === 'lihua');
    expect(lihua).toMatchObject({ veto: true, score: 86, grade: 'good' });
    expect(view.people.find((p: any) => p.userid === 'chenjing')).toMatchObject({ veto: false, score: 95 });
  });

  it('credits the B holder with covered work and blames B, not the absent A, for the case B let pass', () => {
    const zhaomin = view.people.find((p: any) => p.userid === 'zhaomin');
    const lihua = view.people.find((p: any) => p.userid === 'lihua');
    expect(zhaomin.indicators).toMatchObject({ casesHandled: 1, handledWhileCovering: 1, onTime: 1, overdue: 1 });
    expect(zhaomin.deductions).toEqual([expect.objectContaining({ kind: 'overdue', caseNo: no.missedByB, points: 2 })]);
    expect(lihua.deductions.some((d: any) => d.caseNo === no.missedByB)).toBe(false);
    expect(lihua.indicators.casesHandled).toBe(1);
  });

  it('exports the same numbers as a workbook with the sheets 部室, 个人 and 扣分明细', async () => {
    const res = await fetch(`${t.bot.url}/api/evaluations/2026-H1.xlsx`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['部室', '个人', '扣分明细']);
    const rowsOf = (name: string) => {
      const sheet = book.getWorksheet(name)!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const rows: Record<string, unknown>[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [String(h), (row.values as unknown[])[i + 1]])));
      });
      return rows;
    };
    expect(rowsOf('部室').map((r) => [r['部室'], r['排名'], r['得分'], r['等次'], r['一票否决']])).toEqual(
      view.departments.map((d: any) => [d.name, d.rank, d.score, { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' }[d.grade as string], d.veto ? '是' : '否']),
    );
    const lihua = rowsOf('个人').find((r) => r['姓名'] === '李华')!;
    expect(lihua).toMatchObject({ 部室: '科普部', 得分: 86, 等次: '良好', 一票否决: '是', 扣分: 14, 超期件数: 1 });
    const details = rowsOf('扣分明细');
    const kpbRows = details.filter((r) => r['对象'] === '科普部');
    expect(kpbRows.map((r) => [r['记录编号'], r['扣分']])).toEqual(view.departments.find((d: any) => d.key === 'kpb').deductions.map((d: any) => [d.recordId, d.points]));
    expect(kpbRows.find((r) => r['记录编号'] === ids.complaint)).toMatchObject({ 类别: '效能投诉属实', 认定: '通报批评', 事项: `#${no.late}` });
  });

  it('gives leaders the ranking in chat with a link that opens the workbook, and only that workbook', async () => {
    const reply = await say1('wangqiang', '考评 2026上半年');
    expect(reply).toContain('【2026年上半年效能考评】按目前数据计算，尚未定稿');
    expect(reply).toContain('1. 学会学术部 102 分 优秀');
    expect(reply).toContain('4. 科普部 79 分 合格｜按时 ');
    expect(reply).toContain('｜一票否决');
    const link = /明细（含每项扣分所依据的记录）：(\S+)/u.exec(reply)?.[1] ?? '';
    const path = link.replace('http://bot.test', '');
    const opened = await fetch(`${t.bot.url}${path}`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toContain('spreadsheetml');
    const forged = await fetch(`${t.bot.url}${path.replace('2026-H1', '2026-H2')}`);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('链接无效');
    expect(await say1('lihua', '考评 2026上半年')).toBe('抱歉，考评结果供办公室和单位领导查看，未作任何更改。');
  });

  it('freezes the published result (office only): later decisions change the live facts, not the frozen run', async () => {
    expect(await say1('wangqiang', '考评 2026上半年 定稿')).toBe('抱歉，考评由办公室定稿，您不是办公室工作人员，未作任何更改。');
    expect(await say1('liuyang', '考评 2026上半年 定稿')).toContain('已定稿：2026年上半年效能考评');
    expect(await say1('liuyang', '处理 ' + ids.deemed + ' 书面告诫 逾期未答复请示')).toContain('书面告诫');
    const after = (await t.api('/api/evaluations/2026-H1')).body;
    expect(after.frozen).toMatchObject({ by: 'liuyang' });
    expect(after.departments).toEqual(view.departments);
    expect(await say1('liuyang', '考评 2026上半年 定稿')).toContain('该期考评已于');
    expect(await say1('liuyang', '考评 2026-06 定稿')).toContain('只有半年（上半年、下半年）和全年的考评可以定稿');
  });

  it('sends June’s bulletin on July’s first working day at 09:30, and on demand as 通报', async () => {
    const before = t.wecom.messagesTo('zhangwei').length;
    await tickAt(t, at('2026-07-01T09:30:00'));
    const [bulletin] = t.wecom.messagesTo('zhangwei').slice(before);
    expect(bulletin?.msgtype).toBe('markdown');
    expect(bulletin?.content).toContain('## 滨州市科学技术协会2026年6月效能通报');
    expect(bulletin?.content).toContain('**重点工作任务**：逾期 1 项');
    const onDemand = (await t.say('liuyang', '通报 6月'))[0] ?? '';
    expect(onDemand).toContain('2026年6月效能通报');
    const page = await fetch(`${t.bot.url}/api/bulletins/2026-01.html`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const html = await page.text();
    expect(html).toContain('2026年1月效能通报');
    expect(html).toContain(`<td>#${no.late}</td>`);
    const json = (await t.api('/api/bulletins/2026-01')).body;
    expect(json.departments.find((d: any) => d.key === 'kpb')).toMatchObject({ overdue: 2 });
    expect(json.overdueCases.map((o: any) => o.caseNo).sort()).toEqual([no.explained, no.late].sort());
  });
});
