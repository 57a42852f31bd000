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
