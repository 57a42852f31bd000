import { staffNames } from '../../db/org-repository.ts';
import { fileRefusal } from '../../use-cases/file-refusal.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderRefusalFiled } from '../../messages/refusal-replies.ts';
import type { CommandHandler } from './handler.ts';
import { refusedReply } from './refused-reply.ts';

export const handleRefuse: CommandHandler<'refuse'> = async (ctx, command) => {
  const r = await fileRefusal(ctx, command);
  if (r.kind === 'not_found') return renderNotFound(r.no);
  if (r.kind === 'refused') return refusedReply(ctx, r.case, r.reasons);
  return renderRefusalFiled(r.case, r.filing, await staffNames(ctx.tx, [r.filing.leader]));
};
