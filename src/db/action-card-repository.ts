import type { Tx } from './transaction.ts';

/** suggestion: a command to confirm (used once); case: a case's card (its buttons follow the case); digest: a morning digest. */
export type ActionCardKind = 'suggestion' | 'case' | 'digest';

export interface ActionCardRecord {
  taskId: string;
  toUser: string;
  kind: ActionCardKind;
  command: string | null;
  caseNo: number | null;
  createdAt: Date;
  usedAt: Date | null;
  usedKey: string | null;
}

/** Records the card once: the task_id comes from the message that caused it, so a retry adds nothing. */
export async function insertActionCard(tx: Tx, c: { taskId: string; toUser: string; kind: ActionCardKind; command?: string; caseNo?: number; at: Date }): Promise<boolean> {
  const { count } = await tx.actionCard.createMany({
    data: [{ taskId: c.taskId, toUser: c.toUser, kind: c.kind, command: c.command ?? null, caseNo: c.caseNo ?? null, createdAt: c.at }],
    skipDuplicates: true,
  });
  return count === 1;
}

export async function findActionCard(db: Tx, taskId: string): Promise<ActionCardRecord | null> {
  const row = await db.actionCard.findUnique({ where: { taskId } });
  return row ? { ...row, kind: row.kind as ActionCardKind } : null;
}

/**
 * Marks the card used by `key`, if nobody used it yet. A second click waits on the first one's row
 * lock and then finds it used, so two clicks at once still do the step once.
 */
export async function claimActionCard(tx: Tx, taskId: string, key: string, at: Date): Promise<boolean> {
  const { count } = await tx.actionCard.updateMany({ where: { taskId, usedAt: null }, data: { usedAt: at, usedKey: key } });
  return count === 1;
}
