import { giveStatement as storeStatementOf } from '../../use-cases/decide-record.ts';
import { renderStatementTaken } from '../../messages/accountability-replies.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import { fieldReader } from '../parsing/fields.ts';
import type { ParseError } from '../parsing/parse-error.ts';
import { takeRecordNo } from '../parsing/record-no.ts';
import type { Token } from '../parsing/tokens.ts';
import { answerRecordAction } from './record-answers.ts';

function parse(args: readonly Token[]): Parsed<{ recordNo: number; statement: string }> {
  const errors: ParseError[] = [];
  const { recordNo, rest } = takeRecordNo(args, 'giveStatement', errors);
  const statement = fieldReader('giveStatement', rest, errors).required('statement');
  if (errors.length > 0 || recordNo === undefined || statement === undefined) return { ok: false, errors };
  return { ok: true, fields: { recordNo, statement } };
}

/** 申辩 编号 说明 (责任追究制): the person concerned explains in writing, within 3 working days of being told. */
export const giveStatement = defineCommand({
  name: 'giveStatement',
  audience: 'staff',
  parse,
  run: async (ctx, command) => answerRecordAction(ctx, await storeStatementOf(ctx, { id: command.recordNo, statement: command.statement }), (r) => renderStatementTaken(r.record)),
});
