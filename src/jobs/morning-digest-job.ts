import { loadFilingsWithClocks } from '../db/refusal-filing-repository.ts';
import { loadOrgSnapshot } from '../db/org-snapshot.ts';
import { loadCasesByNo, loadCasesDueBy } from '../db/case-deadline-queries.ts';
import type { Tx } from '../db/transaction.ts';
import { createHash } from 'node:crypto';
import { dueReminders, reminderHorizon } from '../domain/reminders/due-reminders.ts';
import { groupDigests, headDigestEntries, morningDigestInstant, type DigestEntry } from '../domain/reminders/morning-digest.ts';
import { reminderKey } from '../domain/reminders/pick-current.ts';
import { resolveRecipients } from '../domain/reminders/resolve-recipients.ts';
import { claimReminders, type ReminderClaim } from '../db/reminder-claims.ts';
import { recordOverdue } from '../db/accountability.ts';
import { renderMorningDigest } from '../messages/reminder-replies.ts';
import { STATUS_ZH } from '../messages/format.ts';
import type { CaseStatus } from '../domain/case/case.ts';
import { responsibleIn } from '../domain/accountability/responsible.ts';
import type { Job } from './job.ts';

/**
 * One message per person each working morning, only when it has something in it: their overdue cases
 * (handler, B, head), and for department heads also what is due today and what waits on a decision.
 * Claimed per (person, day), so two instances never send a person two digests.
 */
export const morningDigestJob: Job = {
  name: 'morning-digest',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now, claimed }) {
    const instant = morningDigestInstant(calendar, policy, now);
    if (!instant) return { entries: 0, sent: 0 };
    const [cases, filings] = await Promise.all([loadCasesDueBy(db, reminderHorizon(calendar, now)), loadFilingsWithClocks(db, now, now)]);
    const awaiting = filings.filter((f) => f.status !== 'approved').map((f) => ({ no: f.caseNo, since: f.escalatedAt ?? f.createdAt }));
    const overdue: DigestEntry[] = dueReminders(cases, now, calendar, policy)
      .filter((r) => r.kind === 'overdue_digest')
      .map((r) => ({ caseNo: r.caseNo, section: 'overdue', roles: r.recipients }));
    const entries = [...overdue, ...headDigestEntries(cases, awaiting, now, instant)];
    if (entries.length === 0) return { entries: 0, sent: 0 };
    // Same entries as a minute ago: every digest they make was claimed then; skip the org read.
    const pass = `morning_digest_pass:${instant.toISOString()}:${createHash('sha256').update(JSON.stringify(entries)).digest('hex')}`;
    if (claimed.has(pass)) return { entries: entries.length, sent: 0 };

    const { org, names } = await loadOrgSnapshot(db, now);
    const byNo = new Map(cases.map((c) => [c.no, c]));
    for (const [no, c] of await loadCasesByNo(db, awaiting.map((a) => a.no).filter((no) => !byNo.has(no)))) byNo.set(no, c);
    const items = entries.flatMap((e) => {
      const c = byNo.get(e.caseNo);
      if (!c) return [];
      const subject = { handler: c.handler, department: c.department };
      // A head who handles (or backs up) a case due today hears of it from its own reminder already.
      const own = e.section === 'due_today' ? resolveRecipients(['handler', 'b'], subject, org).map((p) => p.userid) : [];
      return resolveRecipients(e.roles, subject, org)
        .filter((p) => !own.includes(p.userid))
        .map((p) => ({ userid: p.userid, caseNo: e.caseNo, section: e.section }));
    });
    const digests = groupDigests(items);
    const keyOf = (userid: string) => reminderKey('morning_digest', userid, instant);
    const fresh = await claimed.unclaimed(db, [...digests.keys()].map(keyOf));
    const claims: ReminderClaim[] = [];
    for (const [userid, d] of digests) {
      const key = keyOf(userid);
      if (!fresh.has(key)) continue;
      const view = {
        overdue: d.overdue.map((no) => byNo.get(no)!),
        due_today: d.due_today.map((no) => byNo.get(no)!),
        awaiting: d.awaiting.map((no) => ({ ...byNo.get(no)!, statusZh: STATUS_ZH[byNo.get(no)!.status as CaseStatus] ?? '' })),
      };
      const content = renderMorningDigest(view, names, now);
      // After downtime the digest may be the first overdue notice a case gets: record it (once per case).
      const onWon = async (tx: Tx) => {
        for (const c of view.overdue) await recordOverdue(tx, c, now, responsibleIn(org, c.handler));
      };
      claims.push({ key, caseNo: null, kind: 'morning_digest', toUsers: [userid], messages: [{ key: `${key}:msg`, toUser: userid, kind: 'text', payload: { content } }], onWon });
    }
    const won = await claimReminders(db, claims, now);
    claimed.add([...claims.map((c) => c.key), pass]);
    return { entries: entries.length, sent: won.length };
  },
};
