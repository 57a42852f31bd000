import type { DepartmentInfo } from '../domain/org/org-records.ts';
import { checkStandIn, type StandInProblem } from '../domain/coverage/stand-in.ts';
import { effectiveEnd } from '../domain/absence/check-leave.ts';
import { listAbsencesOf } from '../db/absence-repository.ts';
import { recordReportedChange } from '../db/org-change-repository.ts';
import { departmentNames, departmentsHeadedBy, findStaffByRef, listPostsOf, loadOffice, readOrgSettings, setPostB, staffNames } from '../db/org-repository.ts';
import { insertStandIn, listStandInsOf } from '../db/stand-in-repository.ts';
import { renderOrgChangesReport, VACANT } from '../messages/org-change-replies.ts';
import {
  renderNoLongerB,
  renderStandInFiled,
  renderYouAreB,
  renderYouStandIn,
  type PersonProblem,
  type SetBProblem,
} from '../messages/head-change-replies.ts';
import type { UseCaseContext } from './context.ts';

async function personNamed(ctx: UseCaseContext, ref: string): Promise<{ userid: string } | PersonProblem> {
  const people = await findStaffByRef(ctx.tx, ref);
  if (people.length === 0) return { code: 'unknown_person', ref };
  if (people.length > 1) return { code: 'ambiguous_person', ref, candidates: people.map((p) => p.userid) };
  return { userid: people[0]!.userid };
}

/** Who the office files with: its head, else the principal (as the start-up report does). */
async function officeRecipient(ctx: UseCaseContext): Promise<string | null> {
  const office = await loadOffice(ctx.tx);
  return office?.head ?? (await readOrgSettings(ctx.tx)).principal;
}

export type SetBResult =
  | { kind: 'changed'; department: DepartmentInfo; post: string; oldB: string | null; newB: string; names: Map<string, string> }
  | { kind: 'rejected'; problems: SetBProblem[]; names: Map<string, string> }
  | { kind: 'not_head' };

/**
 * 设B岗 岗位 姓名 (R7 §5): the head of the post's department names its new B holder. The change is
 * recorded and filed with the office in the same step (当日报办公室备案); the new and the old B are told.
 */
export async function setBHolder(ctx: UseCaseContext, input: { post: string; person: string }): Promise<SetBResult> {
  const headed = await departmentsHeadedBy(ctx.tx, ctx.actor.userid);
  if (headed.length === 0) return { kind: 'not_head' };
  const problems: SetBProblem[] = [];
  const found: { dept: DepartmentInfo; post: { name: string; a: string; b: string | null } }[] = [];
  for (const dept of headed) for (const p of await listPostsOf(ctx.tx, dept.key)) if (p.name === input.post) found.push({ dept, post: p });
  if (found.length === 0) {
    const first = headed[0]!;
    problems.push({ code: 'unknown_post', ref: input.post, department: first.name, posts: (await listPostsOf(ctx.tx, first.key)).map((p) => p.name) });
  } else if (found.length > 1) problems.push({ code: 'ambiguous_post', ref: input.post, departments: found.map((f) => f.dept.name) });
  const person = await personNamed(ctx, input.person);
  if ('code' in person) problems.push(person);
  const target = found.length === 1 ? found[0]! : null;
  if (target && !('code' in person)) {
    if (person.userid === target.post.a) problems.push({ code: 'is_a', userid: person.userid });
    else if (person.userid === target.post.b) problems.push({ code: 'already_b', userid: person.userid });
  }
  const names = await staffNames(ctx.tx, 'code' in person ? [] : [person.userid]);
  if (problems.length > 0 || !target || 'code' in person) return { kind: 'rejected', problems, names };

  const { dept, post } = target;
  await setPostB(ctx.tx, dept.key, post.name, person.userid);
  const before = { a: post.a, b: post.b };
  const after = { a: post.a, b: person.userid };
  await recordReportedChange(ctx.tx, { at: ctx.now, kind: 'post_holders', subject: `${dept.key}/${post.name}`, before, after });

  const all = await staffNames(ctx.tx, [ctx.actor.userid, post.a, person.userid, ...(post.b ? [post.b] : [])]);
  const name = (u: string | null) => (u ? (all.get(u) ?? u) : VACANT);
  const key = `set-b:${ctx.sourceKey}`;
  const office = await officeRecipient(ctx);
  if (office) {
    const { unit } = await readOrgSettings(ctx.tx);
    const depts = await departmentNames(ctx.tx);
    const content = renderOrgChangesReport(unit, ctx.now, [{ at: ctx.now, department: depts.get(dept.key) ?? dept.key, post: post.name, before, after }], name);
    ctx.send({ key: `${key}:office`, toUser: office, kind: 'text', payload: { content } });
  }
  if (person.userid !== ctx.actor.userid) ctx.send({ key: `${key}:new`, toUser: person.userid, kind: 'text', payload: { content: renderYouAreB(ctx.actor.userid, dept.name, post.name, post.a, all) } });
  if (post.b && post.b !== ctx.actor.userid) ctx.send({ key: `${key}:old`, toUser: post.b, kind: 'text', payload: { content: renderNoLongerB(ctx.actor.userid, dept.name, post.name, person.userid, all) } });
  return { kind: 'changed', department: dept, post: post.name, oldB: post.b, newB: person.userid, names: all };
}

export type StandInResult =
  | { kind: 'named'; department: DepartmentInfo; userid: string; from: Date; to: Date; names: Map<string, string> }
  | { kind: 'rejected'; problems: (StandInProblem | PersonProblem)[]; names: Map<string, string> }
  | { kind: 'not_head' };

/**
 * 顶岗 姓名 起 止 (R7 §4: 部室负责人应主动顶岗或安排他人顶岗; R1 §3): the head names a stand-in for a
 * period, who then covers the department's absent people whose B is away too, in the head's place.
 * Filed with the office at once, like an AB change; the stand-in is told.
 */
export async function nameStandIn(ctx: UseCaseContext, input: { person: string; from: Date; to: Date }): Promise<StandInResult> {
  const [dept] = await departmentsHeadedBy(ctx.tx, ctx.actor.userid);
  if (!dept) return { kind: 'not_head' };
  const person = await personNamed(ctx, input.person);
  const existing = await listStandInsOf(ctx.tx, dept.key, input.from);
  const problems: (StandInProblem | PersonProblem)[] = [];
  if ('code' in person) problems.push(person);
  else {
    const absences = await listAbsencesOf(ctx.tx, person.userid, input.from);
    const away = absences.some((a) => a.from <= input.to && effectiveEnd(a) >= input.from);
    problems.push(...checkStandIn({ userid: person.userid, from: input.from, to: input.to, head: ctx.actor.userid }, existing, away, ctx.now));
  }
  const names = await staffNames(ctx.tx, ['code' in person ? '' : person.userid, ...existing.map((e) => e.userid)]);
  if (problems.length > 0 || 'code' in person) return { kind: 'rejected', problems, names };

  const s = await insertStandIn(ctx.tx, { department: dept.key, userid: person.userid, from: input.from, to: input.to, createdBy: ctx.actor.userid, at: ctx.now });
  await recordReportedChange(ctx.tx, { at: ctx.now, kind: 'stand_in', subject: dept.key, before: null, after: { userid: s.userid, from: s.from.toISOString(), to: s.to.toISOString(), by: ctx.actor.userid } });
  const all = await staffNames(ctx.tx, [ctx.actor.userid, person.userid]);
  const key = `stand-in:${s.id}`;
  const office = await officeRecipient(ctx);
  if (office) ctx.send({ key: `${key}:office`, toUser: office, kind: 'text', payload: { content: renderStandInFiled(ctx.actor.userid, person.userid, dept.name, s, all, ctx.now) } });
  ctx.send({ key: `${key}:to`, toUser: person.userid, kind: 'text', payload: { content: renderYouStandIn(ctx.actor.userid, dept.name, s, all, ctx.now) } });
  return { kind: 'named', department: dept, userid: person.userid, from: s.from, to: s.to, names: all };
}
