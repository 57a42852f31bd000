/**
 * Who may do what, in one table (docs/PRODUCT.md: "Nobody acts outside their role").
 * A role is what a person is *to this case* at this moment; roles are resolved by resolveRoles.
 */
export type CaseRole = 'handler' | 'covering' | 'firstResponder' | 'leader' | 'principal' | 'office' | 'staff' | 'system';

export const CASE_ROLES: readonly CaseRole[] = ['handler', 'covering', 'firstResponder', 'leader', 'principal', 'office', 'staff', 'system'];

/**
 * The actor name of work the bot does by itself (the deemed-approval sweep). '#' cannot occur in a
 * WeCom userid, so no staff member can ever be mistaken for the bot.
 */
export const SYSTEM_ACTOR = '#system';

/**
 * Who the public is in the records: the complainant of a complaint from the public page, and the first
 * responder of a case left on a 留言卡. Like SYSTEM_ACTOR it can never be a userid, so it has no role.
 */
export const PUBLIC_ACTOR = '#public';

/** Whether an actor of the records is a person who can be sent a message (not the bot, not the public). */
export function isPersonId(actor: string): boolean {
  return !actor.startsWith('#');
}

export const CASE_ACTIONS = {
  view: ['staff'],
  finish: ['handler', 'covering'],
  // R4 §4: the first responder stays responsible for pointing the request to the right place.
  transfer: ['handler', 'covering', 'firstResponder'],
  // R4 §4: whoever received a transfer (or covers for them) may send it back to whoever sent it.
  sendBack: ['handler', 'covering'],
  referOut: ['handler', 'covering'],
  requestMaterials: ['handler', 'covering'],
  materialsComplete: ['handler', 'covering'],
  // R6 §1: a refusal is only ever a filing; the handler files, the leader decides.
  refuse: ['handler', 'covering'],
  // R4 §5: whoever first took an urgent matter must report it at once.
  urgent: ['handler', 'covering', 'firstResponder'],
  // `leader` is only resolved for the leader a pending filing is addressed to.
  decideRefusal: ['leader'],
  decideEscalated: ['principal'],
  // R6 §3: whoever handles the case reports the written notice (告知书) given to the applicant.
  noticeGiven: ['handler', 'covering'],
  // 延期 (R3): whoever handles the case asks; the supervising leader it went to decides.
  extend: ['handler', 'covering'],
  decideExtension: ['leader'],
  // R3 §5: nobody decides a deemed approval; the deadline does.
  deemApprove: ['system'],
} as const satisfies Record<string, readonly CaseRole[]>;

export type CaseAction = keyof typeof CASE_ACTIONS;

export function isAllowed(action: CaseAction, roles: ReadonlySet<CaseRole>): boolean {
  return (CASE_ACTIONS[action] as readonly CaseRole[]).some((r) => roles.has(r));
}

export interface RoleFacts {
  actor: string;
  handler: string;
  firstResponder: string;
  /** Whoever covers the handler right now (R7), or null when the handler is present. */
  coveringFor: string | null;
  isStaff: boolean;
  /** The leader the case's pending refusal filing (or extension request) is addressed to (null when none is pending). */
  leader?: string | null;
  principal?: string | null;
  officeMembers?: readonly string[];
}

export function resolveRoles(f: RoleFacts): Set<CaseRole> {
  const roles = new Set<CaseRole>();
  if (f.actor === SYSTEM_ACTOR) return new Set(['system']);
  if (f.isStaff) roles.add('staff');
  if (f.actor === f.handler) roles.add('handler');
  if (f.coveringFor !== null && f.actor === f.coveringFor) roles.add('covering');
  if (f.actor === f.firstResponder) roles.add('firstResponder');
  if (f.leader && f.actor === f.leader) roles.add('leader');
  if (f.principal && f.actor === f.principal) roles.add('principal');
  if (f.officeMembers?.includes(f.actor)) roles.add('office');
  return roles;
}
