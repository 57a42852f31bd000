import { reportRectified } from '../../use-cases/rate-case.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderRatingRejected, renderRectified } from '../../messages/satisfaction-replies.ts';
import { defineCommand } from '../define-command.ts';
import { caseText } from '../parsing/fields.ts';

const parse = caseText('rectify', 'note');

/** 整改 #no 整改情况: the rectification after a dissatisfied rating is done; its reminders stop. */
export const rectify = defineCommand({
  name: 'rectify',
  audience: 'staff',
  parse,
  async run(ctx, command) {
    const r = await reportRectified(ctx, command);
    if (r.kind === 'not_found') return renderNotFound(r.no);
    if (r.kind === 'rejected') return renderRatingRejected(r.case, r.reasons);
    return renderRectified(r.case);
  },
});
