import type { Db } from './transaction.ts';

/** A message someone sent the app, as the inbox stored it. */
export interface InboundRecord {
  key: string;
  kind: string;
  payload: unknown;
  processedAt: Date | null;
}

/** A message the app sent someone and WeCom accepted. */
export interface SentRecord {
  kind: string;
  payload: unknown;
  result: unknown;
  sentAt: Date;
}

/** The last `limit` messages `fromUser` sent the app, oldest first. */
export async function listInboundFrom(db: Db, fromUser: string, limit: number): Promise<InboundRecord[]> {
  const rows = await db.inboxMessage.findMany({
    where: { fromUser },
    orderBy: { receivedAt: 'desc' },
    select: { key: true, kind: true, payload: true, processedAt: true },
    take: limit,
  });
  return rows.reverse();
}

/** The last `limit` messages and card updates sent to `toUser`, in the order they went out. */
export async function listSentTo(db: Db, toUser: string, limit: number): Promise<SentRecord[]> {
  const rows = await db.outboxMessage.findMany({
    where: { toUser, sentAt: { not: null } },
    orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
    select: { kind: true, payload: true, result: true, sentAt: true },
    take: limit,
  });
  return rows.reverse().map((r) => ({ kind: r.kind, payload: r.payload, result: r.result, sentAt: r.sentAt as Date }));
}

/**
 * The template card with `taskId` as it was sent to `toUser`, when it was (the newest such row).
 * The task id lives inside the JSON payload, so this filters on the JSON path.
 */
export async function findSentCard(db: Db, toUser: string, taskId: string): Promise<Record<string, unknown> | null> {
  const row = await db.outboxMessage.findFirst({
    where: { toUser, kind: 'template_card', sentAt: { not: null }, payload: { path: ['card', 'task_id'], equals: taskId } },
    orderBy: { id: 'desc' },
    select: { payload: true },
  });
  const card = (row?.payload as { card?: unknown } | undefined)?.card;
  return card && typeof card === 'object' ? (card as Record<string, unknown>) : null;
}
