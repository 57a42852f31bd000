import type { CommandHandler } from './handler.ts';
import { answerRefusalDecision } from './refusal-decision-reply.ts';

export const handleOverturn: CommandHandler<'overturn'> = (ctx, command) =>
  answerRefusalDecision(ctx, { caseNo: command.caseNo, decision: 'overturn', instruction: command.instruction });
