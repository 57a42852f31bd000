import { describe, expect, it } from 'vitest';
import { resolveRecipients, type OrgView } from '../../../src/domain/reminders/resolve-recipients.ts';

const org = (away: string[] = []): OrgView => ({
  staffDepartment: new Map([
    ['lihua', 'kpb'],
    ['zhaomin', 'kpb'],
    ['chenjing', 'kpb'],
    ['liuyang', 'bgs'],
    ['sunli', 'bgs'],
  ]),
  departments: new Map([
    ['kpb', { head: 'chenjing', leader: 'wangqiang' }],
    ['bgs', { head: 'liuyang', leader: 'wangqiang' }],
  ]),
  posts: [
    { department: 'kpb', a: 'lihua', b: 'zhaomin' },
    { department: 'bgs', a: 'liuyang', b: 'sunli' },
  ],
  away: new Set(away),
  principal: 'zhangwei',
  officeHead: 'liuyang',
});
const subject = { handler: 'lihua', department: 'kpb' };

describe('who a reminder goes to', () => {
  it('goes to the handler and the B holder', () => {
    expect(resolveRecipients(['handler', 'b'], subject, org())).toEqual([
      { userid: 'lihua', role: 'handler' },
      { userid: 'zhaomin', role: 'b' },
    ]);
  });

  it('addresses whoever covers an absent handler as the handler, once (R7)', () => {
    expect(resolveRecipients(['handler', 'b', 'head'], subject, org(['lihua']))).toEqual([
      { userid: 'zhaomin', role: 'handler', coveringFor: 'lihua' },
      { userid: 'chenjing', role: 'head' },
    ]);
    expect(resolveRecipients(['handler', 'b'], subject, org(['lihua', 'zhaomin']))).toEqual([{ userid: 'chenjing', role: 'handler', coveringFor: 'lihua' }]);
  });

  it('finds the head, the supervising leader (or the filing leader), the principal and the office head', () => {
    expect(resolveRecipients(['head', 'leader', 'principal', 'office_head'], subject, org()).map((r) => r.userid)).toEqual(['chenjing', 'wangqiang', 'zhangwei', 'liuyang']);
    expect(resolveRecipients(['leader'], { ...subject, leader: 'zhangwei' }, org())).toEqual([{ userid: 'zhangwei', role: 'leader' }]);
    expect(resolveRecipients(['office_head'], subject, org(['liuyang']))).toEqual([{ userid: 'sunli', role: 'office_head' }]);
  });

  it('still addresses a handler when the whole department is away: the message waits for them', () => {
    expect(resolveRecipients(['handler', 'b'], subject, org(['lihua', 'zhaomin', 'chenjing']))).toEqual([{ userid: 'lihua', role: 'handler' }]);
  });
});
