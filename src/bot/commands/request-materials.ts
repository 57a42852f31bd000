import { requestMaterials as requestMaterialsCase } from '../../use-cases/request-materials.ts';
import { renderMaterialsRequested } from '../../messages/materials-replies.ts';
import { defineCommand } from '../define-command.ts';
import { caseCommand } from '../parsing/fields.ts';
import { parseMaterials, type MaterialItem } from '../parsing/materials.ts';
import { answerCaseAction } from './case-answers.ts';

const parse = caseCommand('requestMaterials', (r): { all: true } | { all: false; materials: MaterialItem[] } => {
  const parsed = parseMaterials(r.rest, r.errors);
  return parsed.all ? { all: true } : { all: false, materials: parsed.materials };
});

/** 补正 #no 材料、材料 | 1、3 | 全部 (R5): one notice of ALL missing materials; the clock pauses. */
export const requestMaterials = defineCommand({
  name: 'requestMaterials',
  audience: 'staff',
  caseActions: ['requestMaterials'],
  parse,
  run: async (ctx, command) => {
    const result = await requestMaterialsCase(ctx, { caseNo: command.caseNo, all: command.all, materials: command.all ? [] : command.materials });
    return answerCaseAction(ctx, result, (r) => renderMaterialsRequested(r.case, r.notice, r.link, r.violation));
  },
});
