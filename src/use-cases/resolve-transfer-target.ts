import type { CaseRecord } from '../domain/case/case.ts';
import type { TransferTarget } from '../domain/case/first-inquiry.ts';
import { postForCase } from '../domain/org/route-case.ts';
import { coverFor, departmentAllAway } from '../db/coverage-repository.ts';
import { findDepartment, findStaffByRef, listPostsOf } from '../db/org-repository.ts';
import type { UseCaseContext } from './context.ts';

/**
 * Who `转办 … 人名或部门` names. A person by name or userid; else a department, which resolves to the
 * post that handles the case (by its service, else its class), else the department head; in either
 * case to whoever covers them now (R7). Never to an arbitrary post: a department with no such post
 * and no head cannot take it by name. A department whose people are all away still takes the case
 * (R7 §6); the flag lets the caller tell the office.
 */
export async function resolveTransferTarget(ctx: UseCaseContext, ref: string, c: Pick<CaseRecord, 'serviceCode' | 'cls'>): Promise<TransferTarget> {
  const people = await findStaffByRef(ctx.tx, ref);
  const [person] = people;
  if (people.length > 1) return { kind: 'ambiguous', ref, candidates: people.map((p) => p.userid) };
  if (person) {
    const away = await departmentAllAway(ctx.tx, person.department, ctx.now);
    return { kind: 'resolved', userid: person.userid, department: person.department, via: 'person', departmentAway: away };
  }
  const dept = await findDepartment(ctx.tx, ref);
  if (!dept) return { kind: 'unknown', ref };
  const post = postForCase(await listPostsOf(ctx.tx, dept.key), c);
  const responsible = post?.a ?? dept.head;
  if (!responsible) return { kind: 'empty_department', ref };
  const cover = await coverFor(ctx.tx, responsible, ctx.now);
  const away = await departmentAllAway(ctx.tx, dept.key, ctx.now);
  return { kind: 'resolved', userid: cover?.userid ?? responsible, department: dept.key, via: 'department', departmentAway: away };
}
