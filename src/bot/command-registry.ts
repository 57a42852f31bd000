/**
 * Every chat command, once. The word index, 帮助 and the authorization table are derived from the
 * command modules listed here; adding a command is its module, its entry in
 * src/messages/command-texts.ts, and one line below.
 */
import { CASE_ACTIONS, type CaseAction, type CaseRole } from '../domain/case/authorization.ts';
import type { Actor, OrgRole } from '../domain/org/actor.ts';
import { COMMAND_TEXTS, type CommandName, type CommandText } from '../messages/command-texts.ts';
import type { Audience, CommandOf, CommandSpec } from './define-command.ts';
import { CommandWords } from './parsing/command-words.ts';
import { answerComplaint } from './commands/answer-complaint.ts';
import { approveExtension } from './commands/approve-extension.ts';
import { extend } from './commands/extend.ts';
import { refuseExtension } from './commands/refuse-extension.ts';
import { approve } from './commands/approve.ts';
import { bulletin } from './commands/bulletin.ts';
import { complain } from './commands/complain.ts';
import { decideRecord } from './commands/decide-record.ts';
import { endLeave } from './commands/end-leave.ts';
import { escalate } from './commands/escalate.ts';
import { evaluate } from './commands/evaluate.ts';
import { finish } from './commands/finish.ts';
import { giveStatement } from './commands/give-statement.ts';
import { guide } from './commands/guide.ts';
import { help } from './commands/help.ts';
import { keyTasks } from './commands/key-tasks.ts';
import { leave } from './commands/leave.ts';
import { materialsComplete } from './commands/materials-complete.ts';
import { noticeGiven } from './commands/notice-given.ts';
import { overturn } from './commands/overturn.ts';
import { rate } from './commands/rate.ts';
import { rectify } from './commands/rectify.ts';
import { progress } from './commands/progress.ts';
import { referOut } from './commands/refer-out.ts';
import { refuse } from './commands/refuse.ts';
import { register } from './commands/register.ts';
import { requestMaterials } from './commands/request-materials.ts';
import { sendBack } from './commands/send-back.ts';
import { setB } from './commands/set-b.ts';
import { standIn } from './commands/stand-in.ts';
import { show } from './commands/show.ts';
import { todo } from './commands/todo.ts';
import { transfer } from './commands/transfer.ts';
import { urgent } from './commands/urgent.ts';

/** In 帮助's order. */
export const COMMANDS = [
  help,
  register,
  finish,
  transfer,
  sendBack,
  referOut,
  requestMaterials,
  materialsComplete,
  refuse,
  extend,
  urgent,
  leave,
  endLeave,
  standIn,
  setB,
  todo,
  show,
  complain,
  keyTasks,
  progress,
  guide,
  approve,
  overturn,
  escalate,
  approveExtension,
  refuseExtension,
  noticeGiven,
  answerComplaint,
  decideRecord,
  giveStatement,
  evaluate,
  bulletin,
  rate,
  rectify,
] as const;

export type AnyCommandSpec = (typeof COMMANDS)[number];

/** A parsed command: `{ type: <name>, ...its fields }`. */
export type Command = CommandOf<AnyCommandSpec>;

const BY_NAME = new Map<string, AnyCommandSpec>(COMMANDS.map((c) => [c.name, c]));

export function commandNamed(name: string): AnyCommandSpec | undefined {
  return BY_NAME.get(name);
}

/** Role-restricted commands are not offered as suggestions to someone who typed a near miss. */
export const COMMAND_WORDS = new CommandWords<CommandName>(
  COMMANDS.map((c) => ({
    name: c.name,
    words: COMMAND_TEXTS[c.name].words,
    suggestable: c.audience === 'anyone' || c.audience === 'staff',
    gluedToAnything: (c as CommandSpec).gluedToAnything === true,
  })),
  'help',
);

/** Whether the actor may send the command at all (the case may still say no, with its reasons). */
export function mayUse(spec: Pick<CommandSpec, 'audience'>, actor: Actor): boolean {
  return audienceIncludes(spec.audience, actor.roles);
}

function audienceIncludes(audience: Audience, roles: ReadonlySet<OrgRole>): boolean {
  if (audience === 'anyone') return true;
  if (!roles.has('staff')) return false;
  return audience === 'staff' || audience.some((r) => roles.has(r));
}

/** What 帮助 lists for someone with these roles: what they may use, less what only other roles need. */
export function visibleCommands(roles: ReadonlySet<OrgRole>): CommandText[] {
  return COMMANDS.filter((c) => {
    const spec = c as CommandSpec;
    if (!audienceIncludes(spec.audience, roles)) return false;
    return !spec.listedFor || spec.listedFor.some((r) => roles.has(r));
  }).map((c) => COMMAND_TEXTS[c.name]);
}

export interface AuthorizationRow {
  command: CommandName;
  word: string;
  /** Who may send it. */
  audience: Audience;
  /** Who finds it in 帮助. */
  listedFor: readonly OrgRole[] | 'audience';
  /** For case commands: the case actions and, per action, who may perform it on a given case. */
  caseRoles: { action: CaseAction; roles: readonly CaseRole[] }[];
}

/** The authorization table, derived: one row per command (tests print and check it; docs/CONTRACT.md lists it). */
export function authorizationTable(): AuthorizationRow[] {
  return COMMANDS.map((c) => {
    const spec = c as CommandSpec;
    return {
      command: c.name,
      word: COMMAND_TEXTS[c.name].words[0],
      audience: spec.audience,
      listedFor: spec.listedFor ?? 'audience',
      caseRoles: (spec.caseActions ?? []).map((action) => ({ action, roles: CASE_ACTIONS[action] })),
    };
  });
}
