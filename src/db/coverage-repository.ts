import type { Tx } from './transaction.ts';
import { whoCovers, type Cover, type CoverVia } from '../domain/coverage/who-covers.ts';
import { ACTIVE_STATUSES, type CaseRecord } from '../domain/case/case.ts';
import { toCaseRecord } from './case-repository.ts';
import { standInAt } from './stand-in-repository.ts';

/** The people away at `at` among `userids` (a leave that was ended early no longer counts). */
export async function awayAt(db: Tx, userids: string[], at: Date): Promise<Set<string>> {
  const rows = await db.absence.findMany({
    where: { userid: { in: userids }, from: { lte: at }, to: { gte: at }, OR: [{ endedAt: null }, { endedAt: { gt: at } }] },
    select: { userid: true },
  });
  return new Set(rows.map((r) => r.userid));
}

/** Who covers `handler` at `at` (R7), read from the organization and the absences; someone who left counts as away. */
export async function coverFor(db: Tx, handler: string, at: Date): Promise<Cover | null> {
  return coverWith(db, handler, at, () => false);
}

/**
 * Who takes over the open cases of someone who left (AB岗 §4): whoever would cover them if they were
 * away (B, the stand-in, the head, the head's B); null when all of them are away or gone too.
 */
export async function successorOf(db: Tx, leaver: string, at: Date): Promise<Cover | null> {
  return coverWith(db, leaver, at, (u) => u === leaver);
}

async function coverWith(db: Tx, handler: string, at: Date, gone: (userid: string) => boolean): Promise<Cover | null> {
  const staff = await db.staff.findUnique({ where: { userid: handler } });
  const dept = staff ? await db.department.findUnique({ where: { key: staff.department } }) : null;
  const posts = staff ? await db.post.findMany({ where: { department: staff.department } }) : [];
  const standIn = staff ? await standInAt(db, staff.department, at) : null;
  const people = [handler, dept?.head ?? '', standIn ?? '', ...posts.flatMap((p) => [p.a, p.b ?? ''])].filter(Boolean);
  const away = await awayAt(db, people, at);
  const left = new Set((await db.staff.findMany({ where: { userid: { in: people }, active: false }, select: { userid: true } })).map((r) => r.userid));
  const isAway = (u: string) => gone(u) || away.has(u) || left.has(u);
  return whoCovers({ handler, isAway, posts: posts.map((p) => ({ a: p.a, b: p.b })), head: dept?.head ?? null, standIn });
}

/** A case whose handler is away and that `userid` covers (R7: B sees it in 待办). */
export interface CoveredCase {
  case: CaseRecord;
  via: CoverVia;
}

/** Active cases that `userid` covers at `at` because their handler is away. */
export async function listCoveredCases(db: Tx, userid: string, at: Date): Promise<CoveredCase[]> {
  const away = await db.absence.findMany({
    where: { from: { lte: at }, to: { gte: at }, OR: [{ endedAt: null }, { endedAt: { gt: at } }] },
    select: { userid: true },
  });
  const handlers = [...new Set(away.map((a) => a.userid))].filter((u) => u !== userid);
  if (handlers.length === 0) return [];
  const rows = await db.case.findMany({
    where: { status: { in: [...ACTIVE_STATUSES] }, handler: { in: handlers } },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { no: 'asc' }],
  });
  const covers = new Map<string, Cover | null>();
  for (const h of new Set(rows.map((r) => r.handler))) covers.set(h, await coverFor(db, h, at));
  return rows.flatMap((r) => {
    const cover = covers.get(r.handler);
    return cover && cover.userid === userid && cover.via !== 'handler' ? [{ case: toCaseRecord(r), via: cover.via }] : [];
  });
}

/** The absent people `userid` covers at `at` (R7): those whose B, head or head's B they are right then. */
export async function listCoveredPeople(db: Tx, userid: string, at: Date): Promise<{ handler: string; via: CoverVia }[]> {
  const away = await db.absence.findMany({
    where: { from: { lte: at }, to: { gte: at }, OR: [{ endedAt: null }, { endedAt: { gt: at } }] },
    select: { userid: true },
  });
  const out: { handler: string; via: CoverVia }[] = [];
  for (const handler of [...new Set(away.map((a) => a.userid))].filter((u) => u !== userid).sort()) {
    const cover = await coverFor(db, handler, at);
    if (cover && cover.userid === userid && cover.via !== 'handler') out.push({ handler, via: cover.via });
  }
  return out;
}

/** The absence of `userid` running at `at`, if any. */
export async function absenceAt(db: Tx, userid: string, at: Date): Promise<{ from: Date; to: Date; reason: string | null } | null> {
  return db.absence.findFirst({
    where: { userid, from: { lte: at }, to: { gte: at }, OR: [{ endedAt: null }, { endedAt: { gt: at } }] },
    select: { from: true, to: true, reason: true },
    orderBy: { from: 'asc' },
  });
}

/**
 * Whether nobody of a department (its active staff and its head) is at work at `now` (R7 §6: the
 * department still takes requests, queued for its return). A department with nobody in it counts as away.
 */
export async function departmentAllAway(db: Tx, deptKey: string, now: Date): Promise<boolean> {
  const dept = await db.department.findUnique({ where: { key: deptKey } });
  const staff = await db.staff.findMany({ where: { department: deptKey, active: true }, select: { userid: true } });
  const people = [...new Set([...staff.map((s) => s.userid), ...(dept?.head ? [dept.head] : [])])];
  if (people.length === 0) return true;
  const away = await awayAt(db, people, now);
  return people.every((p) => away.has(p));
}

/** The department's return (R7 §6): its active cases whose handler is away with nobody covering. */
export async function listUncoveredCases(db: Tx, deptKey: string, at: Date): Promise<CaseRecord[]> {
  const members = await db.staff.findMany({ where: { department: deptKey }, select: { userid: true } });
  const rows = await db.case.findMany({
    where: { status: { in: [...ACTIVE_STATUSES] }, OR: [{ department: deptKey }, { handler: { in: members.map((m) => m.userid) } }] },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { no: 'asc' }],
  });
  const away = await awayAt(db, [...new Set(rows.map((r) => r.handler))], at);
  const nobody = new Set<string>();
  for (const h of away) if ((await coverFor(db, h, at)) === null) nobody.add(h);
  return rows.filter((r) => nobody.has(r.handler)).map(toCaseRecord);
}

/** The posts `userid` holds as A, with their B holders (who are told of A's leave). */
export async function postsHeldBy(db: Tx, userid: string): Promise<{ department: string; name: string; b: string | null }[]> {
  return db.post.findMany({ where: { a: userid }, select: { department: true, name: true, b: true }, orderBy: { id: 'asc' } });
}
