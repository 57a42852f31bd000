/**
 * A chat command is one module (src/bot/commands/<name>.ts) declaring everything about it: its name
 * (which keys its words, usage and example in src/messages/command-texts.ts), who may send it, its
 * parser into a typed command, and its handler. The registry, 帮助 and the authorization table are
 * derived from these declarations (src/bot/command-registry.ts). Typed messages, card buttons and
 * menu clicks all end in the same `run`.
 */
import type { CaseAction } from '../domain/case/authorization.ts';
import type { OrgRole } from '../domain/org/actor.ts';
import type { CommandName, CommandText } from '../messages/command-texts.ts';
import type { Logger } from '../shared/logger.ts';
import type { UseCaseContext } from '../use-cases/context.ts';
import type { ParseContext, ParseError } from './parsing/parse-error.ts';
import type { Token } from './parsing/tokens.ts';

/**
 * Who may send a command: 'anyone' (guests too: the catalog is public), 'staff' (active members of
 * the unit), or staff holding one of the listed roles in the organization.
 */
export type Audience = 'anyone' | 'staff' | readonly [OrgRole, ...OrgRole[]];

/** A parser's answer: the command's fields, or every mistake at once. */
export type Parsed<Fields> = { ok: true; fields: Fields } | { ok: false; errors: ParseError[] };

/** A tap on a card button that is being answered by a command. */
export interface CardTap {
  taskId: string;
  responseCode: string;
  clickedAt: Date;
}

export interface CommandContext extends UseCaseContext {
  /** This message's logger (it carries the inbox key). */
  log: Logger;
  /** Set when the command came from a card button: its reply may be shown on the card instead. */
  tap?: CardTap;
  /** The commands the sender may use, in 帮助's order. */
  visibleCommands(): readonly CommandText[];
}

/**
 * The answer to the sender: text; or markdown (the monthly bulletin); or a template card (with the text
 * that goes out instead should WeCom refuse the card); or
 * `shownOnCard`: the clicked card's update already shows it (with `text` as its fallback), so no
 * separate message is sent.
 */
export type Reply = string | { markdown: string } | { card: Record<string, unknown>; fallback?: string } | { text: string; shownOnCard: true };

export interface CommandSpec<Name extends CommandName = CommandName, Fields extends object = object> {
  readonly name: Name;
  readonly audience: Audience;
  /**
   * Who finds it in 帮助, when that is narrower than who may send it. 同意 is open to all staff
   * (the case decides who may act, and says who), but only leaders need to see it listed.
   */
  readonly listedFor?: readonly [OrgRole, ...OrgRole[]];
  /** The case action it performs, whose per-case roles are the domain's (CASE_ACTIONS). */
  readonly caseActions?: readonly CaseAction[];
  /** The command word may be glued to anything that follows, not only to a case number or date. */
  readonly gluedToAnything?: boolean;
  parse(args: readonly Token[], ctx: ParseContext): Parsed<Fields>;
  run(ctx: CommandContext, command: Fields & { type: Name }): Promise<Reply>;
}

type Parser = (args: readonly Token[], ctx: ParseContext) => Parsed<object>;
type FieldsOf<P extends Parser> = Extract<ReturnType<P>, { ok: true }>['fields'];

/**
 * Declares a command; the identity function that gives the declaration its types. The fields are
 * inferred from the parser, so `run` receives exactly what `parse` produces.
 */
export function defineCommand<Name extends CommandName, P extends Parser>(
  spec: Omit<CommandSpec<Name, FieldsOf<P>>, 'parse' | 'run'> & {
    parse: P;
    run(ctx: CommandContext, command: FieldsOf<P> & { type: Name }): Promise<Reply>;
  },
): CommandSpec<Name, FieldsOf<P>> {
  return spec as CommandSpec<Name, FieldsOf<P>>;
}

/** The typed command a spec parses into. */
export type CommandOf<S> = S extends CommandSpec<infer N, infer F> ? F & { type: N } : never;
