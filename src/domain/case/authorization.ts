/**
 * Who may do what, in one table (PRODUCT.md: "Nobody acts outside their role").
 * A role is what a person is *to this case* at this moment; roles are resolved by resolveRoles.
 */
export type CaseRole = 'handler' | 'covering' | 'first_responder' | 'leader' | 'principal' | 'office' | 'staff';

export const CASE_ACTIONS = {
  view: ['staff'],
  finish: ['handler', 'covering'],
  transfer: ['handler', 'covering', 'first_responder'],
  refer_out: ['handler', 'covering'],
  request_materials: ['handler', 'covering'],
  materials_complete: ['handler', 'covering'],
  refuse: ['handler', 'covering'],
  urgent: ['handler', 'covering', 'first_responder'],
  decide_refusal: ['leader'],
  decide_escalated: ['principal'],
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
  leader?: string | null;
  principal?: string | null;
  officeMembers?: readonly string[];
}

export function resolveRoles(f: RoleFacts): Set<CaseRole> {
  const roles = new Set<CaseRole>();
  if (f.isStaff) roles.add('staff');
  if (f.actor === f.handler) roles.add('handler');
  if (f.coveringFor !== null && f.actor === f.coveringFor) roles.add('covering');
  if (f.actor === f.firstResponder) roles.add('first_responder');
  if (f.leader && f.actor === f.leader) roles.add('leader');
  if (f.principal && f.actor === f.principal) roles.add('principal');
  if (f.officeMembers?.includes(f.actor)) roles.add('office');
  return roles;
}
