import { buildContactChangeXml } from '../build-system-event-xml.ts';

/** A department of the look-alike's 通讯录. */
export interface FakeDepartment {
  id: number;
  name: string;
  parentid: number;
}

/** A member of the look-alike's 通讯录 (user/get's fields that the bot reads). */
export interface FakeMember {
  userid: string;
  name: string;
  department: number[];
  main_department: number;
  /** 1 active, 2 disabled, 4 not activated, 5 left. */
  status: number;
}

/**
 * The 通讯录: department/list, user/list and user/get read it; each change returns the change_contact
 * event WeCom would send to the 通讯录同步 callback (decrypted XML; the caller signs and posts it).
 */
export interface FakeContacts {
  setDepartments(departments: FakeDepartment[]): void;
  addDepartment(d: FakeDepartment): string;
  add(m: Omit<FakeMember, 'status'> & { status?: number }): string;
  /** Moves a member to other departments (the first is the main one). */
  move(userid: string, department: number[]): string;
  remove(userid: string): string;
  /** Changes a member's userid (WeCom allows it once per member): update_user with NewUserID. */
  rename(userid: string, newUserid: string): string;
  departmentList(): FakeDepartment[];
  /** Members directly in the department (no fetch_child, as current docs have it); undefined: no such department. */
  userList(departmentId: number): FakeMember[] | undefined;
  userGet(userid: string): FakeMember | undefined;
}

export function createFakeContacts(o: { corpId: string; now: () => number }): FakeContacts {
  const departments = new Map<number, FakeDepartment>();
  const members = new Map<string, FakeMember>();
  const key = (userid: string) => userid.toLowerCase();
  const event = (f: Omit<Parameters<typeof buildContactChangeXml>[0], 'toUser' | 'createTime'>) =>
    buildContactChangeXml({ toUser: o.corpId, createTime: Math.floor(o.now() / 1000), ...f });
  const get = (userid: string) => {
    const m = members.get(key(userid));
    if (!m) throw new Error(`fake WeCom: no member ${userid}`);
    return m;
  };
  return {
    setDepartments(list) {
      departments.clear();
      for (const d of list) departments.set(d.id, { ...d });
    },
    addDepartment(d) {
      departments.set(d.id, { ...d });
      return event({ changeType: 'create_party', departmentId: d.id });
    },
    add(m) {
      members.set(key(m.userid), { ...m, status: m.status ?? 1 });
      return event({ changeType: 'create_user', userId: m.userid, departments: m.department });
    },
    move(userid, department) {
      const m = get(userid);
      m.department = [...department];
      m.main_department = department[0]!;
      return event({ changeType: 'update_user', userId: m.userid, departments: department });
    },
    remove(userid) {
      const m = get(userid);
      members.delete(key(userid));
      return event({ changeType: 'delete_user', userId: m.userid });
    },
    rename(userid, newUserid) {
      const m = get(userid);
      members.delete(key(userid));
      members.set(key(newUserid), { ...m, userid: newUserid });
      return event({ changeType: 'update_user', userId: m.userid, newUserId: newUserid, departments: m.department });
    },
    departmentList: () => [...departments.values()].sort((a, b) => a.id - b.id),
    userList(departmentId) {
      if (!departments.has(departmentId)) return undefined;
      return [...members.values()].filter((m) => m.department.includes(departmentId));
    },
    userGet: (userid) => members.get(key(userid)),
  };
}
