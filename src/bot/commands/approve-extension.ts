import { defineCommand } from '../define-command.ts';
import { caseCommand, withOptional } from '../parsing/fields.ts';
import { answerExtensionDecision } from './extension-decision.ts';

const parse = caseCommand('approveExtension', (r) => withOptional({}, 'note', r.optional()));

/** 同意延期 #no [说明] (R3): the leader the request went to approves it; the deadline moves. */
export const approveExtension = defineCommand({
  name: 'approveExtension',
  // Any staff may send it; the request decides who may act, and the answer names them.
  audience: 'staff',
  listedFor: ['leader', 'principal'],
  caseActions: ['decideExtension'],
  parse,
  run: (ctx, command) => answerExtensionDecision(ctx, withOptional({ caseNo: command.caseNo, verdict: 'approve' as const }, 'note', command.note)),
});
