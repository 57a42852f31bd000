import type { TransferTarget } from '../domain/case/first-inquiry.ts';
import { coverFor, departmentAllAway } from '../db/coverage-repository.ts';
import { findDepartment, findStaffByRef, listPostsOf } from '../db/org-repository.ts';
import type { UseCaseContext } from './context.ts';

/**
 * Who `转办 … 人名或部门` names. A person by name or userid; else a department, which resolves to the
 * A holder of its first post, else whoever covers them now (R7), else its head. A department whose
 * people are all away still takes the case (R7 §6); the flag lets the caller tell the office.
 */
export async function resolveTransferTarget(ctx: UseCaseContext, ref: string): Promise<TransferTarget> {
  const people = await findStaffByRef(ctx.tx, ref);
  const [person] = people;
  if (people.length > 1) return { kind: 'ambiguous', ref, candidates: people.map((p) => p.userid) };
  if (person) {
    const away = await departmentAllAway(ctx.tx, person.department, ctx.now);
    return { kind: 'resolved', userid: person.userid, department: person.department, via: 'person', departmentAway: away };
  }
  const dept = await findDepartment(ctx.tx, ref);
  if (!dept) return { kind: 'unknown', ref };
  const [first] = await listPostsOf(ctx.tx, dept.key);
  const cover = first ? await coverFor(ctx.tx, first.a, ctx.now) : null;
  const userid = cover?.userid ?? dept.head ?? first?.a ?? null;
  if (userid === null) return { kind: 'empty_department', ref };
  const away = await departmentAllAway(ctx.tx, dept.key, ctx.now);
  return { kind: 'resolved', userid, department: dept.key, via: 'department', departmentAway: away };
}
