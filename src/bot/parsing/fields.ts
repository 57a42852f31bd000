/** Building blocks for command parsers: a case number first, free-text fields, and nothing at all. */
import type { CommandName } from '../../messages/command-texts.ts';
import type { Parsed } from '../define-command.ts';
import { takeCaseNo } from './case-no.ts';
import { commandError, type ParseContext, type ParseError } from './parse-error.ts';
import { joinRaw, type Token } from './tokens.ts';

/** What a case command's own fields are read from: the words after the case number. */
export interface CaseFieldReader {
  rest: Token[];
  errors: ParseError[];
  /** The words as typed, or a missing-field error when there are none. */
  required(field: string, tokens?: readonly Token[]): string | undefined;
  /** The words as typed, or undefined when there are none. */
  optional(tokens?: readonly Token[]): string | undefined;
}

/**
 * `<word> #no …`: the case number, then the command's fields. Fields are read even without a valid
 * number, so every mistake is reported at once; `build` returns undefined when a field is missing.
 */
export function caseCommand<F extends object>(
  name: CommandName,
  build: (r: CaseFieldReader) => F | undefined,
): (args: readonly Token[], ctx: ParseContext) => Parsed<F & { caseNo: number }> {
  return (args) => {
    const errors: ParseError[] = [];
    const { caseNo, rest } = takeCaseNo(args, name, errors);
    const fields = build(fieldReader(name, rest, errors));
    if (errors.length > 0 || !fields || caseNo === undefined) return { ok: false, errors };
    return { ok: true, fields: { caseNo, ...fields } };
  };
}

/** `<word> #no text`: a case number and one required free-text field (办结 #12 已答复). */
export function caseText<K extends string>(name: CommandName, field: K): (args: readonly Token[], ctx: ParseContext) => Parsed<Record<K, string> & { caseNo: number }> {
  return caseCommand(name, (r) => {
    const text = r.required(field);
    return text === undefined ? undefined : ({ [field]: text } as Record<K, string>);
  });
}

/** `<word> text`: the whole rest of the message as one required field. */
export function textCommand<K extends string>(
  name: CommandName,
  field: K,
  join: (tokens: readonly Token[]) => string = joinRaw,
): (args: readonly Token[]) => Parsed<Record<K, string>> {
  return (args) => {
    const text = join(args);
    if (text === '') return { ok: false, errors: [commandError('missing_field', name, { field })] };
    return { ok: true, fields: { [field]: text } as Record<K, string> };
  };
}

/** Words after these are ignored: "待办 全部" still lists the to-dos. */
export function noArguments(): Parsed<object> {
  return { ok: true, fields: {} };
}

/** `{ ...fields, note }` when a note was typed, else just the fields (no `note: undefined`). */
export function withOptional<F extends object, K extends string>(fields: F, key: K, value: string | undefined): F & Partial<Record<K, string>> {
  return value === undefined ? fields : { ...fields, [key]: value };
}

export function fieldReader(name: CommandName, rest: Token[], errors: ParseError[]): CaseFieldReader {
  const optional = (tokens: readonly Token[] = rest) => {
    const text = joinRaw(tokens);
    return text === '' ? undefined : text;
  };
  return {
    rest,
    errors,
    optional,
    required(field, tokens = rest) {
      const text = optional(tokens);
      if (text === undefined) errors.push(commandError('missing_field', name, { field }));
      return text;
    },
  };
}
