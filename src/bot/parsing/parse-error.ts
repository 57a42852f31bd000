import type { CommandName } from '../../messages/command-texts.ts';
import type { ParseErrorCode } from '../../messages/parse-error-replies.ts';

export { PARSE_ERROR_CODES, type ParseErrorCode } from '../../messages/parse-error-replies.ts';

/**
 * One mistake in a message. `params.command` names the command concerned (so the reply can show
 * its usage line); other params: `field`, `value`, `word`, `suggestion`.
 */
export interface ParseError {
  code: ParseErrorCode;
  params?: Record<string, string | number>;
}

export interface ParseContext {
  now: Date;
}

/** An error about `command`, with optional extra params. */
export function commandError(code: ParseErrorCode, command: CommandName, params: Record<string, string | number> = {}): ParseError {
  return { code, params: { command, ...params } };
}

export { clip } from '../../shared/clip.ts';
