import { fileComplaint } from '../../use-cases/file-complaint.ts';
import { renderComplaintFiled } from '../../messages/complaint-replies.ts';
import type { CommandHandler } from './handler.ts';

export const handleComplain: CommandHandler<'complain'> = async (ctx, command) => {
  const r = await fileComplaint(ctx, command.content);
  return renderComplaintFiled(r.complaint, r.mentioned, ctx.now);
};
