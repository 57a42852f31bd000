import type { Tx } from './transaction.ts';

/** A change of a post's A/B holders, as recorded when the organization file was applied. */
export interface PostHolderChange {
  id: number;
  at: Date;
  /** `<department key>/<post name>`. */
  subject: string;
  before: { a: string; b: string | null } | null;
  after: { a: string; b: string | null } | null;
}

/**
 * Marks every unreported A/B change as reported and returns them, oldest first. The UPDATE … WHERE
 * reported = false decides between two instances starting together: each change is claimed once.
 */
export async function claimUnreportedPostChanges(tx: Tx): Promise<PostHolderChange[]> {
  const claimed = await tx.orgChange.updateManyAndReturn({ where: { kind: 'post_holders', reported: false }, data: { reported: true } });
  return claimed
    .map((c) => ({ id: c.id, at: c.at, subject: c.subject, before: c.before as PostHolderChange['before'], after: c.after as PostHolderChange['after'] }))
    .sort((x, y) => x.id - y.id);
}

/**
 * Records a change made by command (设B岗, 顶岗) and marks it reported: the command itself files it with
 * the office in the same transaction (R7 §5: 当日报科协办公室备案), so start-up has nothing left to send.
 */
export async function recordReportedChange(tx: Tx, c: { at: Date; kind: 'post_holders' | 'stand_in'; subject: string; before: object | null; after: object | null }): Promise<void> {
  await tx.orgChange.create({ data: { at: c.at, kind: c.kind, subject: c.subject, before: c.before ?? undefined, after: c.after ?? undefined, reported: true } });
}
