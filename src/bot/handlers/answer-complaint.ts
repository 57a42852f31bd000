import { answerComplaint } from '../../use-cases/answer-complaint.ts';
import { renderComplaintAnswered, renderComplaintRefusal } from '../../messages/complaint-replies.ts';
import type { CommandHandler } from './handler.ts';

export const handleAnswerComplaint: CommandHandler<'answerComplaint'> = async (ctx, command) => {
  const r = await answerComplaint(ctx, { id: command.complaintId, upheld: command.upheld, answer: command.answer });
  if (r.kind !== 'answered') return renderComplaintRefusal(r);
  return renderComplaintAnswered(r.complaint, r.subjectName, r.recorded, ctx.now);
};
