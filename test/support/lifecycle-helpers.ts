import { expect } from 'vitest';
import type { TestBot } from './start-test-bot.ts';

export const LIFECYCLE_ORG = new URL('../fixtures/org/lifecycle-org.yaml', import.meta.url).pathname;

/** 登记 through the webhook; returns the new case number. */
export async function register(t: TestBot, from: string, text: string): Promise<number> {
  const [reply] = await t.say(from, text);
  const no = Number(/#(\d+)/u.exec(reply ?? '')?.[1]);
  expect(no, reply).toBeGreaterThan(0);
  return no;
}

/** The texts each person received so far (a cursor: call again to get only what came since). */
export function inboxOf(t: TestBot, userid: string): string[] {
  return t.wecom.messagesTo(userid).map((m) => m.content ?? JSON.stringify(m.card));
}

/**
 * Everything a case command may change, to show that a refused command changed nothing. Replies
 * are left out: a refused command is still answered.
 */
export async function stateOf(t: TestBot): Promise<unknown> {
  const db = t.database.prisma;
  const [cases, events, filings, notices, records, messages, outcomes, ratings, evaluations, keyTasks, milestones, keyTaskEvents, extensions, followUps, posts, orgChanges, complaints] = await Promise.all([
    db.case.findMany({ orderBy: { no: 'asc' } }),
    db.caseEvent.findMany({ orderBy: { id: 'asc' } }),
    db.refusalFiling.findMany({ orderBy: { id: 'asc' } }),
    db.materialsNotice.findMany({ orderBy: { id: 'asc' } }),
    db.accountabilityRecord.findMany({ orderBy: { id: 'asc' } }),
    db.outboxMessage.findMany({ where: { NOT: { key: { startsWith: 'reply:' } } }, select: { key: true }, orderBy: { id: 'asc' } }),
    db.caseOutcome.findMany({ orderBy: { caseNo: 'asc' } }),
    db.caseRating.findMany({ orderBy: { caseNo: 'asc' } }),
    db.evaluationRun.findMany({ orderBy: { period: 'asc' } }),
    db.keyTask.findMany({ orderBy: { id: 'asc' } }),
    db.keyTaskMilestone.findMany({ orderBy: { id: 'asc' } }),
    db.keyTaskEvent.findMany({ orderBy: { id: 'asc' } }),
    db.extensionRequest.findMany({ orderBy: { id: 'asc' } }),
    db.caseFollowUp.findMany({ orderBy: { id: 'asc' } }),
    db.post.findMany({ orderBy: { id: 'asc' } }),
    db.orgChange.findMany({ orderBy: { id: 'asc' } }),
    db.complaint.findMany({ orderBy: { id: 'asc' } }),
  ]);
  const all = { cases, events, filings, notices, records, messages, outcomes, ratings, evaluations, keyTasks, milestones, keyTaskEvents, extensions, followUps, posts, orgChanges, complaints };
  return JSON.parse(JSON.stringify(all, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

export async function caseJson(t: TestBot, no: number): Promise<any> {
  const { status, body } = await t.api(`/api/cases/${no}`);
  expect(status).toBe(200);
  return body;
}

export function actionsOf(body: { history: { action: string }[] }): string[] {
  return body.history.map((e) => e.action);
}

/** The organization of a realistic office week (issue 13): the demo's people, posts and phones. */
export const OFFICE_WEEK_ORG = new URL('../fixtures/org/office-week-org.yaml', import.meta.url).pathname;
