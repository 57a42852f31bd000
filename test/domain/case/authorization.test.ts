import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_ROLES, SYSTEM_ACTOR, isAllowed, resolveRoles, type CaseAction, type CaseRole } from '../../../src/domain/case/authorization.ts';

/**
 * The expected table, written out independently of CASE_ACTIONS: a change to who may do what must
 * be made in both places, on purpose. Rows are actions, columns the roles that may do them.
 */
const EXPECTED: Record<CaseAction, CaseRole[]> = {
  view: ['staff'],
  finish: ['handler', 'covering'],
  transfer: ['handler', 'covering', 'firstResponder'],
  sendBack: ['handler', 'covering'],
  referOut: ['handler', 'covering'],
  requestMaterials: ['handler', 'covering'],
  materialsComplete: ['handler', 'covering'],
  refuse: ['handler', 'covering'],
  urgent: ['handler', 'covering', 'firstResponder'],
  decideRefusal: ['leader'],
  decideEscalated: ['principal'],
  noticeGiven: ['handler', 'covering'],
  extend: ['handler', 'covering'],
  decideExtension: ['leader'],
  deemApprove: ['system'],
};

describe('the authorization table', () => {
  it('has exactly the actions the rules know', () => {
    expect(Object.keys(CASE_ACTIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cells = (Object.keys(EXPECTED) as CaseAction[]).flatMap((action) => CASE_ROLES.map((role) => [action, role, EXPECTED[action].includes(role)] as const));
  it.each(cells)('%s by %s alone: allowed = %s', (action, role, allowed) => {
    expect(isAllowed(action, new Set([role]))).toBe(allowed);
  });

  it('allows nothing but viewing to someone with no role in the case', () => {
    for (const action of Object.keys(EXPECTED) as CaseAction[]) expect(isAllowed(action, new Set(['staff']))).toBe(action === 'view');
    for (const action of Object.keys(EXPECTED) as CaseAction[]) expect(isAllowed(action, new Set())).toBe(false);
  });
});

describe('resolving roles', () => {
  const base = { handler: 'lihua', firstResponder: 'chenjing', coveringFor: null, isStaff: true };

  it('gives the handler, the first responder and the covering person their roles', () => {
    expect([...resolveRoles({ ...base, actor: 'lihua' })].sort()).toEqual(['handler', 'staff']);
    expect([...resolveRoles({ ...base, actor: 'chenjing' })].sort()).toEqual(['firstResponder', 'staff']);
    expect([...resolveRoles({ ...base, actor: 'zhaomin', coveringFor: 'zhaomin' })].sort()).toEqual(['covering', 'staff']);
    expect([...resolveRoles({ ...base, actor: 'zhaomin' })]).toEqual(['staff']);
  });

  it('makes someone a leader only for the filing addressed to them', () => {
    expect(resolveRoles({ ...base, actor: 'wangqiang', leader: 'wangqiang' }).has('leader')).toBe(true);
    expect(resolveRoles({ ...base, actor: 'wangqiang', leader: null }).has('leader')).toBe(false);
    expect(resolveRoles({ ...base, actor: 'sunli', leader: 'wangqiang' }).has('leader')).toBe(false);
    expect(resolveRoles({ ...base, actor: 'zhangwei', principal: 'zhangwei' }).has('principal')).toBe(true);
  });

  it('gives the bot only the system role, and no person the system role', () => {
    expect([...resolveRoles({ ...base, actor: SYSTEM_ACTOR, principal: SYSTEM_ACTOR })]).toEqual(['system']);
    for (const actor of ['lihua', 'chenjing', 'system', 'zhangwei']) {
      expect(resolveRoles({ ...base, actor, principal: 'zhangwei', leader: 'zhangwei', coveringFor: 'zhangwei' }).has('system')).toBe(false);
    }
  });
});
