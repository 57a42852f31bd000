import { listActiveCasesFor } from '../../db/case-repository.ts';
import { listCoveredCases } from '../../db/coverage-repository.ts';
import { staffNames } from '../../db/org-repository.ts';
import { renderTodo } from '../../messages/case-replies.ts';
import { VIA_ZH } from '../../messages/absence-replies.ts';
import { defineCommand } from '../define-command.ts';
import { noArguments } from '../parsing/fields.ts';

/** 待办: the sender's own cases and those they cover for an absent handler (R7), soonest deadline first. */
export const todo = defineCommand({
  name: 'todo',
  audience: 'staff',
  parse: noArguments,
  async run(ctx) {
    const covered = await listCoveredCases(ctx.tx, ctx.actor.userid, ctx.now);
    const coveredNos = new Set(covered.map((x) => x.case.no));
    // A case the sender first took and now covers is shown as covered: that is what they must do now.
    const own = (await listActiveCasesFor(ctx.tx, [ctx.actor.userid])).filter((c) => !coveredNos.has(c.no));
    const cases = [...own, ...covered.map((x) => x.case)].sort(
      (a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || a.no - b.no,
    );
    const names = await staffNames(ctx.tx, cases.map((c) => c.handler));
    const covering = new Map(covered.map((x) => [x.case.no, VIA_ZH[x.via]]));
    return renderTodo(cases, ctx.actor.userid, names, ctx.now, covering);
  },
});
