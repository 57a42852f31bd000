import { loadOrgSnapshot } from '../db/org-snapshot.ts';
import { loadCasesDueBy, type ReminderCaseRow } from '../db/case-deadline-queries.ts';
import type { Tx } from '../db/transaction.ts';
import { chinaDateOf } from '../domain/calendar/china-time.ts';
import { workingDaysBetween } from '../domain/calendar/deadline.ts';
import { dueReminders, overdueDayOne, reminderHorizon, type DueReminder } from '../domain/reminders/due-reminders.ts';
import { isOfficeOpen } from '../domain/reminders/office-hours.ts';
import { resolveRecipients } from '../domain/reminders/resolve-recipients.ts';
import { responsibleIn } from '../domain/accountability/responsible.ts';
import { claimReminders, type ReminderClaim } from '../db/reminder-claims.ts';
import { recordOverdue } from '../db/accountability.ts';
import { renderCaseReminder } from '../messages/reminder-replies.ts';
import { buildCaseCard } from '../messages/cards/case-card.ts';
import { insertActionCard } from '../db/action-card-repository.ts';
import { findCase } from '../db/case-repository.ts';
import { findService, staffNames } from '../db/org-repository.ts';
import { isMorningReminder, morningDigestInstant } from '../domain/reminders/morning-digest.ts';
import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import type { Recipient } from '../domain/reminders/resolve-recipients.ts';
import { cardTaskId, caseCardMessage } from '../use-cases/cards/case-cards.ts';
import type { Job, JobDeps } from './job.ts';

/**
 * The deadline ladder of each case (day before, due day, before closing, overdue, the leader on the
 * second overdue day) for the reminders that fall due after opening (or at night, for an urgent
 * case). Whatever falls due by opening goes out on the morning digest, one card per person.
 */
export const caseRemindersJob: Job = {
  name: 'case-reminders',
  schedule: '* * * * *',
  async run(deps) {
    const { db, calendar, policy, now, claimed } = deps;
    // While the office is closed only urgent cases may remind, so only they are read.
    const onlyUrgent = !isOfficeOpen(calendar, policy.officeHours, now);
    const cases = await loadCasesDueBy(db, reminderHorizon(calendar, now), { onlyUrgent });
    // What falls due by opening goes out on the morning digest card (one per person), not here.
    const opening = morningDigestInstant(calendar, policy, now);
    const due = dueReminders(cases, now, calendar, policy).filter((r) => !isMorningReminder(r, opening));
    const fresh = await claimed.unclaimed(db, due.map((r) => r.key));
    if (fresh.size === 0) return { cases: cases.length, due: due.length, sent: 0 };

    const { org, names } = await loadOrgSnapshot(db, now);
    const byNo = new Map(cases.map((c) => [c.no, c]));
    const claims: ReminderClaim[] = [];
    for (const r of due.filter((x) => fresh.has(x.key))) claims.push(await claimFor(deps, r, byNo.get(r.caseNo)!, org, names));
    const won = await claimReminders(db, claims, now);
    claimed.add(claims.map((c) => c.key));
    return { cases: cases.length, due: due.length, sent: won.length };
  },
};

/**
 * One reminder to its people: the handler (or whoever covers them) gets the case's card with the
 * reminder as its title and the buttons for the next steps; the others (B, head, leader, first
 * responder) a text, as they only follow the case.
 */
async function claimFor(deps: JobDeps, r: DueReminder, c: ReminderCaseRow, org: Parameters<typeof resolveRecipients>[2], names: Map<string, string>): Promise<ReminderClaim> {
  const { calendar, policy, now } = deps;
  const people = resolveRecipients(r.recipients, { handler: c.handler, department: c.department, firstResponder: c.firstResponder }, org);
  const overdueDays = r.kind === 'overdue_leader' ? workingDaysBetween(calendar, overdueDayOne(calendar, policy, r.dueAt), chinaDateOf(now)).count + 1 : 0;
  const kind = r.kind as Exclude<DueReminder['kind'], 'overdue_digest'>;
  const extra = { minutesBeforeClose: policy.dueSoonMinutesBeforeClose, overdueDays, link: `${deps.publicBaseUrl}/app/cases/${c.no}` };
  return {
    key: r.key,
    caseNo: r.caseNo,
    kind: r.kind,
    toUsers: people.map((p) => p.userid),
    messages: await Promise.all(people.map((p) => messageFor(deps, r, c, p, renderCaseReminder(kind, c, p, names, now, extra)))),
    onWon: async (tx: Tx) => {
      for (const p of people) if (p.role === 'handler') await insertActionCard(tx, { taskId: await cardTaskId(tx, 'cs', r.key, p.userid), toUser: p.userid, kind: 'case', caseNo: c.no, at: now });
      if (r.kind === 'overdue' || r.kind === 'overdue_leader') await recordOverdue(tx, { ...c, dueAt: r.dueAt }, now, responsibleIn(org, c.handler));
    },
  };
}

async function messageFor(deps: JobDeps, r: DueReminder, c: ReminderCaseRow, p: Recipient, text: string): Promise<OutboundMessage> {
  const key = `${r.key}:${p.userid}`;
  const full = p.role === 'handler' ? await findCase(deps.db, c.no) : null;
  if (!full) return { key, toUser: p.userid, kind: 'text', payload: { content: text } };
  const taskId = await cardTaskId(deps.db, 'cs', r.key, p.userid);
  const service = full.serviceCode ? await findService(deps.db, full.serviceCode) : null;
  const names = await staffNames(deps.db, [full.handler, full.firstResponder]);
  const title = text.split('\n')[0]!;
  const card = buildCaseCard(taskId, { case: full, service, names, now: deps.now, publicBaseUrl: deps.publicBaseUrl, title });
  return caseCardMessage(key, p.userid, card, text);
}
