import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWeComApiClient } from '../../src/wecom/api-client.ts';
import { fetchDirectory, fetchMember } from '../../src/wecom/contacts-api.ts';
import { startFakeWeComApiServer, type FakeWeComApiServer } from '../fakes/fake-wecom-server.ts';

const corpId = 'wwcontacts';
const secret = 'contacts-secret';
let server: FakeWeComApiServer;
beforeEach(async () => {
  server = await startFakeWeComApiServer({ corpId, secret, agentId: 1000002 });
  server.contacts.setDepartments([
    { id: 1, name: '单位', parentid: 0 },
    { id: 2, name: '办公室', parentid: 1 },
    { id: 3, name: '科普部', parentid: 1 },
  ]);
});
afterEach(async () => server.close());
const api = () => createWeComApiClient({ baseUrl: server.url, corpId, secret, agentId: 1000002, maxRetries: 0 });

describe('reading WeCom contacts', () => {
  it('reads every department of the visible range and places a member in two of them by main_department, once', async () => {
    server.contacts.add({ userid: 'lihua', name: '李华', department: [2, 3], main_department: 3 });
    server.contacts.add({ userid: 'liuyang', name: '刘洋', department: [2], main_department: 2, status: 4 });
    const dir = await fetchDirectory(api());
    expect(dir.departments.map((d) => [d.id, d.name, d.parentId])).toEqual([[1, '单位', 0], [2, '办公室', 1], [3, '科普部', 1]]);
    expect(dir.members.sort((a, b) => a.userid.localeCompare(b.userid))).toEqual([
      { userid: 'lihua', name: '李华', mainDepartment: 3, status: 1 },
      { userid: 'liuyang', name: '刘洋', mainDepartment: 2, status: 4 },
    ]);
    // One user/list per department, no fetch_child (45029 stays away on big units).
    expect(server.calls.filter((c) => c.path === '/cgi-bin/user/list').map((c) => c.query['department_id'])).toEqual(['1', '2', '3']);
  });

  it('reads one member, and a userid WeCom does not know (60111) as gone', async () => {
    server.contacts.add({ userid: 'lihua', name: '李华', department: [3], main_department: 3 });
    expect(await fetchMember(api(), 'lihua')).toEqual({ userid: 'lihua', name: '李华', mainDepartment: 3, status: 1 });
    expect(await fetchMember(api(), 'nobody')).toBeNull();
  });

  it('passes any other failure on, so that a sync changes nothing on it', async () => {
    server.failNext({ path: '/cgi-bin/user/list', httpStatus: 502 });
    await expect(fetchDirectory(api())).rejects.toMatchObject({ name: 'WeComNetworkError', httpStatus: 502 });
    server.failNext({ path: '/cgi-bin/user/get', errcode: 60020, errmsg: 'not allow to access from your ip' });
    await expect(fetchMember(api(), 'lihua')).rejects.toMatchObject({ name: 'WeComApiError', errcode: 60020 });
  });
});
