import { SYSTEM_ACTOR } from '../../domain/case/authorization.ts';
import type { CaseRecord } from '../../domain/case/case.ts';
import { appendEvent, listActiveCasesFor, updateCase } from '../../db/case-repository.ts';
import { successorOf } from '../../db/coverage-repository.ts';
import { canonicalUserid, findDepartmentByKey, loadOffice, staffNames } from '../../db/org-repository.ts';
import {
  deactivateMember,
  departmentKeysByWecomId,
  ensureWecomDepartment,
  findRosterEntry,
  listRoster,
  upsertMember,
  type RosterEntry,
} from '../../db/roster-repository.ts';
import type { Tx } from '../../db/transaction.ts';
import { renderCasesTakenOver, renderLeaverReport, type HandedOver } from '../../messages/contacts-replies.ts';
import type { WeComDepartment, WeComDirectory, WeComMember } from '../../wecom/contacts-api.ts';
import type { InboundContactChange } from '../../wecom/inbound-schema.ts';
import type { UseCaseContext } from '../context.ts';

/** Where the contacts come from: WeCom's API in production, the look-alike's in tests and the sandbox. */
export interface ContactsSource {
  directory(): Promise<WeComDirectory>;
  member(userid: string): Promise<WeComMember | null>;
  departments(): Promise<WeComDepartment[]>;
}

export interface ContactsSyncResult {
  joined: string[];
  moved: string[];
  left: string[];
  /** Open cases that went to someone else because their handler left. */
  handedOver: number;
}

type SyncContext = Pick<UseCaseContext, 'tx' | 'now' | 'send'>;

/** On the roster: active (1) and not yet activated (4); disabled (2) and left (5) are not. */
const ON_ROSTER = new Set([1, 4]);

const emptyResult = (): ContactsSyncResult => ({ joined: [], moved: [], left: [], handedOver: 0 });

/**
 * Makes the roster match WeCom (start-up, hourly, a department change). WeCom owns who exists and in
 * which department; posts, heads, leaders and services stay the organization file's. Callers guard
 * against an empty or partial directory: everyone not in it is treated as gone.
 */
export async function applyDirectory(ctx: SyncContext, dir: WeComDirectory): Promise<ContactsSyncResult> {
  const result = emptyResult();
  const keys = await departmentKeysFor(ctx.tx, dir.departments);
  const roster = await listRoster(ctx.tx);
  const byLower = new Map(roster.map((r) => [r.userid.toLowerCase(), r]));
  const present = new Set<string>();
  for (const m of dir.members) {
    const department = keys.get(m.mainDepartment);
    if (!ON_ROSTER.has(m.status) || department === undefined) continue;
    const have = byLower.get(m.userid.toLowerCase());
    const userid = have?.userid ?? m.userid;
    present.add(userid);
    await place(ctx, { userid, name: m.name, department }, have, result);
  }
  for (const r of roster) if (r.active && !present.has(r.userid)) await memberLeft(ctx, r.userid, result);
  return result;
}

/**
 * One change_contact event (96302). It carries only ids, so the member is read again (user/get): a late
 * or repeated event acts on what WeCom says now. A department change reads the whole directory.
 */
export async function applyContactChange(ctx: SyncContext, source: ContactsSource, msg: InboundContactChange): Promise<ContactsSyncResult> {
  const result = emptyResult();
  if (msg.changeType.endsWith('_party')) return applyDirectory(ctx, await source.directory());
  if (!msg.userId) return result;
  const old = await canonicalUserid(ctx.tx, msg.userId);
  if (msg.changeType === 'delete_user') {
    await memberLeft(ctx, old, result);
    return result;
  }
  if (msg.changeType !== 'create_user' && msg.changeType !== 'update_user') return result;
  // A changed userid (NewUserID) is the same person under a new id: their cases follow them.
  const renamed = msg.newUserId !== undefined && msg.newUserId.toLowerCase() !== msg.userId.toLowerCase();
  const userid = renamed ? msg.newUserId! : old;
  const m = await source.member(userid);
  if (!m || !ON_ROSTER.has(m.status)) {
    await memberLeft(ctx, renamed ? old : userid, result);
    return result;
  }
  let department = (await departmentKeysByWecomId(ctx.tx)).get(m.mainDepartment);
  // A department new to the bot: its name is read once (renames come as update_party, a whole sync).
  if (department === undefined) {
    const d = (await source.departments()).find((x) => x.id === m.mainDepartment);
    if (d) department = (await departmentKeysFor(ctx.tx, [d])).get(d.id);
  }
  if (department === undefined) return result;
  const have = (await findRosterEntry(ctx.tx, await canonicalUserid(ctx.tx, userid))) ?? undefined;
  await place(ctx, { userid: have?.userid ?? userid, name: m.name, department }, have, result);
  if (renamed) await memberLeft(ctx, old, result, have?.userid ?? userid);
  return result;
}

/** Department keys by WeCom id: the file's mapping, else a `wecom-<id>` department that follows WeCom's name. */
async function departmentKeysFor(tx: Tx, departments: readonly WeComDepartment[]): Promise<Map<number, string>> {
  const keys = await departmentKeysByWecomId(tx);
  for (const d of departments) {
    const key = keys.get(d.id);
    if (key === undefined || key.startsWith('wecom-')) keys.set(d.id, await ensureWecomDepartment(tx, d));
  }
  return keys;
}

async function place(ctx: SyncContext, m: { userid: string; name: string; department: string }, have: RosterEntry | undefined, result: ContactsSyncResult): Promise<void> {
  if (have && have.active && have.name === m.name && have.department === m.department) return;
  await upsertMember(ctx.tx, m, ctx.now);
  if (!have || !have.active) result.joined.push(m.userid);
  else if (have.department !== m.department) result.moved.push(m.userid);
}

/**
 * Someone left WeCom (or the app's sight): off the roster, and their open cases go to whoever would
 * cover them (B, stand-in, head); the head gets the list, the new holder theirs. With `handTo` (the
 * same person under a new userid) the cases simply follow them.
 */
async function memberLeft(ctx: SyncContext, userid: string, result: ContactsSyncResult, handTo?: string): Promise<void> {
  if (!(await deactivateMember(ctx.tx, userid, ctx.now))) return;
  result.left.push(userid);
  // listActiveCasesFor also gives the cases they first took; only those they hold move.
  const open = (await listActiveCasesFor(ctx.tx, [userid])).filter((c) => c.handler === userid);
  if (open.length === 0) return;
  const to = handTo ?? (await successorOf(ctx.tx, userid, ctx.now))?.userid ?? null;
  const handed: HandedOver[] = [];
  for (const c of open) {
    if (!to) {
      handed.push({ case: c, to: null });
      continue;
    }
    const after = await updateCase(ctx.tx, c, { handler: to });
    await appendEvent(ctx.tx, c.no, { at: ctx.now, actor: SYSTEM_ACTOR, action: 'handed_over_on_leaving', detail: { from: userid, to } });
    handed.push({ case: after, to });
  }
  result.handedOver += handed.filter((h) => h.to !== null).length;
  // A changed userid is the same person keeping their cases: nobody needs telling.
  if (!handTo) await tellAboutLeaver(ctx, userid, handed, to);
}

async function tellAboutLeaver(ctx: SyncContext, leaver: string, handed: HandedOver[], to: string | null): Promise<void> {
  const staff = await findRosterEntry(ctx.tx, leaver);
  const dept = staff ? await findDepartmentByKey(ctx.tx, staff.department) : null;
  // A head who left is reported to the office's head instead.
  const head = dept?.head && dept.head !== leaver ? dept.head : ((await loadOffice(ctx.tx))?.head ?? null);
  const names = await staffNames(ctx.tx, [leaver, ...handed.flatMap((h) => (h.to ? [h.to] : []))]);
  const key = `leaver:${leaver}:${ctx.now.getTime()}`;
  if (head) ctx.send({ key: `${key}:head`, toUser: head, kind: 'text', payload: { content: renderLeaverReport(leaver, handed, names, ctx.now) } });
  if (to && to !== head) {
    const cases: CaseRecord[] = handed.map((h) => h.case);
    ctx.send({ key: `${key}:to`, toUser: to, kind: 'text', payload: { content: renderCasesTakenOver(leaver, cases, names, ctx.now) } });
  }
}
