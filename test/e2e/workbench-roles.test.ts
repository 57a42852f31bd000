import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { signIn, type WorkbenchClient } from '../support/workbench-client.ts';

const WORKBENCH_ORG = new URL('../fixtures/org/workbench-org.yaml', import.meta.url).pathname;

/** Every role of the organization, one person each (test/fixtures/org/workbench-org.yaml). */
const PEOPLE = {
  office: 'liuyang',
  principal: 'zhangwei',
  leader: 'wangqiang', // supervising leader of 科普部 only
  head: 'chenjing', // head of 科普部
  handler: 'lihua', // 科普部 staff, handles the 科普部 case
  bHolder: 'zhaomin', // lihua's B, present
  otherClerk: 'wufang', // 学会学术部 staff, handles the 学会学术部 case
} as const;
type Role = keyof typeof PEOPLE;
const ROLES = Object.keys(PEOPLE) as Role[];

/**
 * Who sees what, through every workbench page and JSON endpoint, as each role; and 查 in chat by
 * the same rule. Refusals are 403 with a page in Chinese; phones are whole only for the handler.
 */
describe('workbench visibility by role', () => {
  let t: TestBot;
  let kpb: number;
  let xsb: number;
  const clients = new Map<Role, WorkbenchClient>();

  beforeAll(async () => {
    t = await startTestBot({ orgFile: WORKBENCH_ORG, now: new Date('2026-12-01T09:30:00+08:00') });
    const [a] = await t.say('lihua', '登记 来电 审核 张三 13812340000 科普项目申报材料');
    const [b] = await t.say('wufang', '登记 来人 咨询 王五 13900001111 学术年会报名');
    kpb = Number(/#(\d+)/.exec(a!)![1]);
    xsb = Number(/#(\d+)/.exec(b!)![1]);
    for (const role of ROLES) clients.set(role, await signIn(t, PEOPLE[role]));
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const everyone = ROLES;
  const overviewers: Role[] = ['office', 'principal', 'leader'];
  const routes = (): { path: string; open: readonly Role[]; redirect?: readonly Role[] }[] => [
    { path: '/app/me', open: everyone },
    { path: '/app/api/me', open: everyone },
    { path: '/app/cases', open: everyone },
    { path: '/app/api/cases', open: everyone },
    { path: `/app/cases/${kpb}`, open: ['office', 'principal', 'leader', 'head', 'handler'] },
    { path: `/app/api/cases/${kpb}`, open: ['office', 'principal', 'leader', 'head', 'handler'] },
    { path: `/app/cases/${xsb}`, open: ['office', 'principal', 'otherClerk'] },
    { path: `/app/api/cases/${xsb}`, open: ['office', 'principal', 'otherClerk'] },
    { path: '/app/departments', open: ['office', 'principal'], redirect: ['leader', 'head'] },
    { path: '/app/departments/kpb', open: ['office', 'principal', 'leader', 'head'] },
    { path: '/app/departments/xsb', open: ['office', 'principal'] },
    { path: '/app/overview', open: overviewers },
    { path: '/app/api/overview', open: overviewers },
    { path: '/app/records', open: ['office'] },
    { path: '/app/evaluations', open: overviewers },
    { path: '/app/evaluations/2026-H2', open: overviewers },
    { path: '/app/evaluations/2026-H2.xlsx', open: overviewers },
    { path: '/app/bulletins/2026-11', open: overviewers },
  ];

  it('opens each page and endpoint to its roles and answers 403 (in Chinese on pages) to everyone else', async () => {
    const seen: string[] = [];
    for (const route of routes()) {
      for (const role of ROLES) {
        const res = await clients.get(role)!.get(route.path);
        const expected = route.open.includes(role) ? 200 : route.redirect?.includes(role) ? 302 : 403;
        seen.push(`${role} ${route.path} ${res.status}`);
        expect(`${role} ${route.path} ${res.status}`).toBe(`${role} ${route.path} ${expected}`);
        const body = route.path.endsWith('.xlsx') && res.status === 200 ? '' : await res.text();
        if (res.status === 403 && !route.path.startsWith('/app/api/')) {
          expect(body).toContain('无权查看');
          expect(res.headers.get('content-type')).toContain('text/html');
        }
        if (res.status === 403 && route.path.startsWith('/app/api/')) expect(JSON.parse(body)).toEqual({ error: 'forbidden' });
      }
    }
    expect(seen).toHaveLength(routes().length * ROLES.length);
  });

  it('lists only the cases in sight', async () => {
    const list = async (role: Role) => ((await (await clients.get(role)!.get('/app/api/cases')).json()) as { cases: { no: number }[] }).cases.map((c) => c.no).sort();
    expect(await list('office')).toEqual([kpb, xsb].sort());
    expect(await list('principal')).toEqual([kpb, xsb].sort());
    expect(await list('leader')).toEqual([kpb]);
    expect(await list('head')).toEqual([kpb]);
    expect(await list('handler')).toEqual([kpb]);
    expect(await list('bHolder')).toEqual([]);
    expect(await list('otherClerk')).toEqual([xsb]);
    const page = await (await clients.get('head')!.get('/app/cases')).text();
    expect(page).toContain(`#${kpb} 张三`);
    expect(page).not.toContain(`#${xsb} `);
  });

  it('masks the phone for everyone but whoever handles the case, on the page, in JSON and in 查', async () => {
    const pageOf = async (role: Role) => (await clients.get(role)!.get(`/app/cases/${kpb}`)).text();
    expect(await pageOf('handler')).toContain('13812340000');
    for (const role of ['office', 'principal', 'leader', 'head'] as const) {
      const html = await pageOf(role);
      expect(html).toContain('138****0000');
      expect(html).not.toContain('13812340000');
    }
    const json = (await (await clients.get('head')!.get(`/app/api/cases/${kpb}`)).json()) as { phone: string };
    expect(json.phone).toBe('138****0000');
    const [byHead] = await t.say('chenjing', `查 #${kpb}`);
    expect(byHead).toContain('138****0000');
    expect(byHead).toContain(`/app/cases/${kpb}`);
    const [byHandler] = await t.say('lihua', `查 #${kpb}`);
    expect(byHandler).toContain('13812340000');
  });

  it('查 refuses a case out of sight and says nothing of it', async () => {
    const [refused] = await t.say('wufang', `查 #${kpb}`);
    expect(refused).toContain(`您无权查看 #${kpb}`);
    expect(refused).not.toContain('张三');
    const [byB] = await t.say('zhaomin', `查 #${kpb}`);
    expect(byB).toContain('您无权查看');
  });

  it('lets the B holder see (and handle) the case while the handler is away', async () => {
    await t.say('lihua', '请假 12月2日 12月3日 年休假');
    t.clock.set(new Date('2026-12-02T10:00:00+08:00'));
    const res = await clients.get('bHolder')!.get(`/app/cases/${kpb}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('13812340000');
    expect(html).toContain('value="finish"');
    const [shown] = await t.say('zhaomin', `查 #${kpb}`);
    expect(shown).toContain('13812340000');
  });

  it('refuses actions on a case out of sight and office forms to others, changing nothing', async () => {
    const res = await clients.get('otherClerk')!.post(`/app/cases/${kpb}/actions`, { action: 'finish', args: '已办', nonce: 'x1' });
    expect(res.status).toBe(403);
    const record = await clients.get('head')!.post('/app/records/1/decision', { decision: 'criticism', nonce: 'x2' });
    expect(record.status).toBe(403);
    const api = (await (await clients.get('office')!.get(`/app/api/cases/${kpb}`)).json()) as { status: string };
    expect(api.status).toBe('OPEN');
  });
});
