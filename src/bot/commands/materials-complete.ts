import { completeMaterials } from '../../use-cases/complete-materials.ts';
import { renderMaterialsCompleted } from '../../messages/materials-replies.ts';
import { defineCommand } from '../define-command.ts';
import { caseCommand, withOptional } from '../parsing/fields.ts';
import { answerCaseAction } from './case-answers.ts';

const parse = caseCommand('materialsComplete', (r) => withOptional({}, 'note', r.optional()));

/** 补齐 #no [说明] (R5 §3): the materials are complete; the due time is counted afresh. */
export const materialsComplete = defineCommand({
  name: 'materialsComplete',
  audience: 'staff',
  caseActions: ['materialsComplete'],
  parse,
  run: async (ctx, command) => answerCaseAction(ctx, await completeMaterials(ctx, command), (r) => renderMaterialsCompleted(r.case, ctx.now)),
});
