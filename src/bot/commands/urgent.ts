import { staffNames } from '../../db/org-repository.ts';
import { markUrgent } from '../../use-cases/mark-urgent.ts';
import { renderUrgentRecorded } from '../../messages/first-inquiry-replies.ts';
import { defineCommand } from '../define-command.ts';
import { caseText } from '../parsing/fields.ts';
import { answerCaseAction } from './case-answers.ts';

const parse = caseText('urgent', 'note');

/** 紧急 #no 说明 (R4 §5): recorded, and the principal leader is alerted at once. */
export const urgent = defineCommand({
  name: 'urgent',
  audience: 'staff',
  caseActions: ['urgent'],
  parse,
  run: async (ctx, command) =>
    answerCaseAction(ctx, await markUrgent(ctx, command), async (r) => {
      const names = await staffNames(ctx.tx, r.principal ? [r.principal] : []);
      return renderUrgentRecorded(r.case, r.principal, r.alerted, names);
    }),
});
