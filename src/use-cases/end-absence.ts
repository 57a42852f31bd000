import type { AbsenceRecord } from '../domain/absence/absence.ts';
import { currentOrFuture } from '../domain/absence/check-leave.ts';
import { endAbsence as storeEnd, listAbsencesOf } from '../db/absence-repository.ts';
import { awayAt, coverFor, postsHeldBy } from '../db/coverage-repository.ts';
import { staffNames } from '../db/org-repository.ts';
import { renderBackNotice } from '../messages/absence-replies.ts';
import type { UseCaseContext } from './context.ts';

export type EndAbsenceResult = { kind: 'ended'; absences: AbsenceRecord[]; told: string[]; names: Map<string, string> } | { kind: 'none' };

/**
 * 销假 (R7): ends the running absence and any still to come (endedAt = now), and tells whoever was
 * to cover, and the B holders, that the person is back.
 */
export async function endAbsence(ctx: UseCaseContext, only?: { absenceId: number }): Promise<EndAbsenceResult> {
  const me = ctx.actor.userid;
  const open = currentOrFuture(await listAbsencesOf(ctx.tx, me, ctx.now), ctx.now).filter((a) => only === undefined || a.id === only.absenceId);
  if (open.length === 0) return { kind: 'none' };

  const posts = await postsHeldBy(ctx.tx, me);
  const recipients: { absence: AbsenceRecord; to: string }[] = [];
  for (const absence of open) {
    // Asked before the absence ends: who covers at its (remaining) start.
    const at = absence.from > ctx.now ? absence.from : ctx.now;
    const cover = await coverFor(ctx.tx, me, at);
    const bHolders = posts.flatMap((p) => (p.b && p.b !== me ? [p.b] : []));
    const away = await awayAt(ctx.tx, bHolders, at);
    const people = new Set([...(cover && cover.via !== 'handler' ? [cover.userid] : []), ...bHolders.filter((b) => !away.has(b))]);
    for (const to of people) recipients.push({ absence, to });
  }
  for (const absence of open) await storeEnd(ctx.tx, absence.id, ctx.now);

  const told = [...new Set(recipients.map((r) => r.to))];
  const names = await staffNames(ctx.tx, [me, ...told]);
  const myName = names.get(me) ?? me;
  for (const { absence, to } of recipients) {
    ctx.send({ key: `leave:${absence.id}:back:${to}`, toUser: to, kind: 'text', payload: { content: renderBackNotice(myName, absence, ctx.now) } });
  }
  return { kind: 'ended', absences: open, told, names };
}
