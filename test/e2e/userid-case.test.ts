import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { BASIC_ORG, TEST_WECOM, startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { buildApprovalChangeXml, buildContactChangeXml } from '../../src/wecom/build-system-event-xml.ts';
import { createWeComApiClient } from '../../src/wecom/api-client.ts';

const TUESDAY_MORNING = new Date('2026-12-01T09:30:00+08:00');

describe.each(BACKENDS)('userids ignore case, system events keep their own ids (%s)', (backend) => {
  let t: TestBot;
  beforeAll(async () => {
    // The roster spells her LiHua; WeCom's callbacks say lihua (or LIHUA).
    const dir = await mkdtemp(path.join(tmpdir(), 'xn-case-'));
    const org = path.join(dir, 'org.yaml');
    await writeFile(org, (await readFile(BASIC_ORG, 'utf8')).replaceAll('lihua', 'LiHua'));
    t = await startTestBot({ backend, now: TUESDAY_MORNING, orgFile: org });
  });
  afterAll(async () => t?.close());

  it('knows a roster LiHua in a callback from lihua: her case, her reply', async () => {
    const replies = await t.say('lihua', '登记 来人 审核 大小写 申报材料');
    expect(replies[0]).toMatch(/已登记 #\d+/u);
    const stored = await t.database.prisma.case.findFirstOrThrow({ where: { applicant: '大小写' } });
    expect(stored.handler).toBe('LiHua');
    const mine = await t.say('LIHUA', '待办');
    expect(mine.join('\n')).toContain('大小写');
  });

  it('lets lihua use a card sent to LiHua', async () => {
    const before = t.wecom.messagesTo('lihua').length;
    await t.say('lihua', '王五13800000001来电咨询科普项目申报');
    const card = t.wecom.messagesTo('lihua').slice(before).find((m) => m.msgtype === 'template_card')!;
    expect(card.touser).toEqual(['LiHua']);
    const responseCode = t.wecom.issueClickResponseCode(card.taskId!, 'lihua');
    await t.post(t.client.cardClickCallback({ from: 'lihua', taskId: card.taskId!, eventKey: 'confirm', responseCode }));
    await t.bot.settle();
    const last = t.wecom.messagesTo('lihua').at(-1);
    expect(last?.content ?? JSON.stringify(last?.card)).toMatch(/已登记 #\d+/u);
    expect(await t.database.prisma.case.count({ where: { applicant: '王五' } })).toBe(1);
  });

  it('keeps two contact changes and two approval changes of the same second apart, and a retry once', async () => {
    const createTime = 1_764_553_900;
    const events = [
      buildContactChangeXml({ toUser: TEST_WECOM.corpId, createTime, changeType: 'update_user', userId: 'zhaomin' }),
      buildContactChangeXml({ toUser: TEST_WECOM.corpId, createTime, changeType: 'update_user', userId: 'chenjing' }),
      buildContactChangeXml({ toUser: TEST_WECOM.corpId, createTime, changeType: 'delete_user', userId: 'zhaomin' }),
      buildApprovalChangeXml({ toUser: TEST_WECOM.corpId, createTime, spNo: '202612010001', spName: 'x', spStatus: 1, templateId: 'tpl', applicant: 'zhaomin' }),
      buildApprovalChangeXml({ toUser: TEST_WECOM.corpId, createTime, spNo: '202612010002', spName: 'x', spStatus: 1, templateId: 'tpl', applicant: 'zhaomin' }),
      buildApprovalChangeXml({ toUser: TEST_WECOM.corpId, createTime, spNo: '202612010001', spName: 'x', spStatus: 2, templateId: 'tpl', applicant: 'zhaomin' }),
    ];
    const before = await t.database.prisma.inboxMessage.count({ where: { fromUser: 'sys' } });
    for (const xml of [...events, ...events]) expect((await t.post(t.client.rawCallback(xml))).status).toBe(200);
    await t.bot.settle();
    const rows = await t.database.prisma.inboxMessage.findMany({ where: { fromUser: 'sys' }, select: { key: true, kind: true } });
    expect(rows.length - before).toBe(6);
    // The approval events carry the 审批 app's AgentID (3010040), not ours, and are still taken.
    expect(rows.filter((r) => r.kind === 'approval_change')).toHaveLength(3);
    expect(rows.filter((r) => r.kind === 'contact_change')).toHaveLength(3);
  });
});

describe('card update answers are read leniently', () => {
  it('takes invaliduser as "a|b" or as a list', async () => {
    const answers = [{ errcode: 0, errmsg: 'ok', invaliduser: 'a|b' }, { errcode: 0, errmsg: 'ok', invaliduser: ['c', 'd'] }, { errcode: 0, errmsg: 'ok' }];
    const fetch = async (url: string | URL | Request) =>
      new Response(JSON.stringify(String(url).includes('gettoken') ? { errcode: 0, access_token: 'tok', expires_in: 7200 } : answers.shift()), { headers: { 'content-type': 'application/json' } });
    const api = createWeComApiClient({ baseUrl: 'http://wecom.invalid', corpId: 'c', secret: 's', agentId: 1, fetch: fetch as typeof globalThis.fetch });
    const update = () => api.updateTemplateCard({ userids: ['a'], responseCode: 'code', replaceName: 'ok' });
    expect(await update()).toEqual({ invalidUsers: ['a', 'b'] });
    expect(await update()).toEqual({ invalidUsers: ['c', 'd'] });
    expect(await update()).toEqual({ invalidUsers: [] });
  });
});
