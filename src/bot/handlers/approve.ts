import type { CommandHandler } from './handler.ts';
import { answerRefusalDecision } from './refusal-decision-reply.ts';

export const handleApprove: CommandHandler<'approve'> = (ctx, command) =>
  answerRefusalDecision(ctx, { caseNo: command.caseNo, decision: 'approve', ...(command.note ? { note: command.note } : {}) });
