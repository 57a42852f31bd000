import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

// Tuesday 2026-12-01 09:30 China time. lihua (科普部) files; wangqiang is the 分管领导, zhangwei the 主要负责人.
const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');
const HOUR = 3600_000;

describe.each(BACKENDS)('refusal filings decided on cards (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ backend, now: TUESDAY_MORNING });
  });
  afterAll(async () => t?.close());

  /** A consultation case of lihua's with a refusal filed: returns the case number and the leader card's task_id. */
  async function filedRefusal(reason = '不符合申报条件'): Promise<{ no: number; taskId: string }> {
    const [registered] = await t.say('lihua', '登记 来电 咨询 张三 13800000000 科普项目申报条件');
    const no = Number(/#(\d+)/.exec(registered!)?.[1]);
    const before = t.wecom.messagesTo('wangqiang').length;
    await t.say('lihua', `拒绝 #${no} ${reason}`);
    const sent = t.wecom.messagesTo('wangqiang').slice(before);
    expect(sent.map((m) => m.msgtype)).toEqual(['template_card']);
    return { no, taskId: sent[0]!.taskId! };
  }

  async function click(from: string, taskId: string, eventKey: string, responseCode = t.wecom.issueClickResponseCode(taskId, from)): Promise<string> {
    const res = await t.post(t.client.cardClickCallback({ from, taskId, eventKey, responseCode }));
    expect(res.status).toBe(200);
    await t.bot.settle();
    return responseCode;
  }

  const updatesOf = (taskId: string) => t.wecom.cardUpdates.filter((u) => u.taskId === taskId);
  const caseOf = async (no: number) => (await t.api(`/api/cases/${no}`)).body;
  const filingOf = (no: number) => t.database.prisma.refusalFiling.findFirstOrThrow({ where: { caseNo: no }, orderBy: { id: 'desc' } });
  const textsTo = (userid: string, since: number) => t.wecom.messagesTo(userid).slice(since).map((m) => m.content ?? '');
  const quoteOf = (card: Record<string, unknown> | undefined) => (card?.['quote_area'] as { quote_text: string } | undefined)?.quote_text ?? '';

  it('sends the leader a card with the case, the reason and the three choices', async () => {
    const { no, taskId } = await filedRefusal('不符合申报条件，已超出受理范围');
    // A nonce per filing keeps task_ids unique after a database restore reuses filing numbers.
    expect(taskId).toMatch(new RegExp(`^xn-[0-9a-f]{12}-rf\\d+-[0-9a-f]{8}-leader$`));
    const install = await t.database.prisma.orgSetting.findUniqueOrThrow({ where: { key: 'installationId' } });
    expect(taskId.startsWith(`xn-${install.value}-`)).toBe(true);

    const card = t.wecom.findCard(taskId)!;
    expect(card.touser).toEqual(['wangqiang']);
    expect(card.card).toMatchObject({
      card_type: 'button_interaction',
      main_title: { title: `不予办理报备 #${no}`, desc: '李华提交，请您决定' },
      sub_title_text: '理由：不符合申报条件，已超出受理范围',
      horizontal_content_list: [
        { keyname: '当事人', value: '张三' },
        { keyname: '事由', value: '科普项目申报条件' },
        { keyname: '类别', value: '咨询' },
        { keyname: '受理', value: '12月1日 09:30' },
        { keyname: '期限', value: '12月4日（周五）24:00' },
        { keyname: '报备人', value: '李华' },
      ],
      button_list: [
        { text: '同意不予办理', key: 'approve' },
        { text: '予以纠正', key: 'overturn' },
        { text: '提交主要负责人', key: 'escalate' },
      ],
    });
    expect(await t.database.prisma.card.findUniqueOrThrow({ where: { taskId } })).toMatchObject({ toUser: 'wangqiang', role: 'leader', closedAt: null });
    expect((await caseOf(no)).status).toBe('REFUSAL_PENDING');
  });

  it('approves on a click: the case is refused, the card shows who and when, the filer hears the notice date', async () => {
    const { no, taskId } = await filedRefusal();
    const filerBefore = t.wecom.messagesTo('lihua').length;
    const code = await click('wangqiang', taskId, 'approve');

    expect((await caseOf(no)).status).toBe('REFUSED');
    const filing = await filingOf(no);
    expect(filing).toMatchObject({ status: 'approved', decidedBy: 'wangqiang' });
    // R6 §3: written notice within 7 natural days: Tuesday 12-01 → Tuesday 12-08.
    expect(filing.noticeDueAt?.toISOString()).toBe('2026-12-08T15:59:59.999Z');

    const [update, ...more] = updatesOf(taskId);
    expect(more).toEqual([]);
    expect(update).toMatchObject({ responseCode: code, userids: ['wangqiang'], card: { task_id: taskId, replace_text: '已同意不予办理' } });
    expect(quoteOf(update!.card)).toBe('王强 12月1日 09:30 同意不予办理；须在 12月8日（周二）24:00 前书面告知当事人。');
    const told = textsTo('lihua', filerBefore);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`同意 #${no} 不予办理`);
    expect(told[0]).toContain('12月8日（周二）24:00');
    expect((await t.database.prisma.card.findUniqueOrThrow({ where: { taskId } })).closedAt).not.toBeNull();
  });

  it('overturns in two steps: the click asks for the instruction, the text reply decides and updates the card', async () => {
    const { no, taskId } = await filedRefusal();
    const leaderBefore = t.wecom.messagesTo('wangqiang').length;
    const code = await click('wangqiang', taskId, 'overturn');

    expect((await caseOf(no)).status).toBe('REFUSAL_PENDING');
    expect((await filingOf(no)).status).toBe('pending');
    expect(updatesOf(taskId)).toEqual([expect.objectContaining({ responseCode: code, card: expect.objectContaining({ replace_text: '待回复纠正意见' }) })]);
    expect(textsTo('wangqiang', leaderBefore)).toEqual([expect.stringContaining(`请回复“纠正 #${no} 意见”`)]);

    const handlerBefore = t.wecom.messagesTo('lihua').length;
    const [reply] = await t.say('wangqiang', `纠正 #${no} 请按新版申报指南重新审核后答复`);
    expect(reply).toContain('予以纠正');
    expect((await caseOf(no)).status).toBe('OPEN');
    expect(await filingOf(no)).toMatchObject({ status: 'overturned', decidedBy: 'wangqiang', instruction: '请按新版申报指南重新审核后答复' });
    expect(textsTo('lihua', handlerBefore).join('\n')).toContain('请按新版申报指南重新审核后答复');

    // The click's code went into the prompt; the card's send code shows the decision.
    const updates = updatesOf(taskId);
    expect(updates).toHaveLength(2);
    expect(updates[1]!.responseCode).toBe(t.wecom.findCard(taskId)!.responseCode);
    expect(updates[1]!.card).toMatchObject({ replace_text: '已予以纠正' });
    expect(quoteOf(updates[1]!.card)).toBe('王强 12月1日 09:30 予以纠正：请按新版申报指南重新审核后答复');
  });

  it('escalates on a click: the principal gets a card, decides on it, and both cards show the outcome', async () => {
    const { no, taskId } = await filedRefusal('涉及重大政策调整');
    const code = await click('wangqiang', taskId, 'escalate');

    expect((await caseOf(no)).status).toBe('ESCALATED');
    expect(updatesOf(taskId)).toEqual([expect.objectContaining({ responseCode: code, card: expect.objectContaining({ replace_text: '已提交主要负责人' }) })]);
    expect(quoteOf(updatesOf(taskId)[0]!.card)).toContain('已提交主要负责人张伟决定');
    const principalCard = t.wecom.messagesTo('zhangwei').find((m) => m.msgtype === 'template_card' && m.taskId === taskId.replace(/-leader$/, '-principal'));
    expect(principalCard?.card).toMatchObject({
      main_title: { title: `不予办理报备 #${no}（上报）`, desc: '分管领导王强提交您决定' },
      sub_title_text: '理由：涉及重大政策调整',
      button_list: [{ key: 'approve' }, { key: 'overturn' }],
    });

    // The leader can no longer decide on the first card.
    const leaderBefore = t.wecom.messagesTo('wangqiang').length;
    await click('wangqiang', taskId, 'approve');
    expect((await caseOf(no)).status).toBe('ESCALATED');
    expect(textsTo('wangqiang', leaderBefore)).toEqual([expect.stringContaining('已提交主要负责人张伟决定，您的操作未生效')]);

    const principalCode = await click('zhangwei', principalCard!.taskId!, 'approve');
    expect((await caseOf(no)).status).toBe('REFUSED');
    expect(await filingOf(no)).toMatchObject({ status: 'approved', decidedBy: 'zhangwei' });
    expect(updatesOf(principalCard!.taskId!)).toEqual([
      expect.objectContaining({ responseCode: principalCode, userids: ['zhangwei'], card: expect.objectContaining({ replace_text: '已同意不予办理' }) }),
    ]);
    // The leader's card, updated with its send code, shows the principal's decision.
    const leaderUpdates = updatesOf(taskId);
    expect(leaderUpdates.at(-1)!.responseCode).toBe(t.wecom.findCard(taskId)!.responseCode);
    expect(quoteOf(leaderUpdates.at(-1)!.card)).toContain('张伟 12月1日 09:30 同意不予办理');
  });

  it('ignores a click from someone the card was not sent to', async () => {
    const { no, taskId } = await filedRefusal();
    const before = t.wecom.messagesTo('chenjing').length;
    await click('chenjing', taskId, 'approve', 'forged-response-code');

    expect((await caseOf(no)).status).toBe('REFUSAL_PENDING');
    expect((await filingOf(no)).status).toBe('pending');
    expect(updatesOf(taskId)).toEqual([]);
    expect(textsTo('chenjing', before)).toEqual([`#${no} 的不予办理报备是请王强决定的，您的操作未生效。`]);
  });

  it('decides once for a callback delivered twice, and answers a second click with the real state', async () => {
    const { no, taskId } = await filedRefusal();
    const filerBefore = t.wecom.messagesTo('lihua').length;
    const req = t.client.cardClickCallback({ from: 'wangqiang', taskId, eventKey: 'approve', responseCode: t.wecom.issueClickResponseCode(taskId, 'wangqiang') });
    const answers = await Promise.all([t.post(req), t.post(req)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await t.post(req);
    await t.bot.settle();
    expect(updatesOf(taskId)).toHaveLength(1);
    expect(textsTo('lihua', filerBefore)).toHaveLength(1);

    const leaderBefore = t.wecom.messagesTo('wangqiang').length;
    const second = await click('wangqiang', taskId, 'overturn');
    expect(textsTo('wangqiang', leaderBefore)).toEqual([`#${no} 的报备已由王强同意不予办理，您的操作未生效。`]);
    expect(updatesOf(taskId)[1]).toMatchObject({ responseCode: second, card: { replace_text: '已同意不予办理' } });
    expect((await caseOf(no)).status).toBe('REFUSED');
    const history = (await caseOf(no)).history.map((e: { action: string }) => e.action);
    expect(history.filter((a: string) => a.startsWith('refusal_'))).toEqual(['refusal_filed', 'refusal_approved']);
  });

  it('shows a text decision on the card, and a later click changes nothing', async () => {
    const { no, taskId } = await filedRefusal();
    const [reply] = await t.say('wangqiang', `同意 #${no}`);
    expect(reply).toContain(`已同意 #${no} 不予办理`);
    expect(updatesOf(taskId)).toEqual([
      expect.objectContaining({ responseCode: t.wecom.findCard(taskId)!.responseCode, card: expect.objectContaining({ replace_text: '已同意不予办理' }) }),
    ]);

    const leaderBefore = t.wecom.messagesTo('wangqiang').length;
    const code = await click('wangqiang', taskId, 'overturn');
    expect(textsTo('wangqiang', leaderBefore)).toEqual([`#${no} 的报备已由王强同意不予办理，您的操作未生效。`]);
    expect(updatesOf(taskId)[1]).toMatchObject({ responseCode: code, card: { replace_text: '已同意不予办理' } });
    expect(await filingOf(no)).toMatchObject({ status: 'approved', instruction: null });
    expect((await caseOf(no)).status).toBe('REFUSED');
  });

  it('follows text decisions on both cards: 上报 with a note, then the principal overturns by text', async () => {
    const { no, taskId } = await filedRefusal();
    await t.say('wangqiang', `上报 #${no} 涉及多个部门`);
    expect((await caseOf(no)).status).toBe('ESCALATED');
    expect(updatesOf(taskId)).toEqual([expect.objectContaining({ card: expect.objectContaining({ replace_text: '已提交主要负责人' }) })]);
    const principalTask = taskId.replace(/-leader$/, '-principal');
    expect(quoteOf(t.wecom.findCard(principalTask)?.card)).toBe('涉及多个部门');

    await t.say('zhangwei', `纠正 #${no} 由科普部直接办理`);
    expect((await caseOf(no)).status).toBe('OPEN');
    expect(updatesOf(principalTask)).toEqual([
      expect.objectContaining({ responseCode: t.wecom.findCard(principalTask)!.responseCode, card: expect.objectContaining({ replace_text: '已予以纠正' }) }),
    ]);
    // The leader card's one send code went into 已提交主要负责人; nothing is left to update it with.
    expect(updatesOf(taskId)).toHaveLength(1);
  });

  it('sends the outcome as text when a response_code can no longer be used', async () => {
    const late = await filedRefusal();
    const stale = await filedRefusal();
    const staleCode = t.wecom.issueClickResponseCode(stale.taskId, 'wangqiang');
    t.clock.advance(73 * HOUR);

    // A click whose code WeCom has expired (the fake answers 42022): decided, and told by text.
    const before = t.wecom.messagesTo('wangqiang').length;
    await click('wangqiang', stale.taskId, 'approve', staleCode);
    expect((await caseOf(stale.no)).status).toBe('REFUSED');
    expect(updatesOf(stale.taskId)).toEqual([]);
    const update = t.wecom.calls.filter((c) => c.path === '/cgi-bin/message/update_template_card').at(-1);
    expect(update?.response).toMatchObject({ errcode: 42022 });
    expect(textsTo('wangqiang', before)).toEqual([expect.stringContaining(`已同意 #${stale.no} 不予办理`)]);

    // A click worked more than 72 h after it came: no doomed update at all, the text straight away.
    const callsBefore = t.wecom.calls.length;
    const createTime = Math.floor((t.clock.now().getTime() - 73 * HOUR) / 1000);
    const res = await t.post(t.client.cardClickCallback({ from: 'wangqiang', taskId: late.taskId, eventKey: 'escalate', responseCode: 'old-code', createTime }));
    expect(res.status).toBe(200);
    await t.bot.settle();
    expect((await caseOf(late.no)).status).toBe('ESCALATED');
    expect(t.wecom.calls.slice(callsBefore).filter((c) => c.path === '/cgi-bin/message/update_template_card')).toEqual([]);
    expect(t.wecom.messagesTo('wangqiang').at(-1)?.content).toContain(`已将 #${late.no} 上报主要负责人张伟决定`);

    // The leader card's send code is over 72 h old too: the principal's decision leaves it alone.
    const principalTask = late.taskId.replace(/-leader$/, '-principal');
    await click('zhangwei', principalTask, 'approve');
    expect((await caseOf(late.no)).status).toBe('REFUSED');
    expect(updatesOf(principalTask)).toHaveLength(1);
    expect(updatesOf(late.taskId)).toEqual([]);
  });
});
