import { recordWrittenNotice } from '../../use-cases/record-written-notice.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderNoticeGiven } from '../../messages/refusal-replies.ts';
import type { CommandHandler } from './handler.ts';
import { refusedReply } from './refused-reply.ts';

export const handleNoticeGiven: CommandHandler<'noticeGiven'> = async (ctx, command) => {
  const r = await recordWrittenNotice(ctx, command);
  if (r.kind === 'not_found') return renderNotFound(r.no);
  if (r.kind === 'refused') return refusedReply(ctx, r.case, r.reasons);
  return renderNoticeGiven(r.case, r.filing, ctx.now);
};
