import { defineCommand } from '../define-command.ts';
import { caseCommand, withOptional } from '../parsing/fields.ts';
import { answerExtensionDecision } from './extension-decision.ts';

const parse = caseCommand('refuseExtension', (r) => withOptional({}, 'note', r.optional()));

/** 不同意延期 #no [理由] (R3): the leader refuses; the deadline stays. */
export const refuseExtension = defineCommand({
  name: 'refuseExtension',
  audience: 'staff',
  listedFor: ['leader', 'principal'],
  caseActions: ['decideExtension'],
  parse,
  run: (ctx, command) => answerExtensionDecision(ctx, withOptional({ caseNo: command.caseNo, verdict: 'refuse' as const }, 'note', command.note)),
});
