import type { Command, CommandType } from './command.ts';

export const PARSE_ERROR_CODES = [
  'empty',
  'unknown_command',
  'missing_case_no',
  'bad_case_no',
  'missing_field',
  'unknown_channel',
  'missing_category',
  'missing_applicant',
  'missing_matter',
  'internal_needs_deadline',
  'deadline_not_allowed',
  'deadline_in_past',
  'bad_date',
  'leave_end_before_start',
  'bad_material_index',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/**
 * One mistake in a message. `params.command` names the command concerned (so the reply can show
 * its usage line); other params: `field`, `value`, `word`, `suggestion`.
 */
export interface ParseError {
  code: ParseErrorCode;
  params?: Record<string, string | number>;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; errors: ParseError[] };

export interface ParseContext {
  now: Date;
}

/** An error about `command`, with optional extra params. */
export function commandError(code: ParseErrorCode, command: CommandType, params: Record<string, string | number> = {}): ParseError {
  return { code, params: { command, ...params } };
}

export { clip } from '../../shared/clip.ts';
