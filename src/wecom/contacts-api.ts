import { z } from 'zod';
import type { WeComApiClient } from './api-client.ts';
import { WeComApiError } from './errors.ts';

/** A WeCom department as department/list (90208) returns it. */
export interface WeComDepartment {
  id: number;
  name: string;
  parentId: number;
}

/** A member as user/list and user/get (90200, 90196) return them, reduced to what the roster needs. */
export interface WeComMember {
  userid: string;
  name: string;
  /** main_department, else the first of `department`. */
  mainDepartment: number;
  /** 1 active, 2 disabled, 4 not activated, 5 left. */
  status: number;
}

export interface WeComDirectory {
  departments: WeComDepartment[];
  members: WeComMember[];
}

type ContactsApi = Pick<WeComApiClient, 'call'>;

const departmentAnswer = z.looseObject({
  department: z.array(z.looseObject({ id: z.number().int(), name: z.string(), parentid: z.number().int().default(0) })).default([]),
});
const member = z.looseObject({
  userid: z.string().min(1),
  name: z.string().default(''),
  department: z.array(z.number().int()).default([]),
  main_department: z.number().int().optional(),
  status: z.number().int().default(1),
});
const userListAnswer = z.looseObject({ userlist: z.array(member).default([]) });

/** userid not found (60111), or outside the app's visible range (60011): for the roster, gone. */
const NOT_A_MEMBER = new Set([60111, 60011]);

function toMember(m: z.infer<typeof member>): WeComMember | null {
  const main = m.main_department ?? m.department[0];
  if (main === undefined) return null;
  return { userid: m.userid, name: m.name || m.userid, mainDepartment: main, status: m.status };
}

/**
 * Everything the app may see: department/list without an id gives every department of the visible
 * range, and user/list is asked per department (current docs drop fetch_child, and one call per
 * department keeps a big unit under 45029's response limit). A member in several departments is one
 * member, placed by main_department.
 */
export async function fetchDirectory(api: ContactsApi): Promise<WeComDirectory> {
  const departments = await fetchDepartments(api);
  const members = new Map<string, WeComMember>();
  for (const d of departments) {
    const { userlist } = userListAnswer.parse(await api.call('GET', `/cgi-bin/user/list?department_id=${d.id}`));
    for (const raw of userlist) {
      const m = toMember(raw);
      if (m) members.set(m.userid.toLowerCase(), m);
    }
  }
  return { departments, members: [...members.values()] };
}

/** One member now (user/get), or null when WeCom no longer has them where the app can see. */
export async function fetchMember(api: ContactsApi, userid: string): Promise<WeComMember | null> {
  try {
    return toMember(member.parse(await api.call('GET', `/cgi-bin/user/get?userid=${encodeURIComponent(userid)}`)));
  } catch (err) {
    if (err instanceof WeComApiError && NOT_A_MEMBER.has(err.errcode)) return null;
    throw err;
  }
}

/** Every department of the app's visible range (department/list without an id, 90208). */
export async function fetchDepartments(api: ContactsApi): Promise<WeComDepartment[]> {
  const { department } = departmentAnswer.parse(await api.call('GET', '/cgi-bin/department/list'));
  return department.map((d) => ({ id: d.id, name: d.name, parentId: d.parentid }));
}
