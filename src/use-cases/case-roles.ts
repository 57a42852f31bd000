import { resolveRoles, type CaseRole } from '../domain/case/authorization.ts';
import type { CaseRecord } from '../domain/case/case.ts';
import type { TransitionContext } from '../domain/case/decision.ts';
import { coverFor } from '../db/coverage-repository.ts';
import { readOrgSettings } from '../db/org-repository.ts';
import { isStaff } from '../domain/org/actor.ts';
import type { UseCaseContext } from './context.ts';

/** `leader`: the leader a pending filing is addressed to; `principal`: who an escalated filing went to. */
export interface RoleOverrides {
  leader?: string | null;
  principal?: string | null;
}

/**
 * What the sender is to this case right now. Whoever covers an absent handler (R7) acts with the
 * handler's authority, so coverage is resolved for every case action.
 */
export async function caseRolesFor(ctx: UseCaseContext, c: CaseRecord, facts: RoleOverrides = {}): Promise<Set<CaseRole>> {
  const cover = await coverFor(ctx.tx, c.handler, ctx.now);
  const settings = await readOrgSettings(ctx.tx);
  return resolveRoles({
    actor: ctx.actor.userid,
    handler: c.handler,
    firstResponder: c.firstResponder,
    coveringFor: cover && cover.via !== 'handler' ? cover.userid : null,
    isStaff: isStaff(ctx.actor),
    leader: facts.leader ?? null,
    principal: facts.principal !== undefined ? facts.principal : settings.principal,
  });
}

/** The transition context of the sender at this message's instant. */
export async function transitionContextFor(ctx: UseCaseContext, c: CaseRecord, facts: RoleOverrides = {}): Promise<TransitionContext> {
  return { actor: ctx.actor.userid, roles: await caseRolesFor(ctx, c, facts), now: ctx.now, calendar: ctx.calendar };
}
