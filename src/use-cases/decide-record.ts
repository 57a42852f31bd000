import type { AccountabilityRecordView, RecordDecision } from '../domain/accountability/accountability-record.ts';
import { decideRecord, decideStatement, type RecordReason } from '../domain/accountability/record-decision.ts';
import { findRecord, storeDecision, storeStatement } from '../db/accountability.ts';
import { findActiveStaff, findDepartment, findStaffByRef, loadOffice, staffNames } from '../db/org-repository.ts';
import { renderDecisionNotice } from '../messages/accountability-replies.ts';
import type { UseCaseContext } from './context.ts';

export type RecordActionResult<X = object> =
  | ({ kind: 'done'; record: AccountabilityRecordView } & X)
  | { kind: 'not_found'; id: number }
  | { kind: 'not_office' }
  | { kind: 'unknown_person'; ref: string; candidates: string[] }
  | { kind: 'rejected'; record: AccountabilityRecordView; reasons: RecordReason[] };

/**
 * 处理 编号 决定 [责任人 姓名] [说明] (责任追究制 §3): the office decides a record once. The person
 * concerned and the head of their department are told. A record that names nobody (an upheld
 * complaint about nobody in particular) gets its 责任人 here.
 */
export async function decideAccountabilityRecord(
  ctx: UseCaseContext,
  input: { id: number; decision: RecordDecision; responsible?: string; note?: string },
): Promise<RecordActionResult<{ person: string | null; told: string[] }>> {
  const office = await loadOffice(ctx.tx);
  // R8 §4: the office decides (the command checks it too; this guards every other caller).
  if (!office?.members.includes(ctx.actor.userid)) return { kind: 'not_office' };
  const record = await findRecord(ctx.tx, input.id);
  if (!record) return { kind: 'not_found', id: input.id };
  let named: { userid: string; department: string } | null = null;
  if (input.responsible !== undefined) {
    const people = await findStaffByRef(ctx.tx, input.responsible);
    if (people.length !== 1) return { kind: 'unknown_person', ref: input.responsible, candidates: people.map((p) => p.userid) };
    named = people[0] ?? null;
  }
  const d = decideRecord(record, { decision: input.decision, named: named?.userid ?? null }, ctx.now);
  if (!d.ok) return { kind: 'rejected', record, reasons: d.reasons };
  const note = input.note?.trim() || null;
  const stored = await storeDecision(ctx.tx, record.id, {
    decision: input.decision,
    decidedBy: ctx.actor.userid,
    decidedAt: ctx.now,
    note,
    person: named?.userid ?? null,
    department: named?.department ?? null,
  });
  const after = (await findRecord(ctx.tx, record.id)) ?? record;
  if (!stored) return { kind: 'rejected', record: after, reasons: [{ code: 'already_decided', decision: after.decision ?? input.decision, by: after.decidedBy }] };

  const told = await tellDecision(ctx, after, d.person);
  return { kind: 'done', record: after, person: d.person, told };
}

/** The person concerned and the head of their department hear of the decision (not the office member who made it). */
async function tellDecision(ctx: UseCaseContext, r: AccountabilityRecordView, person: string | null): Promise<string[]> {
  const staff = person ? await findActiveStaff(ctx.tx, person) : null;
  const head = (await findDepartment(ctx.tx, staff?.department ?? r.department ?? ''))?.head ?? null;
  const names = await staffNames(ctx.tx, [person ?? '', head ?? '']);
  const told: string[] = [];
  for (const [to, forHead] of [[staff?.userid ?? null, false], [head, true]] as const) {
    if (!to || to === ctx.actor.userid || told.includes(to)) continue;
    told.push(to);
    ctx.send({ key: `record:${r.id}:decided:${to}`, toUser: to, kind: 'text', payload: { content: renderDecisionNotice(r, person, names, forHead) } });
  }
  return told;
}

/** 申辩 编号 说明: the person concerned explains in writing, once, before the decision; the office sees it beside the record. */
export async function giveStatement(ctx: UseCaseContext, input: { id: number; statement: string }): Promise<RecordActionResult> {
  const record = await findRecord(ctx.tx, input.id);
  if (!record) return { kind: 'not_found', id: input.id };
  const d = decideStatement(record, ctx.actor.userid, ctx.now);
  if (!d.ok) return { kind: 'rejected', record, reasons: d.reasons };
  if (!(await storeStatement(ctx.tx, record.id, input.statement, ctx.now))) {
    // Another message came first (a decision, or a statement): say what it was.
    const now = (await findRecord(ctx.tx, record.id)) ?? record;
    const again = decideStatement(now, ctx.actor.userid, ctx.now);
    return { kind: 'rejected', record: now, reasons: again.ok ? [{ code: 'statement_given', at: now.statementAt ?? ctx.now }] : again.reasons };
  }
  return { kind: 'done', record: { ...record, statement: input.statement, statementAt: ctx.now } };
}
