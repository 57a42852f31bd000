import { referOutCase } from '../../use-cases/refer-out-case.ts';
import { renderReferredOut } from '../../messages/first-inquiry-replies.ts';
import { commandError } from '../parsing/parse-error.ts';
import { defineCommand } from '../define-command.ts';
import { caseCommand } from '../parsing/fields.ts';
import { answerCaseAction } from './case-answers.ts';

const parse = caseCommand('referOut', (r) => {
  const [body, ...explanationTokens] = r.rest;
  if (!body) r.errors.push(commandError('missing_field', 'referOut', { field: 'competentBody' }));
  const explanation = r.required('explanation', explanationTokens);
  return body && explanation !== undefined ? { competentBody: body.raw, explanation } : undefined;
});

/** 外转 #no 单位 说明 (R4 §4): outside the unit's remit; the competent body and explanation are recorded. */
export const referOut = defineCommand({
  name: 'referOut',
  audience: 'staff',
  caseActions: ['referOut'],
  parse,
  run: async (ctx, command) =>
    answerCaseAction(ctx, await referOutCase(ctx, command), (r) => renderReferredOut(r.case, command.competentBody, command.explanation)),
});
