import type { AbsenceRecord } from '../domain/absence/absence.ts';
import { checkLeave, type LeaveProblem } from '../domain/absence/check-leave.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import type { Cover } from '../domain/coverage/who-covers.ts';
import { insertAbsence, listAbsencesOf } from '../db/absence-repository.ts';
import { listActiveCasesFor } from '../db/case-repository.ts';
import { awayAt, coverFor, postsHeldBy } from '../db/coverage-repository.ts';
import { staffNames } from '../db/org-repository.ts';
import { bPostRole, COVER_ROLE_ZH, HEAD_COVERS, renderHandover } from '../messages/absence-replies.ts';
import type { UseCaseContext } from './context.ts';

export type RegisterAbsenceResult =
  | { kind: 'registered'; absence: AbsenceRecord; cover: Cover | null; handover: CaseRecord[]; names: Map<string, string> }
  | { kind: 'rejected'; problems: LeaveProblem[] };

/**
 * 请假 起 止 [事由] (R7): stores the absence and hands over. Whoever will cover at its start gets the
 * handover note with the open cases; the other B holders of the person's posts are told who covers.
 */
export async function registerAbsence(ctx: UseCaseContext, input: { from: Date; to: Date; reason?: string }): Promise<RegisterAbsenceResult> {
  const me = ctx.actor.userid;
  const problems = checkLeave(input, await listAbsencesOf(ctx.tx, me, input.from), ctx.now);
  if (problems.length > 0) return { kind: 'rejected', problems };

  const absence = await insertAbsence(ctx.tx, { userid: me, from: input.from, to: input.to, reason: input.reason ?? null, createdAt: ctx.now });
  const start = input.from > ctx.now ? input.from : ctx.now;
  const cover = await coverFor(ctx.tx, me, start);
  const handover = (await listActiveCasesFor(ctx.tx, [me])).filter((c) => c.handler === me);
  const posts = await postsHeldBy(ctx.tx, me);
  const bHolders = posts.flatMap((p) => (p.b && p.b !== me ? [p.b] : []));
  const awayAtStart = await awayAt(ctx.tx, bHolders, start);
  const names = await staffNames(ctx.tx, [me, ...(cover ? [cover.userid] : []), ...bHolders]);
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
  return { kind: 'registered', absence, cover, handover, names };
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
