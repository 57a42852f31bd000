import { staffNames } from '../../db/org-repository.ts';
import { finishCase } from '../../use-cases/finish-case.ts';
import { renderFinished, renderNotFound, renderRefusals } from '../replies/case-replies.ts';
import type { CommandHandler } from './handler.ts';

export const handleFinish: CommandHandler<'finish'> = async (ctx, command) => {
  const r = await finishCase(ctx, command.caseNo, command.result);
  if (r.kind === 'not_found') return renderNotFound(r.no);
  if (r.kind === 'refused') return renderRefusals(r.case, r.reasons, await staffNames(ctx.tx, [r.case.handler]));
  return renderFinished(r.case, ctx.now);
};
