import type { Tx } from './transaction.ts';
import type { Db } from './transaction.ts';

export type CardRoleName = 'leader' | 'principal';

export interface CardRecord {
  taskId: string;
  filingId: number;
  toUser: string;
  role: CardRoleName;
  createdAt: Date;
  responseCode: string | null;
  responseCodeAt: Date | null;
  closedAt: Date | null;
}

type Row = Awaited<ReturnType<Db['card']['findUniqueOrThrow']>>;
const toRecord = (r: Row): CardRecord => ({ ...r, role: r.role as CardRoleName });

/** Records a card once; the task_id is stable per filing and role, so a second call changes nothing. */
export async function insertCard(tx: Tx, c: { taskId: string; filingId: number; toUser: string; role: CardRoleName; at: Date }): Promise<boolean> {
  const { count } = await tx.card.createMany({
    data: [{ taskId: c.taskId, filingId: c.filingId, toUser: c.toUser, role: c.role, createdAt: c.at }],
    skipDuplicates: true,
  });
  return count === 1;
}

export async function findCardByTaskId(db: Tx, taskId: string): Promise<CardRecord | null> {
  const row = await db.card.findUnique({ where: { taskId } });
  return row ? toRecord(row) : null;
}

export async function listFilingCards(db: Tx, filingId: number): Promise<CardRecord[]> {
  return (await db.card.findMany({ where: { filingId }, orderBy: { createdAt: 'asc' } })).map(toRecord);
}

/** The last click's ResponseCode and when it came (each code serves one update of that user's copy). */
export async function recordClickCode(tx: Tx, taskId: string, code: string, at: Date): Promise<void> {
  await tx.card.update({ where: { taskId }, data: { responseCode: code, responseCodeAt: at } });
}

/** The card shows a final state: no later decision can change it. */
export async function closeCard(tx: Tx, taskId: string, at: Date): Promise<void> {
  await tx.card.updateMany({ where: { taskId, closedAt: null }, data: { closedAt: at } });
}

/** The outbox key of the card's own message; its `result` holds the response_code of message/send. */
export const cardSendKey = (taskId: string) => `card:${taskId}`;

/** Keys of the card's updates: all start with this, so the last one tells what the card shows now. */
export const cardUpdatePrefix = (taskId: string) => `card-update:${taskId}:`;

/** What the card shows now: the `state` of its last queued update, 'open' when never updated. */
export async function shownCardState(db: Tx, taskId: string): Promise<string> {
  const last = await db.outboxMessage.findFirst({ where: { key: { startsWith: cardUpdatePrefix(taskId) } }, orderBy: { id: 'desc' }, select: { payload: true } });
  const state = (last?.payload as { state?: unknown } | undefined)?.state;
  return typeof state === 'string' ? state : 'open';
}

/**
 * The response_code message/send returned for the card, when it is still usable: sent, not yet used
 * (its one update has the key `<prefix>send`), and younger than `maxAgeMs` (docs/PROTOCOL.md §7: 24 h).
 */
export async function usableSendCode(db: Tx, taskId: string, now: Date, maxAgeMs: number): Promise<string | null> {
  const sent = await db.outboxMessage.findUnique({ where: { key: cardSendKey(taskId) }, select: { sentAt: true, result: true } });
  const code = (sent?.result as { responseCode?: unknown } | null | undefined)?.responseCode;
  if (!sent?.sentAt || typeof code !== 'string' || code.length === 0) return null;
  if (now.getTime() - sent.sentAt.getTime() >= maxAgeMs) return null;
  const used = await db.outboxMessage.findUnique({ where: { key: `${cardUpdatePrefix(taskId)}send` }, select: { id: true } });
  return used ? null : code;
}
