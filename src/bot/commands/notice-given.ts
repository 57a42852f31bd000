import { recordWrittenNotice } from '../../use-cases/record-written-notice.ts';
import { renderDeemedNoticeGiven, renderNoticeGiven } from '../../messages/refusal-replies.ts';
import { defineCommand } from '../define-command.ts';
import { caseText } from '../parsing/fields.ts';
import { answerCaseAction } from './case-answers.ts';

const parse = caseText('noticeGiven', 'how');

/** 告知 #no 方式 (R6 §3, R3 §5): the written notice of an approved refusal or of a deemed approval was given; its reminders stop. */
export const noticeGiven = defineCommand({
  name: 'noticeGiven',
  audience: 'staff',
  caseActions: ['noticeGiven'],
  parse,
  run: async (ctx, command) =>
    answerCaseAction(ctx, await recordWrittenNotice(ctx, command), (r) =>
      r.notice.kind === 'refusal' ? renderNoticeGiven(r.case, r.notice.filing, ctx.now) : renderDeemedNoticeGiven(r.case, r.notice.followUp, ctx.now),
    ),
});
