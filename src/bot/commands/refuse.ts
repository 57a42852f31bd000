import { staffNames } from '../../db/org-repository.ts';
import { fileRefusal } from '../../use-cases/file-refusal.ts';
import { renderRefusalFiled } from '../../messages/refusal-replies.ts';
import { defineCommand } from '../define-command.ts';
import { caseText } from '../parsing/fields.ts';
import { answerCaseAction } from './case-answers.ts';

const parse = caseText('refuse', 'reason');

/** 拒绝 #no 理由 (R6 §1): never a refusal by itself; a filing with the supervising leader, on a card. */
export const refuse = defineCommand({
  name: 'refuse',
  audience: 'staff',
  caseActions: ['refuse'],
  parse,
  run: async (ctx, command) =>
    answerCaseAction(ctx, await fileRefusal(ctx, command), async (r) => renderRefusalFiled(r.case, r.filing, await staffNames(ctx.tx, [r.filing.leader]))),
});
