import { staffNames } from '../../db/org-repository.ts';
import { sendBackCase } from '../../use-cases/send-back-case.ts';
import { renderSentBack } from '../../messages/first-inquiry-replies.ts';
import { defineCommand } from '../define-command.ts';
import { caseText } from '../parsing/fields.ts';
import { answerCaseAction } from './case-answers.ts';

const parse = caseText('sendBack', 'reason');

/** 退回 #no 理由 (R4 §4): a transferred case goes back to whoever transferred it, with the reasons. */
export const sendBack = defineCommand({
  name: 'sendBack',
  audience: 'staff',
  caseActions: ['sendBack'],
  parse,
  run: async (ctx, command) =>
    answerCaseAction(ctx, await sendBackCase(ctx, command), async (r) => renderSentBack(r.case, r.shirking, await staffNames(ctx.tx, [r.case.handler]))),
});
