import { defineCommand } from '../define-command.ts';
import { caseCommand, withOptional } from '../parsing/fields.ts';
import { answerRefusalDecision } from './refusal-decision.ts';

const parse = caseCommand('escalate', (r) => withOptional({}, 'note', r.optional()));

/** 上报 #no [说明] (R6 §2): a major matter goes to the principal leader, who then decides it. */
export const escalate = defineCommand({
  name: 'escalate',
  audience: 'staff',
  listedFor: ['leader', 'principal'],
  caseActions: ['decideRefusal'],
  parse,
  run: (ctx, command) => answerRefusalDecision(ctx, withOptional({ caseNo: command.caseNo, decision: 'escalate' as const }, 'note', command.note)),
});
