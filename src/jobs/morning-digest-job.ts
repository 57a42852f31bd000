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
import type { Recipient } from '../domain/reminders/resolve-recipients.ts';
import type { DigestPart } from '../messages/reminder-replies.ts';
import { workingDaysBetween } from '../domain/calendar/deadline.ts';
import { overdueDayOne } from '../domain/reminders/due-reminders.ts';
import { chinaDateOf } from '../domain/calendar/china-time.ts';

/** A digest reader's part in a case, when they are not simply its handler. */
function partOf(r: Recipient, overdueDays: number): DigestPart | undefined {
  if (r.role === 'handler') return r.coveringFor ? { kind: 'covering', for: r.coveringFor } : undefined;
  if (r.role === 'b') return { kind: 'b' };
  if (r.role === 'first_responder') return { kind: 'first_responder' };
  return { kind: 'overseeing', overdueDays };
}

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
    const morning = dueReminders(cases, now, calendar, policy).filter((r) => isMorningReminder(r, instant));
    // A rung is told once (its key claimed with the digest that told it); the daily overdue rung has a key per day.
    const untold = await claimed.unclaimed(db, morning.map((r) => r.key));
    const rungs = morning.filter((r) => untold.has(r.key));
    const ladder: DigestEntry[] = rungs.map((r) => ({ caseNo: r.caseNo, section: sectionOfReminder(r, now), roles: r.recipients }));
    // 督查: the office head sees every case of the unit overdue at opening, each morning.
    const office: DigestEntry[] = cases
      .filter((c) => c.status === 'OPEN' && c.pausedAt === null && c.dueAt !== null && c.dueAt < instant && c.cls !== 'instruction')
      .map((c) => ({ caseNo: c.no, section: 'overdue', roles: ['office_head'] }));
    const entries = [...ladder, ...office, ...headDigestEntries(cases, awaiting, now, instant)];
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
        .map((p) => ({ userid: p.userid, caseNo: e.caseNo, section: e.section, recipient: p }));
    });
    const digests = groupDigests(items);
    // The reader's part in each row (AB岗 §4: who covers is told so; overseers see how late it is).
    const parts = new Map<string, DigestPart>();
    for (const it of items) {
      const key = `${it.userid}:${it.caseNo}`;
      const c = byNo.get(it.caseNo)!;
      const part = partOf(it.recipient, it.section === 'overdue' && c.dueAt ? workingDaysBetween(calendar, overdueDayOne(calendar, policy, c.dueAt), chinaDateOf(now)).count + 1 : 0);
      if (part && !parts.has(key)) parts.set(key, part);
    }
    const withPart = <T extends { no: number }>(userid: string, c: T): T & { part?: DigestPart } => {
      const part = parts.get(`${userid}:${c.no}`);
      return part ? { ...c, part } : c;
    };
    const keyOf = (userid: string) => reminderKey('morning_digest', userid, instant);
    const fresh = await claimed.unclaimed(db, [...digests.keys()].map(keyOf));
    const claims: ReminderClaim[] = [];
    for (const [userid, d] of digests) {
      const key = keyOf(userid);
      if (!fresh.has(key)) continue;
      const view = {
        overdue: d.overdue.map((no) => withPart(userid, byNo.get(no)!)),
        due_today: d.due_today.map((no) => withPart(userid, byNo.get(no)!)),
        due_next: d.due_next.map((no) => withPart(userid, byNo.get(no)!)),
        awaiting: d.awaiting.map((no) => withPart(userid, { ...byNo.get(no)!, statusZh: STATUS_ZH[byNo.get(no)!.status as CaseStatus] ?? '' })),
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
    // The rungs this digest told, claimed in the same transaction: a later morning does not tell them again.
    const told = new Set(claims.flatMap((c) => c.toUsers));
    for (const r of rungs) {
      const c = byNo.get(r.caseNo);
      const people = c ? resolveRecipients(r.recipients, { handler: c.handler, department: c.department, firstResponder: c.firstResponder }, org).map((p) => p.userid).filter((u) => told.has(u)) : [];
      claims.push({ key: r.key, caseNo: r.caseNo, kind: r.kind, toUsers: people, messages: [] });
    }
    const won = await claimReminders(db, claims, now);
    claimed.add([...claims.map((c) => c.key), pass]);
    return { entries: entries.length, sent: won.filter((k) => k.startsWith('morning_digest:')).length };
  },
};
