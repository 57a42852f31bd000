import { defineCommand } from '../define-command.ts';
import { caseCommand, withOptional } from '../parsing/fields.ts';
import { answerRefusalDecision } from './refusal-decision.ts';

const parse = caseCommand('approve', (r) => withOptional({}, 'note', r.optional()));

/** 同意 #no [说明] (R6 §2): the leader addressed approves the refusal; the written notice is due in 7 days. */
export const approve = defineCommand({
  name: 'approve',
  // Any staff may send it; the filing decides who may act, and the answer names them.
  audience: 'staff',
  listedFor: ['leader', 'principal'],
  caseActions: ['decideRefusal', 'decideEscalated'],
  parse,
  run: (ctx, command) => answerRefusalDecision(ctx, withOptional({ caseNo: command.caseNo, decision: 'approve' as const }, 'note', command.note)),
});
