import { finishCase } from '../../use-cases/finish-case.ts';
import { renderFinished } from '../../messages/case-replies.ts';
import { defineCommand } from '../define-command.ts';
import { caseText } from '../parsing/fields.ts';
import { answerCaseAction } from './case-answers.ts';

const parse = caseText('finish', 'result');

/** 办结 #no 结果 (R3): finishing late is recorded for the office. */
export const finish = defineCommand({
  name: 'finish',
  audience: 'staff',
  caseActions: ['finish'],
  parse,
  run: async (ctx, command) => answerCaseAction(ctx, await finishCase(ctx, command.caseNo, command.result), (r) => renderFinished(r.case, ctx.now, r.onTime)),
});
