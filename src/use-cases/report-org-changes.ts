import { inTransaction, type Db } from '../db/transaction.ts';
import { claimUnreportedPostChanges } from '../db/org-change-repository.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import { departmentNames, loadOffice, readOrgSettings, staffNames } from '../db/org-repository.ts';
import { renderOrgChangesReport, VACANT, type PostChangeView } from '../messages/org-change-replies.ts';

export type ReportOrgChangesResult = { kind: 'reported'; to: string; count: number } | { kind: 'nothing' } | { kind: 'no_office' };

/**
 * R7 §5: sends the office's head ONE message listing the A/B holder changes not yet reported, and marks
 * them reported in the same transaction. Idempotent: a second call finds nothing left to report, and two
 * instances starting together cannot both claim a change (the UPDATE … WHERE reported = false decides).
 */
export async function reportOrgChanges(db: Db, now: Date): Promise<ReportOrgChangesResult> {
  return inTransaction(db, async (tx) => {
    const settings = await readOrgSettings(tx);
    const office = await loadOffice(tx);
    const to = office?.head ?? settings.principal;
    if (!to) return { kind: 'no_office' };

    const claimed = await claimUnreportedPostChanges(tx);
    if (claimed.length === 0) return { kind: 'nothing' };

    const departments = await departmentNames(tx);
    const views: PostChangeView[] = claimed.map((c) => {
      const [dept = '', ...post] = c.subject.split('/');
      return { at: c.at, department: departments.get(dept) ?? dept, post: post.join('/'), before: c.before, after: c.after };
    });
    const people = views.flatMap((v) => [v.before?.a, v.before?.b, v.after?.a, v.after?.b]).filter((u): u is string => !!u);
    const names = await staffNames(tx, people);
    const content = renderOrgChangesReport(settings.unit, now, views, (u) => (u ? (names.get(u) ?? u) : VACANT));
    const first = claimed[0]?.id;
    const last = claimed[claimed.length - 1]?.id;
    await enqueueOutbound(tx, [{ key: `org-changes:${first}-${last}`, toUser: to, kind: 'text', payload: { content } }]);
    return { kind: 'reported', to, count: claimed.length };
  });
}
