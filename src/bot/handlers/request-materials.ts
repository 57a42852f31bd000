import { requestMaterials } from '../../use-cases/request-materials.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderMaterialsRequested } from '../../messages/materials-replies.ts';
import type { CommandHandler } from './handler.ts';
import { refusedReply } from './refused-reply.ts';

export const handleRequestMaterials: CommandHandler<'requestMaterials'> = async (ctx, command) => {
  const r = await requestMaterials(ctx, { caseNo: command.caseNo, all: command.all, materials: command.all ? [] : command.materials });
  if (r.kind === 'not_found') return renderNotFound(r.no);
  if (r.kind === 'refused') return refusedReply(ctx, r.case, r.reasons);
  return renderMaterialsRequested(r.case, r.notice, r.link, r.violation);
};
