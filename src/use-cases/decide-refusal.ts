import type { RefusalFilingRecord } from '../domain/case/refusal.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import type { Reason } from '../domain/case/decision.ts';
import { decideRefusalDecision, type RefusalVerdict } from '../domain/case/refusal.ts';
import { findCase } from '../db/case-repository.ts';
import { readOrgSettings, staffNames } from '../db/org-repository.ts';
import { findCurrentFiling, findFiling, updateFiling, type FilingPatch } from '../db/refusal-filing-repository.ts';
import { renderDecisionNotice, renderRefusedToFirstResponder } from '../messages/refusal-replies.ts';
import { chinaDateOf } from '../domain/calendar/china-time.ts';
import { isPersonId } from '../domain/case/authorization.ts';
import { newNoticeToken, noticeRef, refusalNoticeNumber } from '../shared/notice-ref.ts';
import { transitionContextFor } from './case-roles.ts';
import { commitTransition } from './commit-transition.ts';
import type { UseCaseContext } from './context.ts';
import { actedBy, recordOutcome } from './record-outcome.ts';

export interface DecideRefusalInput {
  caseNo: number;
  decision: RefusalVerdict;
  /** Required to overturn: what the handler is to do instead. */
  instruction?: string;
  note?: string;
}

export type DecideRefusalResult =
  | { kind: 'decided'; decision: RefusalVerdict; case: CaseRecord; filing: RefusalFilingRecord }
  | { kind: 'not_found'; caseNo: number; what: 'case' | 'filing' }
  | { kind: 'already_decided'; case: CaseRecord; filing: RefusalFilingRecord }
  /** The sender is not the leader the filing is addressed to (or, once escalated, not the principal). */
  | { kind: 'not_allowed'; case: CaseRecord; filing: RefusalFilingRecord; reasons: Reason[] }
  /** Allowed, but the decision itself is incomplete (e.g. an overturn without an instruction). */
  | { kind: 'invalid'; case: CaseRecord; filing: RefusalFilingRecord; reasons: Reason[] };

/**
 * 同意 / 纠正 / 上报 (R6 §2): the one way a refusal filing is decided, by text command or card click.
 * Approving refuses the case (written notice due in 7 natural days); overturning reopens it under the
 * leader's instruction; escalating sends it to the principal leader. The filer hears of each.
 */
export async function decideRefusal(ctx: UseCaseContext, input: DecideRefusalInput): Promise<DecideRefusalResult> {
  const c = await findCase(ctx.tx, input.caseNo);
  if (!c) return { kind: 'not_found', caseNo: input.caseNo, what: 'case' };
  const filing = await findCurrentFiling(ctx.tx, c.no);
  if (!filing) return { kind: 'not_found', caseNo: c.no, what: 'filing' };
  if (filing.status !== 'pending' && filing.status !== 'escalated') return { kind: 'already_decided', case: c, filing };

  const { principal } = await readOrgSettings(ctx.tx);
  const escalated = filing.status === 'escalated';
  const t = await transitionContextFor(ctx, c, escalated ? { principal: filing.escalatedTo } : { leader: filing.leader });
  const d = decideRefusalDecision(c, { ...input, filing: { id: filing.id, leader: filing.leader, escalatedTo: filing.escalatedTo }, principal }, t);
  if (!d.ok) {
    const kind = d.reasons.some((r) => r.code === 'not_allowed') ? 'not_allowed' : 'invalid';
    return { kind, case: c, filing, reasons: d.reasons };
  }

  const patch: FilingPatch =
    input.decision === 'escalate'
      ? { status: 'escalated', escalatedTo: d.escalatedTo, escalatedAt: ctx.now }
      : {
          status: d.filingStatus,
          decision: input.decision,
          decidedBy: ctx.actor.userid,
          decidedAt: ctx.now,
          noticeDueAt: d.noticeDueAt,
          instruction: input.instruction?.trim() ?? null,
          // R6 §3: the applicant is told in writing; the printable 不予受理告知书 gets its unguessable link now.
          ...(d.filingStatus === 'approved' ? { noticeToken: newNoticeToken() } : {}),
        };
  if (!(await updateFiling(ctx.tx, filing, patch))) {
    // A card click and a text command crossed: the other one decided first.
    const now = (await findFiling(ctx.tx, filing.id)) ?? filing;
    return { kind: 'already_decided', case: (await findCase(ctx.tx, c.no)) ?? c, filing: now };
  }
  const after = await commitTransition(ctx.tx, c, d);
  const decided: RefusalFilingRecord = { ...filing, ...patch, version: filing.version + 1 };
  // An approved refusal closes the case: credited to whoever filed it, on time if it was filed in time.
  if (input.decision === 'approve') {
    await recordOutcome(ctx, after, { kind: 'refused', acted: await actedBy(ctx.tx, c, filing.filer, filing.createdAt), judgedAt: filing.createdAt });
  }
  await tellPeople(ctx, after, decided, input, escalated);
  return { kind: 'decided', decision: input.decision, case: after, filing: decided };
}

async function tellPeople(ctx: UseCaseContext, c: CaseRecord, f: RefusalFilingRecord, input: DecideRefusalInput, wasEscalated: boolean): Promise<void> {
  const names = await staffNames(ctx.tx, [f.filer, f.leader, c.handler, ctx.actor.userid, ...(f.escalatedTo ? [f.escalatedTo] : [])]);
  const handledByFirstResponder = c.firstResponder === c.handler;
  const key = `refusal:${f.id}:${input.decision}`;
  const told = new Set([ctx.actor.userid]);
  const tell = (to: string, content: string) => {
    if (told.has(to)) return;
    told.add(to);
    ctx.send({ key: `${key}:${to}`, toUser: to, kind: 'text', payload: { content } });
  };
  // The principal hears of an escalation through their own card (src/use-cases/refusal-cards), which carries the note.
  const notice = renderDecisionNotice(c, f, names, ctx.now, refusalNoticeLink(ctx.publicBaseUrl, f));
  tell(f.filer, notice);
  // The instruction is for whoever handles the case now; a principal's decision also closes the leader's loop.
  if (input.decision === 'overturn') tell(c.handler, notice);
  if (wasEscalated) tell(f.leader, notice);
  // 首问负责制 §4: whoever first took a case they referred hears that it was refused.
  if (input.decision === 'approve' && !handledByFirstResponder && isPersonId(c.firstResponder)) tell(c.firstResponder, renderRefusedToFirstResponder(c, f, names));
}

/** The printable 不予受理告知书 of an approved refusal (GET /refusal-notices/:ref), or null before approval. */
export function refusalNoticeLink(publicBaseUrl: string, f: Pick<RefusalFilingRecord, 'id' | 'noticeToken' | 'decidedAt'>): string | null {
  if (!f.noticeToken || !f.decidedAt) return null;
  return `${publicBaseUrl}${refusalNoticePath(f)}`;
}

export function refusalNoticePath(f: Pick<RefusalFilingRecord, 'id' | 'noticeToken' | 'decidedAt'>): string | null {
  if (!f.noticeToken || !f.decidedAt) return null;
  return `/refusal-notices/${noticeRef(refusalNoticeNumber(f.id, chinaDateOf(f.decidedAt).slice(0, 4)), f.noticeToken)}`;
}
