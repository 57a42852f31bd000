import { completeMaterials } from '../../use-cases/complete-materials.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderMaterialsCompleted } from '../../messages/materials-replies.ts';
import type { CommandHandler } from './handler.ts';
import { refusedReply } from './refused-reply.ts';

export const handleMaterialsComplete: CommandHandler<'materialsComplete'> = async (ctx, command) => {
  const r = await completeMaterials(ctx, { caseNo: command.caseNo, ...(command.note ? { note: command.note } : {}) });
  if (r.kind === 'not_found') return renderNotFound(r.no);
  if (r.kind === 'refused') return refusedReply(ctx, r.case, r.reasons);
  return renderMaterialsCompleted(r.case, ctx.now);
};
