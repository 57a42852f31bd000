/** 办结 with its overdue record, the covering person acting with the handler's authority (R7), and deemed approval (R3 §5). */
import type { OutboundMessage } from '../../src/domain/messaging/outbound-message.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../src/holidays/load-work-calendar.ts';
import type { WorkCalendar } from '../../src/domain/calendar/work-calendar.ts';
import { enqueueOutbound } from '../../src/db/outbox.ts';
import { deemApproveIfDue } from '../../src/use-cases/deem-approval.ts';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { LIFECYCLE_ORG, actionsOf, caseJson, inboxOf, register, stateOf } from '../support/lifecycle-helpers.ts';

const TUESDAY = new Date('2026-12-01T09:30:00+08:00');
const THURSDAY = new Date('2026-12-03T10:00:00+08:00');
const SATURDAY = new Date('2026-12-05T09:00:00+08:00');

describe.each(BACKENDS)('finishing, covering and deemed approval (%s)', (backend) => {
  let t: TestBot;
  let calendar: WorkCalendar;
  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: LIFECYCLE_ORG, now: TUESDAY });
    calendar = await loadWorkCalendar();
  });
  afterAll(async () => t?.close());

  /** What the scheduler will do: one transaction per case, its messages queued with it. */
  const sweep = (no: number) =>
    t.database.prisma.$transaction(async (tx) => {
      const out: OutboundMessage[] = [];
      const r = await deemApproveIfDue({ tx, calendar, send: (m) => out.push(m) }, no, t.clock.now());
      await enqueueOutbound(tx, out);
      return r;
    });
  const away = (userid: string) =>
    t.database.prisma.absence.create({ data: { userid, from: new Date('2026-12-01T00:00:00+08:00'), to: new Date('2026-12-01T23:59:59+08:00'), createdAt: TUESDAY } });

  // All on Tuesday; the clock then moves forward through the week.
  let instruction = 0;
  let lateReview = 0;
  let pausedReview = 0;
  let pausedInstruction = 0;
  let filedInstruction = 0;
  let answeredInstruction = 0;

  it('lets the person covering an absent handler act with the handler authority, and nobody else', async () => {
    const no = await register(t, 'lihua', '登记 来人 KP-01 张三 科普项目申报');
    const before = await stateOf(t);
    const [notYet] = await t.say('zhaomin', `补正 #${no} 申报书`);
    expect(notYet).toContain('只能由承办人李华或其 B 岗顶岗人员办理');
    expect(await stateOf(t)).toEqual(before);

    await away('lihua');
    const [asB] = await t.say('zhaomin', `补正 #${no} 申报书`);
    expect(asB).toContain('已出具一次性告知书');
    await t.say('zhaomin', `补齐 #${no}`);
    const [other] = await t.say('chenjing', `办结 #${no} 代办`);
    expect(other).toContain('只能由承办人李华');
    await away('zhaomin');
    // A and B away: the department head covers.
    const [asHead] = await t.say('chenjing', `办结 #${no} 已受理`);
    expect(asHead).toContain(`#${no} 已办结`);
    const body = await caseJson(t, no);
    expect(body).toMatchObject({ status: 'DONE', handler: 'lihua' });
    expect(body.history.map((e: { actor: string }) => e.actor)).toEqual(['lihua', 'zhaomin', 'zhaomin', 'chenjing']);
    await t.database.prisma.absence.deleteMany({});

    instruction = await register(t, 'lihua', '登记 来信 请示 某基层科协 关于开展科普周活动的请示');
    lateReview = await register(t, 'lihua', '登记 来人 审核 李四 申报材料');
    pausedReview = await register(t, 'lihua', '登记 来人 审核 王五 申报材料');
    await t.say('lihua', `补正 #${pausedReview} 身份证复印件`);
    pausedInstruction = await register(t, 'lihua', '登记 来信 请示 某学会 关于换届的请示');
    await t.say('lihua', `补正 #${pausedInstruction} 换届方案`);
    filedInstruction = await register(t, 'lihua', '登记 来信 请示 某协会 关于经费的请示');
    await t.say('lihua', `拒绝 #${filedInstruction} 不属于资助范围`);
    answeredInstruction = await register(t, 'lihua', '登记 来信 请示 某站 关于场地的请示');
    await t.say('lihua', `办结 #${answeredInstruction} 已批复同意`);
  });

  it('records a late finish for the office, once, and not one whose clock was paused in time', async () => {
    t.clock.set(THURSDAY);
    const [late] = await t.say('lihua', `办结 #${lateReview} 已审核`);
    expect(late).toContain('已超过办理期限，已记录超期');
    const records = await t.database.prisma.accountabilityRecord.findMany({ where: { caseNo: lateReview } });
    expect(records).toEqual([expect.objectContaining({ key: `overdue:${lateReview}`, kind: 'overdue', subject: 'lihua', department: 'kpb' })]);
    expect((await caseJson(t, lateReview)).history.at(-1).detail).toMatchObject({ onTime: false });

    const [paused] = await t.say('lihua', `办结 #${pausedReview} 当事人撤回申请`);
    expect(paused).not.toContain('超过');
    expect(await t.database.prisma.accountabilityRecord.count({ where: { caseNo: pausedReview } })).toBe(0);
  });

  it('does nothing to a 请示 that is not yet due', async () => {
    const before = await stateOf(t);
    expect(await sweep(instruction)).toMatchObject({ kind: 'skipped', reasons: [{ code: 'not_due' }] });
    expect(await stateOf(t)).toEqual(before);
  });

  it('deems an unanswered 请示 approved after its deadline, holds the department accountable, and does it once', async () => {
    t.clock.set(SATURDAY);
    const handler = inboxOf(t, 'lihua').length;
    const office = inboxOf(t, 'liuyang').length;
    const head = inboxOf(t, 'chenjing').length;
    expect(await sweep(instruction)).toMatchObject({ kind: 'deemed' });
    await t.bot.settle();

    const body = await caseJson(t, instruction);
    expect(body.status).toBe('DEEMED_APPROVED');
    expect(body.result).toBeNull();
    expect(actionsOf(body)).toEqual(['registered', 'deemed_approved']);
    expect(body.history[1]).toMatchObject({ actor: '#system', detail: { accountable: 'kpb', dueAt: '2026-12-04T15:59:59.999Z' } });
    expect(await t.database.prisma.accountabilityRecord.findMany({ where: { caseNo: instruction } })).toEqual([
      expect.objectContaining({ key: `deemed_approval:${instruction}`, kind: 'deemed_approval', subject: 'kpb', department: 'kpb' }),
    ]);
    for (const [who, n] of [['lihua', handler], ['liuyang', office], ['chenjing', head]] as const) {
      expect(inboxOf(t, who).slice(n), who).toEqual([expect.stringContaining(`【视为同意】请示性事项 #${instruction} 未在期限`)]);
    }
    const [shown] = await t.say('lihua', `查 #${instruction}`);
    expect(shown).toContain('系统 逾期未答复，视为同意');

    const before = await stateOf(t);
    expect(await sweep(instruction)).toMatchObject({ kind: 'skipped' });
    expect(await stateOf(t)).toEqual(before);
  });

  it('leaves paused, answered and other-class cases alone, and lets the deadline overtake a pending refusal', async () => {
    const before = await stateOf(t);
    for (const no of [pausedInstruction, answeredInstruction]) expect(await sweep(no)).toMatchObject({ kind: 'skipped' });
    expect(await sweep(lateReview)).toMatchObject({ kind: 'skipped' });
    expect(await sweep(999_999)).toEqual({ kind: 'not_found', caseNo: 999_999 });
    expect(await stateOf(t)).toEqual(before);

    expect(await sweep(filedInstruction)).toMatchObject({ kind: 'deemed' });
    const body = await caseJson(t, filedInstruction);
    expect(body.status).toBe('DEEMED_APPROVED');
    expect(body.filing).toMatchObject({ status: 'lapsed' });
    const [late] = await t.say('wangqiang', `同意 #${filedInstruction}`);
    expect(late).toContain('报备已处理');
    expect((await caseJson(t, filedInstruction)).status).toBe('DEEMED_APPROVED');
  });
});
