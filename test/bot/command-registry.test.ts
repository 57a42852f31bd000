import { describe, expect, it } from 'vitest';
import { COMMANDS, COMMAND_WORDS, authorizationTable, mayUse, visibleCommands } from '../../src/bot/command-registry.ts';
import { CASE_ACTIONS } from '../../src/domain/case/authorization.ts';
import { guestActor, type Actor, type OrgRole } from '../../src/domain/org/actor.ts';
import { COMMAND_TEXTS } from '../../src/messages/command-texts.ts';

const person = (...roles: OrgRole[]): Actor => ({ userid: 'u', name: 'u', department: roles.length > 0 ? 'kpb' : null, roles: new Set(roles) });
const PEOPLE: Record<string, Actor> = {
  guest: guestActor('someone'),
  clerk: person('staff'),
  head: person('staff', 'head'),
  office: person('staff', 'office'),
  leader: person('staff', 'leader'),
  principal: person('staff', 'principal'),
};

/** Who may send what, restated from the regulation and the contract (not read from the modules). */
const MAY_SEND: Record<string, readonly string[]> = {
  help: ['guest', 'clerk', 'head', 'office', 'leader', 'principal'],
  guide: ['guest', 'clerk', 'head', 'office', 'leader', 'principal'],
  // R8 §4: the office takes and answers efficiency complaints.
  answerComplaint: ['office'],
  decideRecord: ['office'],
  evaluate: ['office', 'leader', 'principal'],
  bulletin: ['office'],
  // AB岗 §4–§5: the department head names a stand-in and changes a post's B holder.
  standIn: ['head'],
  setB: ['head'],
};
const STAFF = ['clerk', 'head', 'office', 'leader', 'principal'];

describe('the command registry', () => {
  it('has one module per entry of the text catalogue, and the other way round', () => {
    expect(COMMANDS.map((c) => c.name).sort()).toEqual(Object.keys(COMMAND_TEXTS).sort());
  });

  it('gives every word to one command only, and finds each command by each of its words', () => {
    const words = COMMANDS.flatMap((c) => COMMAND_TEXTS[c.name].words.map((w) => w.toLowerCase()));
    expect(new Set(words).size).toBe(words.length);
    for (const c of COMMANDS) for (const w of COMMAND_TEXTS[c.name].words) expect(COMMAND_WORDS.lookup(w)).toBe(c.name);
  });

  it('lets each kind of person send exactly the commands their role allows (every command × every role)', () => {
    for (const c of COMMANDS) {
      const expected = MAY_SEND[c.name] ?? STAFF;
      for (const [who, actor] of Object.entries(PEOPLE)) expect(mayUse(c, actor), `${who} → ${c.name}`).toBe(expected.includes(who));
    }
  });

  it('lists the refusal decisions only for leaders and the principal, who alone can be addressed by a filing', () => {
    const listed = (a: Actor) => visibleCommands(a.roles).map((t) => t.words[0]);
    for (const word of ['同意', '纠正', '上报']) {
      expect(listed(PEOPLE.leader!)).toContain(word);
      expect(listed(PEOPLE.principal!)).toContain(word);
      for (const who of ['clerk', 'head', 'office', 'guest']) expect(listed(PEOPLE[who]!), who).not.toContain(word);
    }
    expect(listed(PEOPLE.office!)).toContain('答复投诉');
    expect(listed(PEOPLE.clerk!)).not.toContain('答复投诉');
    expect(listed(PEOPLE.guest!)).toEqual(['帮助', '指南']);
  });

  it('derives the authorization table from the modules, naming the per-case roles of the domain', () => {
    const table = authorizationTable();
    expect(table.map((r) => r.command)).toEqual(COMMANDS.map((c) => c.name));
    const row = (name: string) => table.find((r) => r.command === name)!;
    expect(row('finish')).toMatchObject({ word: '办结', audience: 'staff', caseRoles: [{ action: 'finish', roles: CASE_ACTIONS.finish }] });
    expect(row('transfer').caseRoles[0]?.roles).toContain('firstResponder');
    expect(row('approve')).toMatchObject({ listedFor: ['leader', 'principal'] });
    expect(row('answerComplaint')).toMatchObject({ audience: ['office'], caseRoles: [] });
    for (const r of table) for (const { action } of r.caseRoles) expect(Object.keys(CASE_ACTIONS)).toContain(action);
  });
});
