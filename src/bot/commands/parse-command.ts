import type { Command, CommandType } from './command.ts';
import { lookupCommandWord, splitGluedCommand, suggestCommand } from './command-words.ts';
import { parseCaseCommand, type CaseCommandType } from './parse-case-commands.ts';
import { clip, commandError, type ParseContext, type ParseError, type ParseResult } from './parse-error.ts';
import { parseLeave } from './parse-leave.ts';
import { parseOfficeCommand } from './parse-office-commands.ts';
import { parseRegister } from './parse-register.ts';
import { joinNorm, joinRaw, subToken, tokenize, type Token } from './tokens.ts';

export type { Command, CommandType } from './command.ts';
export type { ParseContext, ParseError, ParseErrorCode, ParseResult } from './parse-error.ts';

/**
 * A staff message → a typed command, or every mistake in it at once. Pure (the clock comes in
 * `ctx`) and total: it never throws, whatever the input.
 */
export function parseCommand(text: string, ctx: ParseContext): ParseResult {
  const tokens = tokenize(typeof text === 'string' ? text : '');
  const head = tokens[0];
  if (!head) return { ok: false, errors: [{ code: 'empty' }] };
  const office = parseOfficeCommand(tokens);
  if (office) return office;
  const found = commandAt(head);
  if (!found) {
    const suggestion = suggestCommand(head.norm);
    const params: Record<string, string> = { word: clip(head.raw, 10) };
    if (suggestion) params.suggestion = suggestion;
    return { ok: false, errors: [{ code: 'unknown_command', params }] };
  }
  const args = found.glued ? [found.glued, ...tokens.slice(1)] : tokens.slice(1);
  return parseArgs(found.type, args, ctx);
}

function commandAt(head: Token): { type: CommandType; glued?: Token } | undefined {
  const type = lookupCommandWord(head.norm);
  if (type) return { type };
  const split = splitGluedCommand(head.norm);
  if (!split) return undefined;
  const glued = subToken(head, split.length);
  return glued ? { type: split.type, glued } : { type: split.type };
}

function parseArgs(type: CommandType, args: Token[], ctx: ParseContext): ParseResult {
  switch (type) {
    case 'register':
      return parseRegister(args, ctx);
    case 'leave':
      return parseLeave(args, ctx);
    // Words after these are ignored: "待办 全部" still lists the to-dos.
    case 'help':
    case 'endLeave':
    case 'todo':
      return ok({ type });
    case 'complain':
      return textCommand(args, 'complain', 'content', (content) => ({ type: 'complain', content }));
    case 'guide':
      return textCommand(args, 'guide', 'query', (query) => ({ type: 'guide', query }), joinNorm);
    default:
      return parseCaseCommand(type satisfies CaseCommandType, args);
  }
}

function textCommand(
  args: readonly Token[],
  type: CommandType,
  field: string,
  build: (text: string) => Command,
  join: (tokens: readonly Token[]) => string = joinRaw,
): ParseResult {
  const text = join(args);
  if (text === '') return fail([commandError('missing_field', type, { field })]);
  return ok(build(text));
}

function ok(command: Command): ParseResult {
  return { ok: true, command };
}

function fail(errors: ParseError[]): ParseResult {
  return { ok: false, errors };
}
