import type { CommandName } from '../../messages/command-texts.ts';
import { CASE_NO_SUFFIX } from '../../messages/vocabulary.ts';
import { clip, commandError, type ParseError } from './parse-error.ts';
import { subToken, type Token } from './tokens.ts';

// Case numbers are database integers.
const MAX_CASE_NO = 2_147_483_647;
const CASE_NO = new RegExp(`^#?(\\d+)${CASE_NO_SUFFIX}?`, 'u');

/**
 * Takes the case number (`#12`, `＃12`, `12`, `#0012`, `# 12`, `12号`) from the front of `args`.
 * A first token that does not start with # or a digit is not taken: the number is missing and the
 * token is left for the next field, so `办结 已答复` reports only the missing number.
 * Text glued after the number (`#12，已答复`) becomes the next token.
 */
export function takeCaseNo(
  args: readonly Token[],
  command: CommandName,
  errors: ParseError[],
): { caseNo: number | undefined; rest: Token[] } {
  const first = args[0];
  if (!first) {
    errors.push(commandError('missing_case_no', command));
    return { caseNo: undefined, rest: [] };
  }
  const second = args[1];
  if (first.norm === '#' && second) return takeFrom({ ...second, norm: `#${second.norm}` }, args.slice(2), command, errors, 1);
  if (!/^[#\d]/u.test(first.norm)) {
    errors.push(commandError('missing_case_no', command));
    return { caseNo: undefined, rest: [...args] };
  }
  return takeFrom(first, args.slice(1), command, errors, 0);
}

function takeFrom(
  token: Token,
  following: Token[],
  command: CommandName,
  errors: ParseError[],
  addedChars: number,
): { caseNo: number | undefined; rest: Token[] } {
  const match = CASE_NO.exec(token.norm);
  const digits = match?.[1] ?? '';
  const after = token.norm.slice(match?.[0].length ?? 0);
  // Glued text must start with punctuation or a non-ASCII character: "#12.5" and "12ab" are typos, not "#12" + text.
  const gluedOk = after === '' || /^[,;:、。，；：]|^\P{ASCII}/u.test(after);
  const value = digits.replace(/^0+/u, '');
  const caseNo = value.length > 0 && value.length <= 10 ? Number(value) : 0;
  if (!match || !gluedOk || caseNo < 1 || caseNo > MAX_CASE_NO) {
    errors.push(commandError('bad_case_no', command, { value: clip(token.raw) }));
    return { caseNo: undefined, rest: following };
  }
  if (after === '') return { caseNo, rest: following };
  const separator = /^[,;:、。，；：]*/u.exec(after)?.[0] ?? '';
  const glued = subToken(token, (match[0].length - addedChars) + separator.length);
  return { caseNo, rest: glued ? [glued, ...following] : following };
}
