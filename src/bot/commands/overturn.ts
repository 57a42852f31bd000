import { defineCommand } from '../define-command.ts';
import { caseText } from '../parsing/fields.ts';
import { answerRefusalDecision } from './refusal-decision.ts';

const parse = caseText('overturn', 'instruction');

/** 纠正 #no 意见 (R6 §2): the leader overturns the refusal; the instruction goes to the handler. */
export const overturn = defineCommand({
  name: 'overturn',
  audience: 'staff',
  listedFor: ['leader', 'principal'],
  caseActions: ['decideRefusal', 'decideEscalated'],
  parse,
  run: (ctx, command) => answerRefusalDecision(ctx, { caseNo: command.caseNo, decision: 'overturn', instruction: command.instruction }),
});
