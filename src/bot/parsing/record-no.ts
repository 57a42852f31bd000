import type { CommandName } from '../../messages/command-texts.ts';
import { RECORD_NO_LABELS } from '../../messages/vocabulary.ts';
import { anyOf } from '../../shared/words.ts';
import { clip, commandError, type ParseError } from './parse-error.ts';
import { subToken, type Token } from './tokens.ts';

// Record numbers are database integers; a label (记录12, 编号12) and a # are allowed before them.
const RECORD_NO = new RegExp(`^(?:${anyOf(RECORD_NO_LABELS)})?[:,、]*#?(\\d{1,10})`, 'u');
const MAX_RECORD_NO = 2_147_483_647;

/**
 * Takes an accountability record's number from the front of `args` (`12`, `#12`, `记录12`, `12，…`).
 * A first token that is not a number is left for the next field, so every mistake is reported.
 */
export function takeRecordNo(args: readonly Token[], command: CommandName, errors: ParseError[]): { recordNo: number | undefined; rest: Token[] } {
  const first = args[0];
  const match = first ? RECORD_NO.exec(first.norm) : null;
  if (!first || !match) {
    errors.push(commandError('missing_field', command, { field: 'recordId' }));
    return { recordNo: undefined, rest: [...args] };
  }
  const value = Number(match[1]);
  const after = first.norm.slice(match[0].length);
  if (value < 1 || value > MAX_RECORD_NO || (after !== '' && !/^[,;:、。，；：]|^\P{ASCII}/u.test(after))) {
    errors.push(commandError('bad_record_no', command, { value: clip(first.raw) }));
    return { recordNo: undefined, rest: args.slice(1) };
  }
  const glued = after === '' ? undefined : subToken(first, match[0].length + (/^[,;:、。，；：]*/u.exec(after)?.[0].length ?? 0));
  return { recordNo: value, rest: glued ? [glued, ...args.slice(1)] : args.slice(1) };
}
