/**
 * Issue 14 item 6: people from WeCom. WECOM_CONTACTS_SYNC=on: the roster follows WeCom's 通讯录 (start-up,
 * change_contact events on the contacts callback, the hourly sync); the org file's posts still apply; a
 * leaver's open cases go to B and the head gets the list; a restart does not undo any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/test-database.ts';
import { TEST_CONTACTS_CALLBACK, TEST_WECOM, startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { createWeComTestClient } from '../support/wecom-test-client.ts';
import { inboxOf, register } from '../support/lifecycle-helpers.ts';
import type { FakeContacts } from '../../src/wecom/fake/fake-contacts.ts';

const ORG = new URL('../fixtures/org/contacts-org.yaml', import.meta.url).pathname;
const TUESDAY = new Date('2026-12-01T09:30:00+08:00');

function seed(c: FakeContacts): void {
  c.setDepartments([
    { id: 1, name: '滨州市科协', parentid: 0 },
    { id: 2, name: '办公室', parentid: 1 },
    { id: 3, name: '科普部', parentid: 1 },
    { id: 4, name: '学会部', parentid: 1 },
    { id: 5, name: '机关党委', parentid: 1 },
  ]);
  const people: [string, string, number][] = [
    ['zhangwei', '张伟', 2], ['wangqiang', '王强', 2], ['liuyang', '刘洋', 2],
    ['chenjing', '陈静', 3], ['lihua', '李华', 3], ['zhaomin', '赵敏', 3],
    ['sunli', '孙丽', 4], ['zhouhang', '周航', 4], ['dangwei1', '党委干事', 5],
  ];
  for (const [userid, name, dept] of people) c.add({ userid, name, department: [dept], main_department: dept });
}

describe.each(BACKENDS)('people from WeCom (%s)', (backend) => {
  let t: TestBot;
  const contactsClient = createWeComTestClient({ ...TEST_WECOM, ...TEST_CONTACTS_CALLBACK }, { now: () => t.clock.now().getTime() });
  const staff = (userid: string) => t.database.prisma.staff.findUnique({ where: { userid } });
  /** A change in the fake's 通讯录 arrives as WeCom sends it: signed with the contacts callback's own key. */
  const deliver = async (xml: string) => {
    const req = contactsClient.rawCallback(xml);
    const res = await fetch(`${t.bot.url}/wecom/contacts-callback?${req.query}`, { method: 'POST', body: req.body });
    expect(res.status).toBe(200);
    await t.bot.settle();
  };

  beforeAll(async () => {
    t = await startTestBot({ backend, orgFile: ORG, now: TUESDAY, contacts: { seed } });
  });
  let firstDatabase: TestBot['database'] | undefined;
  afterAll(async () => {
    await t?.close();
    await firstDatabase?.close();
  });

  it('takes the roster from WeCom at start-up, in the departments the file maps, and keeps unmapped ones by their WeCom name', async () => {
    expect(await staff('lihua')).toMatchObject({ name: '李华', department: 'kpb', active: true });
    expect(await staff('zhouhang')).toMatchObject({ department: 'xhb', active: true });
    expect(await staff('dangwei1')).toMatchObject({ department: 'wecom-5', active: true });
    expect(await t.database.prisma.department.findUnique({ where: { key: 'wecom-5' } })).toMatchObject({ name: '机关党委', wecomId: 5 });
    // Not in WeCom yet, though the file's post names her.
    expect(await staff('qianwen')).toBeNull();
    const [help] = await t.say('lihua', '帮助');
    expect(help).toContain('登记');
  });

  it('answers the 通讯录同步 callback URL verification with its own key', async () => {
    const req = contactsClient.rawCallback('contacts-echo-1');
    const encrypted = /<Encrypt><!\[CDATA\[([^\]]+)\]\]><\/Encrypt>/u.exec(req.body)![1]!;
    const ok = await fetch(`${t.bot.url}/wecom/contacts-callback?${req.query}&echostr=${encodeURIComponent(encrypted)}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('contacts-echo-1');
    // The app callback's key does not verify the contacts URL.
    const wrong = t.client.rawCallback('contacts-echo-2');
    const bad = await fetch(`${t.bot.url}/wecom/contacts-callback?${wrong.query}&echostr=${encodeURIComponent(/<Encrypt><!\[CDATA\[([^\]]+)\]\]>/u.exec(wrong.body)![1]!)}`);
    expect(bad.status).toBe(401);
  });

  it('refuses a contacts callback signed with the app callback key, and stores nothing', async () => {
    const before = await t.database.prisma.inboxMessage.count();
    const wrong = t.client.rawCallback(t.wecom.contacts.add({ userid: 'mallory', name: '冒名', department: [4], main_department: 4 }));
    const res = await fetch(`${t.bot.url}/wecom/contacts-callback?${wrong.query}`, { method: 'POST', body: wrong.body });
    expect(res.status).toBe(401);
    expect(await t.database.prisma.inboxMessage.count()).toBe(before);
    expect(await staff('mallory')).toBeNull();
    t.wecom.contacts.remove('mallory');
  });

  it('adds a member on create_user, and the file\'s post applies to her: with A on leave, a transfer to A reaches her', async () => {
    await deliver(t.wecom.contacts.add({ userid: 'qianwen', name: '钱文', department: [4], main_department: 4 }));
    expect(await staff('qianwen')).toMatchObject({ name: '钱文', department: 'xhb', active: true });

    const [leave] = await t.say('zhouhang', '请假 12月1日 12月2日 培训');
    expect(leave).toContain('钱文');
    const no = await register(t, 'lihua', '登记 来电 咨询 张三 学会入会手续');
    const [reply] = await t.say('lihua', `转办 #${no} 周航`);
    expect(reply).toContain('由钱文（B岗顶岗）代为办理');
    expect(inboxOf(t, 'qianwen').at(-1)).toContain(`#${no}`);
  });

  it('moves a member on update_user, with the membership history kept', async () => {
    await deliver(t.wecom.contacts.move('lihua', [4, 3]));
    expect(await staff('lihua')).toMatchObject({ department: 'xhb', active: true });
    const history = await t.database.prisma.staffMembership.findMany({ where: { userid: 'lihua' }, orderBy: { id: 'asc' } });
    expect(history.map((h) => [h.department, h.to === null])).toEqual([['kpb', false], ['xhb', true]]);
    // A repeated or late event changes nothing more.
    await deliver(t.wecom.contacts.move('lihua', [4, 3]));
    expect(await t.database.prisma.staffMembership.count({ where: { userid: 'lihua' } })).toBe(2);
  });

  it('removes a member on delete_user: their open cases go to B, the head gets the list, B gets theirs', async () => {
    await t.say('zhouhang', '销假');
    const first = await register(t, 'zhouhang', '登记 来人 审核 李四 学会会员登记材料');
    const second = await register(t, 'zhouhang', '登记 来电 咨询 王五 学会年检');
    const headBefore = inboxOf(t, 'sunli').length;
    const bBefore = inboxOf(t, 'qianwen').length;
    const removed = t.wecom.contacts.remove('zhouhang');
    await deliver(removed);

    expect(await staff('zhouhang')).toMatchObject({ active: false });
    for (const no of [first, second]) expect((await t.database.prisma.case.findUnique({ where: { no } }))!.handler).toBe('qianwen');
    const [report, ...moreToHead] = inboxOf(t, 'sunli').slice(headBefore);
    expect(moreToHead).toEqual([]);
    expect(report).toContain('周航已不在企业微信通讯录中');
    expect(report).toContain(`#${first} 李四`);
    expect(report).toContain(`#${second} 王五`);
    expect(report).toContain('转交钱文');
    expect(inboxOf(t, 'qianwen').slice(bBefore)).toEqual([expect.stringContaining(`【接办】周航已离开单位，以下 3 件事项转由您办理`)]);
    const history = (await t.api(`/api/cases/${first}`)).body.history as { action: string }[];
    expect(history.map((h) => h.action)).toContain('handed_over_on_leaving');
    // The same event again, and a late copy, hand nothing over twice.
    const told = inboxOf(t, 'sunli').length + inboxOf(t, 'qianwen').length;
    await deliver(removed);
    await deliver(removed.replace(/<CreateTime>(\d+)</, (_m, n: string) => `<CreateTime>${Number(n) + 60}<`));
    expect(inboxOf(t, 'sunli').length + inboxOf(t, 'qianwen').length).toBe(told);
  });

  it('keeps the cases with a member whose userid changed (NewUserID), and tells nobody', async () => {
    const no = await register(t, 'chenjing', '登记 来电 咨询 孙九 科普讲座安排');
    const headBefore = inboxOf(t, 'chenjing').length;
    await deliver(t.wecom.contacts.rename('chenjing', 'chenjing2'));
    expect(await staff('chenjing')).toMatchObject({ active: false });
    expect(await staff('chenjing2')).toMatchObject({ name: '陈静', department: 'kpb', active: true });
    expect((await t.database.prisma.case.findUnique({ where: { no } }))!.handler).toBe('chenjing2');
    expect(inboxOf(t, 'chenjing').length).toBe(headBefore);
    expect(inboxOf(t, 'chenjing2')).toEqual([]);
  });

  it('reads update_user for someone WeCom no longer has (60111) as leaving', async () => {
    const gone = t.wecom.contacts.add({ userid: 'temp01', name: '临时工', department: [5], main_department: 5 });
    await deliver(gone);
    expect(await staff('temp01')).toMatchObject({ active: true, department: 'wecom-5' });
    t.wecom.contacts.remove('temp01');
    await deliver(gone.replace('create_user', 'update_user'));
    expect(await staff('temp01')).toMatchObject({ active: false });
  });

  it('evaluates each person in the department they were in, a leaver included', async () => {
    const { status, body } = await t.api('/api/evaluations/2026-H2');
    expect(status).toBe(200);
    const person = (userid: string) => body.people.find((p: { userid: string }) => p.userid === userid);
    expect(person('lihua')).toMatchObject({ department: 'xhb' });
    expect(person('zhouhang')).toMatchObject({ name: '周航', department: 'xhb' });
    expect(person('qianwen')).toMatchObject({ department: 'xhb' });
  });

  it('catches a change whose event was missed at the hourly sync', async () => {
    t.wecom.contacts.move('sunli', [2]);
    const result = await t.bot.contacts!.syncNow();
    expect(result).toMatchObject({ moved: ['sunli'], left: [], joined: [] });
    expect(await staff('sunli')).toMatchObject({ department: 'bgs' });
    // The operator is told what the file still names: 陈静 (renamed) as head, 周航 (left) as A.
    const warning = t.logLines.filter((l) => l.includes('names people who are not in WeCom')).at(-1)!;
    expect(warning).toContain('"role":"head","where":"kpb","userid":"chenjing"');
    expect(warning).toContain('"role":"post_a","where":"xhb/学会服务","userid":"zhouhang"');
  });

  it('keeps all of it over a restart: the file is applied again and a WeCom that lists nobody changes nothing', async () => {
    const database = t.database;
    await t.bot.stop();
    await t.wecom.close();
    firstDatabase = database;
    // The new look-alike's 通讯录 is empty (a visible range not set): the start-up sync must not read that as "everyone left".
    const again = await startTestBot({ backend, database, orgFile: ORG, now: TUESDAY, contacts: {} });
    t = again;
    {
      const s = (userid: string) => database.prisma.staff.findUnique({ where: { userid } });
      expect(await s('qianwen')).toMatchObject({ active: true, department: 'xhb' });
      expect(await s('lihua')).toMatchObject({ active: true, department: 'xhb' });
      expect(await s('sunli')).toMatchObject({ active: true, department: 'bgs' });
      expect(await s('zhouhang')).toMatchObject({ active: false });
      expect(await database.prisma.staff.count({ where: { active: true } })).toBe(9);
      expect(again.logLines.some((l) => l.includes('"level":50') && l.includes('lists nobody'))).toBe(true);
      // The file still decides the posts.
      expect(await database.prisma.post.findFirst({ where: { name: '学会服务' } })).toMatchObject({ a: 'zhouhang', b: 'qianwen' });
    }
  });
});
