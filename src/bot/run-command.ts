import { loadHistory, findCase, listActiveCasesFor } from '../db/case-repository.ts';
import { staffNames } from '../db/org-repository.ts';
import type { UseCaseContext } from '../use-cases/context.ts';
import { finishCase } from '../use-cases/finish-case.ts';
import { registerCase } from '../use-cases/register-case.ts';
import type { Command } from './commands/command.ts';
import {
  renderCaseDetail,
  renderFinished,
  renderNotFound,
  renderRefusals,
  renderRegistered,
  renderTodo,
  renderUnknownService,
} from './replies/case-replies.ts';
import { GENERAL } from './replies/general.ts';

/** Runs one parsed command and returns the reply text for the sender. */
export async function runCommand(ctx: UseCaseContext, command: Command): Promise<string> {
  switch (command.type) {
    case 'register': {
      const r = await registerCase(ctx, command);
      if (r.kind === 'unknown_service') return renderUnknownService(r.ref, r.suggestions);
      const names = await staffNames(ctx.tx, [r.case.handler]);
      return renderRegistered(r.case, r.service, names, ctx.now);
    }
    case 'finish': {
      const r = await finishCase(ctx, command.caseNo, command.result);
      if (r.kind === 'not_found') return renderNotFound(r.no);
      if (r.kind === 'refused') return renderRefusals(r.case, r.reasons, await staffNames(ctx.tx, [r.case.handler]));
      return renderFinished(r.case, ctx.now);
    }
    case 'show': {
      const c = await findCase(ctx.tx, command.caseNo);
      if (!c) return renderNotFound(command.caseNo);
      const history = await loadHistory(ctx.tx, c.no);
      const names = await staffNames(ctx.tx, [c.handler, c.firstResponder, ...history.map((e) => e.actor)]);
      return renderCaseDetail(c, history, names, ctx.now);
    }
    case 'todo': {
      const cases = await listActiveCasesFor(ctx.tx, [ctx.actor.userid]);
      const names = await staffNames(ctx.tx, cases.map((c) => c.handler));
      return renderTodo(cases, ctx.actor.userid, names, ctx.now);
    }
    default:
      return GENERAL.notYet(command.type);
  }
}
