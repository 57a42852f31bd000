import type { CommandHandler } from './handler.ts';
import { answerRefusalDecision } from './refusal-decision-reply.ts';

export const handleEscalate: CommandHandler<'escalate'> = (ctx, command) =>
  answerRefusalDecision(ctx, { caseNo: command.caseNo, decision: 'escalate', ...(command.note ? { note: command.note } : {}) });
