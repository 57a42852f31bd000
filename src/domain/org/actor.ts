/**
 * Who sent a message, and what they are in the organization. Per-case roles (handler, B cover, the
 * leader a filing is addressed to) are resolved per case by src/domain/case/authorization.ts.
 */
export const ORG_ROLES = ['staff', 'office', 'head', 'leader', 'principal'] as const;

/**
 * - staff: an active member of the unit (everything below implies it)
 * - office: a member or the head of the office department (办公室)
 * - head: head (部室负责人) of some department
 * - leader: supervising leader (分管领导) of some department
 * - principal: the unit's principal leader (主要负责人)
 */
export type OrgRole = (typeof ORG_ROLES)[number];

export interface Actor {
  userid: string;
  name: string;
  /** The actor's department; null for someone who is not active staff. */
  department: string | null;
  roles: ReadonlySet<OrgRole>;
}

/** Someone WeCom knows but the unit's roster does not (or no longer) lists. */
export function guestActor(userid: string): Actor {
  return { userid, name: userid, department: null, roles: new Set() };
}

export function isStaff(actor: Actor): actor is Actor & { department: string } {
  return actor.department !== null && actor.roles.has('staff');
}
