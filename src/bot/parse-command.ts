import { clip } from '../shared/clip.ts';
import { COMMAND_WORDS, commandNamed, type Command } from './command-registry.ts';
import type { ParseContext, ParseError } from './parsing/parse-error.ts';
import { subToken, tokenize, type Token } from './parsing/tokens.ts';
import { overLongFields } from './parsing/field-limits.ts';

export type { Command } from './command-registry.ts';
export type { ParseContext, ParseError, ParseErrorCode } from './parsing/parse-error.ts';

export type ParseResult = { ok: true; command: Command } | { ok: false; errors: ParseError[] };

/**
 * A message → a typed command, or every mistake in it at once. Pure (the clock comes in `ctx`) and
 * total: it never throws, whatever the input.
 */
export function parseCommand(text: string, ctx: ParseContext): ParseResult {
  const tokens = tokenize(typeof text === 'string' ? text : '');
  const head = tokens[0];
  if (!head) return { ok: false, errors: [{ code: 'empty' }] };
  const found = commandAt(head);
  const spec = found ? commandNamed(found.name) : undefined;
  if (!found || !spec) {
    const suggestion = COMMAND_WORDS.suggest(head.norm);
    const params: Record<string, string> = { word: clip(head.raw, 10) };
    if (suggestion) params.suggestion = suggestion;
    return { ok: false, errors: [{ code: 'unknown_command', params }] };
  }
  const args = found.glued ? [found.glued, ...tokens.slice(1)] : tokens.slice(1);
  const parsed = spec.parse(args, ctx);
  if (!parsed.ok) return parsed;
  const tooLong = overLongFields(parsed.fields);
  if (tooLong.length > 0) return { ok: false, errors: tooLong.map((f) => ({ code: 'field_too_long', params: { command: spec.name, ...f } })) };
  return { ok: true, command: { type: spec.name, ...parsed.fields } as Command };
}

function commandAt(head: Token): { name: string; glued?: Token } | undefined {
  const name = COMMAND_WORDS.lookup(head.norm);
  if (name) return { name };
  const split = COMMAND_WORDS.splitGlued(head.norm);
  if (!split) return undefined;
  const glued = subToken(head, split.length);
  return glued ? { name: split.name, glued } : { name: split.name };
}
