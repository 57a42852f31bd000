import { TASK_NO_SUFFIX } from '../../messages/key-task-vocabulary.ts';
import type { CommandName } from '../../messages/command-texts.ts';
import { clip, commandError, type ParseError } from './parse-error.ts';
import { subToken, type Token } from './tokens.ts';

const MAX_ID = 2_147_483_647;
const TASK_NO = new RegExp(`^#?(\\d+)(?:${TASK_NO_SUFFIX})?`, 'u');
/** Text glued after the number must start with punctuation or a non-ASCII character (3，50%), as for case numbers. */
const GLUE_OK = /^[,;:、。，；：]|^\P{ASCII}/u;
const SEPARATOR = /^[,;:、。，；：]*/u;

/** The task number (任务编号) a token starts with, and what is glued after it; null when it does not start with one. */
export function readTaskNo(token: Token): { id: number | null; rest: Token | undefined } | null {
  const m = TASK_NO.exec(token.norm);
  if (!m) return null;
  const after = token.norm.slice(m[0].length);
  const value = m[1]!.replace(/^0+/u, '');
  const id = value.length > 0 && value.length <= 10 && Number(value) <= MAX_ID ? Number(value) : null;
  if (after !== '' && !GLUE_OK.test(after)) return { id: null, rest: undefined };
  const separator = SEPARATOR.exec(after)?.[0] ?? '';
  return { id, rest: after === '' ? undefined : subToken(token, m[0].length + separator.length) };
}

/** Takes the task number from the front of `args`, reporting a missing or malformed one. */
export function takeTaskNo(args: readonly Token[], command: CommandName, errors: ParseError[], looksLikeNext: (t: Token) => boolean): { id: number | undefined; rest: Token[] } {
  const first = args[0];
  if (!first) {
    errors.push(commandError('missing_field', command, { field: 'taskNo' }));
    return { id: undefined, rest: [] };
  }
  const read = readTaskNo(first);
  if (read && read.id !== null) return { id: read.id, rest: read.rest ? [read.rest, ...args.slice(1)] : args.slice(1) };
  if (!read && looksLikeNext(first)) {
    errors.push(commandError('missing_field', command, { field: 'taskNo' }));
    return { id: undefined, rest: [...args] };
  }
  errors.push(commandError('bad_task_no', command, { value: clip(first.raw) }));
  return { id: undefined, rest: args.slice(1) };
}
