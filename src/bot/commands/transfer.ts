import { staffNames } from '../../db/org-repository.ts';
import { transferCase } from '../../use-cases/transfer-case.ts';
import { renderTransferred } from '../../messages/first-inquiry-replies.ts';
import { commandError } from '../parsing/parse-error.ts';
import { defineCommand } from '../define-command.ts';
import { caseCommand, withOptional } from '../parsing/fields.ts';
import { answerCaseAction } from './case-answers.ts';

const parse = caseCommand('transfer', (r) => {
  const [target, ...remark] = r.rest;
  // A person's name or userid, or a department name, as typed (NFKC, without a leading @).
  const name = target?.norm.replace(/^@/u, '');
  if (!name) {
    r.errors.push(commandError('missing_field', 'transfer', { field: 'target' }));
    return undefined;
  }
  return withOptional({ target: name }, 'note', r.optional(remark));
});

/** 转办 #no 人名或部门 [说明] (R4 §4): the new handler owns the case; the first responder keeps sight of it. */
export const transfer = defineCommand({
  name: 'transfer',
  audience: 'staff',
  caseActions: ['transfer'],
  parse,
  run: async (ctx, command) =>
    answerCaseAction(ctx, await transferCase(ctx, command), async (r) => {
      const names = await staffNames(ctx.tx, [r.case.handler, ...(r.actingNow ? [r.actingNow.userid] : [])]);
      const view = {
        deptName: r.departmentName,
        departmentAway: r.departmentAway,
        actingNow: r.actingNow,
        actor: ctx.actor.userid,
        actorIsFirstResponder: r.case.firstResponder === ctx.actor.userid,
        recordedShirking: r.shirking,
      };
      return renderTransferred(r.case, view, names);
    }),
});
