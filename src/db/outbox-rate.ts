import type { Db } from './transaction.ts';

/** The outbox kinds that are app messages for WeCom's limits (card updates are not messages). */
export const MESSAGE_KINDS = ['text', 'markdown', 'template_card'];

/**
 * Instants of messages to `users` that count against their limits now: sent in the last hour, plus
 * those other dispatchers have claimed and are sending right now (as `now`), so that two bot
 * instances sharing one database do not each spend the same allowance.
 */
export async function recentSends(db: Db, o: { users: string[]; now: Date; owner: string; leaseMs: number }): Promise<Map<string, Date[]>> {
  const out = new Map<string, Date[]>();
  if (o.users.length === 0) return out;
  const rows = await db.outboxMessage.findMany({
    where: {
      toUser: { in: o.users },
      kind: { in: MESSAGE_KINDS },
      OR: [
        { sentAt: { gt: new Date(o.now.getTime() - 3600_000) } },
        { sentAt: null, gaveUpAt: null, claimedAt: { gt: new Date(o.now.getTime() - o.leaseMs) }, NOT: { claimedBy: o.owner } },
      ],
    },
    select: { toUser: true, sentAt: true },
  });
  for (const r of rows) out.set(r.toUser, [...(out.get(r.toUser) ?? []), r.sentAt ?? o.now]);
  return out;
}

/** Person-times the app has sent since `since` (the start of the China day). */
export async function appSendsSince(db: Db, since: Date): Promise<number> {
  return db.outboxMessage.count({ where: { sentAt: { gte: since }, kind: { in: MESSAGE_KINDS } } });
}

/** Gives a claimed message back to wait until `notBefore`; not an attempt, nothing failed. */
export async function holdBack(db: Db, id: bigint, owner: string, notBefore: Date): Promise<void> {
  await db.outboxMessage.updateMany({ where: { id, claimedBy: owner }, data: { notBefore, claimedAt: null, claimedBy: null } });
}
