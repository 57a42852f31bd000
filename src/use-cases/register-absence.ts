import type { AbsenceRecord } from '../domain/absence/absence.ts';
import { checkLeave, type LeaveProblem } from '../domain/absence/check-leave.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import type { Cover } from '../domain/coverage/who-covers.ts';
import { insertAbsence, listAbsencesOf } from '../db/absence-repository.ts';
import { listActiveCasesFor } from '../db/case-repository.ts';
import { absenceAt, awayAt, coverFor, listCoveredPeople, postsHeldBy } from '../db/coverage-repository.ts';
import { staffNames } from '../db/org-repository.ts';
import { bPostRole, COVER_ROLE_ZH, HEAD_COVERS, renderHandover, renderInheritedCover } from '../messages/absence-replies.ts';
import type { UseCaseContext } from './context.ts';

/** Someone the sender was covering, and who acts for them once the sender is away too (R7 §4). */
export interface PassedOnCover {
  absent: string;
  to: Cover | null;
}

export type RegisterAbsenceResult =
  | { kind: 'registered'; absence: AbsenceRecord; cover: Cover | null; handover: CaseRecord[]; passedOn: PassedOnCover[]; names: Map<string, string> }
  | { kind: 'rejected'; problems: LeaveProblem[] };

/**
 * 请假 起 止 [事由] (R7): stores the absence and hands over. Whoever will cover at its start gets the
 * handover note with the open cases; the other B holders of the person's posts are told who covers.
 */
export async function registerAbsence(ctx: UseCaseContext, input: { from: Date; to: Date; reason?: string; source?: string }): Promise<RegisterAbsenceResult> {
  const me = ctx.actor.userid;
  const problems = checkLeave(input, await listAbsencesOf(ctx.tx, me, input.from), ctx.now);
  if (problems.length > 0) return { kind: 'rejected', problems };

  const start = input.from > ctx.now ? input.from : ctx.now;
  // Asked before the leave is stored: the absent colleagues the sender covers when it starts.
  const covering = await listCoveredPeople(ctx.tx, me, start);
  const absence = await insertAbsence(ctx.tx, { userid: me, from: input.from, to: input.to, reason: input.reason ?? null, createdAt: ctx.now, ...(input.source !== undefined && { source: input.source }) });
  const cover = await coverFor(ctx.tx, me, start);
  const handover = (await listActiveCasesFor(ctx.tx, [me])).filter((c) => c.handler === me);
  const posts = await postsHeldBy(ctx.tx, me);
  const bHolders = posts.flatMap((p) => (p.b && p.b !== me ? [p.b] : []));
  const awayAtStart = await awayAt(ctx.tx, bHolders, start);
  // AB岗 §4: whoever is next in line for those colleagues inherits their cases, and must hear of it.
  const passedOn: PassedOnCover[] = [];
  for (const c of covering) passedOn.push({ absent: c.handler, to: await coverFor(ctx.tx, c.handler, start) });
  const people = passedOn.flatMap((p) => [p.absent, ...(p.to ? [p.to.userid] : [])]);
  const names = await staffNames(ctx.tx, [me, ...(cover ? [cover.userid] : []), ...bHolders, ...people]);
  const name = (u: string) => names.get(u) ?? u;

  const told = new Set<string>();
  if (cover && cover.via !== 'handler') {
    const role = cover.via === 'b' ? bPostRole(postNames(posts, cover.userid)) : COVER_ROLE_ZH[cover.via];
    ctx.send(note(absence.id, cover.userid, renderHandover(name(me), absence, role, handover, name(cover.userid), ctx.now)));
    told.add(cover.userid);
  }
  for (const b of bHolders) {
    if (told.has(b) || awayAtStart.has(b)) continue;
    told.add(b);
    const coverName = cover && cover.via !== 'handler' ? name(cover.userid) : HEAD_COVERS;
    ctx.send(note(absence.id, b, renderHandover(name(me), absence, bPostRole(postNames(posts, b)), null, coverName, ctx.now)));
  }
  for (const p of passedOn) {
    if (!p.to || p.to.via === 'handler' || p.to.userid === me) continue;
    const cases = (await listActiveCasesFor(ctx.tx, [p.absent])).filter((c) => c.handler === p.absent);
    const theirs = await absenceAt(ctx.tx, p.absent, start);
    const content = renderInheritedCover(name(me), absence, name(p.absent), theirs, p.to.via, cases, ctx.now);
    ctx.send({ key: `leave:${absence.id}:inherit:${p.absent}:${p.to.userid}`, toUser: p.to.userid, kind: 'text', payload: { content } });
  }
  return { kind: 'registered', absence, cover, handover, passedOn, names };
}

function postNames(posts: { name: string; b: string | null }[], b: string): string {
  return posts
    .filter((p) => p.b === b)
    .map((p) => p.name)
    .join('、');
}

function note(absenceId: number, toUser: string, content: string) {
  return { key: `leave:${absenceId}:to:${toUser}`, toUser, kind: 'text' as const, payload: { content } };
}
