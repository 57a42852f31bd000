import { fileComplaint } from '../../use-cases/file-complaint.ts';
import { renderComplaintFiled } from '../../messages/complaint-replies.ts';
import { defineCommand } from '../define-command.ts';
import { textCommand } from '../parsing/fields.ts';

const parse = textCommand('complain', 'content');

/** 投诉 内容 (R2 §6, R8 §4): an efficiency complaint for the office. */
export const complain = defineCommand({
  name: 'complain',
  audience: 'staff',
  parse,
  async run(ctx, command) {
    const r = await fileComplaint(ctx, command.content);
    return renderComplaintFiled(r.complaint, r.mentioned, ctx.now);
  },
});
