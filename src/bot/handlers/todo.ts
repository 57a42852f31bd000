import { listActiveCasesFor } from '../../db/case-repository.ts';
import { staffNames } from '../../db/org-repository.ts';
import { renderTodo } from '../replies/case-replies.ts';
import type { CommandHandler } from './handler.ts';

export const handleTodo: CommandHandler<'todo'> = async (ctx) => {
  const cases = await listActiveCasesFor(ctx.tx, [ctx.actor.userid]);
  const names = await staffNames(ctx.tx, cases.map((c) => c.handler));
  return renderTodo(cases, ctx.actor.userid, names, ctx.now);
};
