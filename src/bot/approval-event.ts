import type { WeComApiClient } from '../wecom/api-client.ts';
import { fetchApprovalDetail } from '../wecom/approval-detail.ts';
import type { InboundApprovalChange } from '../wecom/inbound-schema.ts';
import { findAbsenceBySource } from '../db/absence-repository.ts';
import { canonicalUserid, loadActor } from '../db/org-repository.ts';
import type { Tx } from '../db/transaction.ts';
import { isStaff, type Actor } from '../domain/org/actor.ts';
import type { Logger } from '../shared/logger.ts';
import { renderLeaveEnded } from '../messages/absence-replies.ts';
import { registerAbsence } from '../use-cases/register-absence.ts';
import { endAbsence } from '../use-cases/end-absence.ts';
import type { CommandContext } from './define-command.ts';
import { leaveAnswer } from './commands/leave.ts';

export interface ApprovalDeps {
  api?: Pick<WeComApiClient, 'call'>;
  /** WECOM_LEAVE_TEMPLATES: the 审批 template ids whose approved forms are absences (请假, 出差, 外出, 公出). */
  leaveTemplates?: readonly string[];
  log: Logger;
}

const APPROVED = 2;
const REVOKED_AFTER_APPROVAL = 6;

/**
 * sys_approval_change (91815): an approved leave or trip form registers the absence exactly as 请假
 * does (B covers, handover notes), a form revoked after approval ends it. The event is only a
 * pointer: the form's state and dates come from getapprovaldetail (91983), so a late or repeated event
 * acts on what the form says now. Keyed by SpNo (Absence.source), so it is registered once.
 */
export async function handleApprovalChange(
  deps: ApprovalDeps,
  tx: Tx,
  msg: InboundApprovalChange,
  contextAs: (actor: Actor) => CommandContext,
): Promise<void> {
  if (!deps.leaveTemplates?.includes(msg.templateId)) return;
  if (msg.spStatus !== APPROVED && msg.spStatus !== REVOKED_AFTER_APPROVAL) return;
  if (!deps.api) throw new Error('an approval event needs the WeCom API client');
  const detail = await fetchApprovalDetail(deps.api, msg.spNo);
  const log = deps.log.child({ spNo: msg.spNo });
  if (!deps.leaveTemplates.includes(detail.templateId)) return;
  const actor = await loadActor(tx, await canonicalUserid(tx, detail.applicant));
  if (!isStaff(actor)) {
    log.warn({ applicant: detail.applicant }, 'approved leave of someone not on the staff list; not registered');
    return;
  }
  const ctx = contextAs(actor);
  const source = `approval:${detail.spNo}`;
  const existing = await findAbsenceBySource(tx, source);
  if (detail.spStatus === APPROVED) {
    if (existing) return;
    if (!detail.period) {
      log.warn({ templateId: detail.templateId }, 'approved form has no leave or attendance period; not registered');
      return;
    }
    const r = await registerAbsence(ctx, { ...detail.period, reason: detail.spName, source });
    ctx.send({ key: `${source}:registered`, toUser: actor.userid, kind: 'text', payload: { content: leaveAnswer(r, ctx.now) } });
    log.info({ userid: actor.userid, registered: r.kind === 'registered' }, 'leave from the approval app');
    return;
  }
  if (detail.spStatus === REVOKED_AFTER_APPROVAL && existing && existing.endedAt === null) {
    const r = await endAbsence(ctx, { absenceId: existing.id });
    if (r.kind === 'ended') {
      const content = renderLeaveEnded(r.absences, r.told.map((u) => r.names.get(u) ?? u), ctx.now);
      ctx.send({ key: `${source}:revoked`, toUser: actor.userid, kind: 'text', payload: { content } });
    }
  }
}
