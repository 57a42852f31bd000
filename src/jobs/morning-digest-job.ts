import { loadFilingsWithClocks } from '../db/refusal-filing-repository.ts';
import { loadOrgSnapshot } from '../db/org-snapshot.ts';
import { loadCasesByNo, loadCasesDueBy } from '../db/case-deadline-queries.ts';
import type { Tx } from '../db/transaction.ts';
import { createHash } from 'node:crypto';
import { insertActionCard } from '../db/action-card-repository.ts';
import { dueReminders, reminderHorizon } from '../domain/reminders/due-reminders.ts';
import { groupDigests, headDigestEntries, isMorningReminder, morningDigestInstant, sectionOfReminder, type DigestEntry } from '../domain/reminders/morning-digest.ts';
import { reminderKey } from '../domain/reminders/pick-current.ts';
import { resolveRecipients } from '../domain/reminders/resolve-recipients.ts';
import { claimReminders, remindedSince, type ReminderClaim } from '../db/reminder-claims.ts';
import { recordOverdue } from '../db/accountability.ts';
import { chinaDayStart } from '../workers/rate-limit.ts';
import { cardTaskId } from '../use-cases/cards/case-cards.ts';
import { renderMorningDigest } from '../messages/reminder-replies.ts';
import { buildDigestCard } from '../messages/cards/digest-card.ts';
import { STATUS_ZH } from '../messages/format.ts';
import type { CaseStatus } from '../domain/case/case.ts';
import { responsibleIn } from '../domain/accountability/responsible.ts';
import type { Job } from './job.ts';

/**
 * One card per person each working morning, only when it has something in it: every reminder of the
 * case ladder that falls due by opening (the day before, the due day, overdue, the leader's second
 * overdue day, and the later overdue days), for heads also what is due today and what waits on a
 * decision, and for the office head every overdue case. So a person hears of a case once in the
 * morning, on this card, not in a message per case as well; one already reminded of a case directly
 * today (an urgent case at night) does not find it here again. Claimed per (person, day), so two
 * instances never send a person two digests.
 */
export const morningDigestJob: Job = {
  name: 'morning-digest',
  schedule: '* * * * *',
  async run({ db, calendar, policy, now, claimed }) {
    const instant = morningDigestInstant(calendar, policy, now);
    if (!instant) return { entries: 0, sent: 0 };
    const [cases, filings] = await Promise.all([loadCasesDueBy(db, reminderHorizon(calendar, now)), loadFilingsWithClocks(db, now, now)]);
    const awaiting = filings.filter((f) => f.status !== 'approved').map((f) => ({ no: f.caseNo, since: f.escalatedAt ?? f.createdAt }));
    const ladder: DigestEntry[] = dueReminders(cases, now, calendar, policy)
      .filter((r) => isMorningReminder(r, instant))
      .map((r) => {
        const section = sectionOfReminder(r, now);
        // 督查: the office sees every overdue case of the unit in its digest.
        return { caseNo: r.caseNo, section, roles: section === 'overdue' ? [...r.recipients, 'office_head'] : r.recipients };
      });
    const entries = [...ladder, ...headDigestEntries(cases, awaiting, now, instant)];
    if (entries.length === 0) return { entries: 0, sent: 0 };
    // Same entries as a minute ago: every digest they make was claimed then; skip the org read.
    const pass = `morning_digest_pass:${instant.toISOString()}:${createHash('sha256').update(JSON.stringify(entries)).digest('hex')}`;
    if (claimed.has(pass)) return { entries: entries.length, sent: 0 };

    const { org, names } = await loadOrgSnapshot(db, now);
    const byNo = new Map(cases.map((c) => [c.no, c]));
    for (const [no, c] of await loadCasesByNo(db, awaiting.map((a) => a.no).filter((no) => !byNo.has(no)))) byNo.set(no, c);
    const toldToday = await remindedSince(db, [...new Set(entries.map((e) => e.caseNo))], chinaDayStart(now));
    const items = entries.flatMap((e) => {
      const c = byNo.get(e.caseNo);
      if (!c) return [];
      const subject = { handler: c.handler, department: c.department, firstResponder: c.firstResponder };
      return resolveRecipients(e.roles, subject, org)
        .filter((p) => !toldToday.has(`${e.caseNo}:${p.userid}`))
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
        due_next: d.due_next.map((no) => byNo.get(no)!),
        awaiting: d.awaiting.map((no) => ({ ...byNo.get(no)!, statusZh: STATUS_ZH[byNo.get(no)!.status as CaseStatus] ?? '' })),
      };
      const taskId = await cardTaskId(db, 'dg', key, userid);
      const card = buildDigestCard(taskId, view, names, now);
      const fallback = renderMorningDigest(view, names, now);
      // After downtime the digest may be the first overdue notice a case gets: record it (once per case).
      const onWon = async (tx: Tx) => {
        await insertActionCard(tx, { taskId, toUser: userid, kind: 'digest', at: now });
        for (const c of view.overdue) await recordOverdue(tx, c, now, responsibleIn(org, c.handler));
      };
      claims.push({ key, caseNo: null, kind: 'morning_digest', toUsers: [userid], messages: [{ key: `${key}:msg`, toUser: userid, kind: 'template_card', payload: { card, fallback } }], onWon });
    }
    const won = await claimReminders(db, claims, now);
    claimed.add([...claims.map((c) => c.key), pass]);
    return { entries: entries.length, sent: won.length };
  },
};
