import { departmentsHeadedBy, staffNames } from '../../db/org-repository.ts';
import { countOverdueIn, listDecisionsWaitingFor } from '../../db/workbench-queries.ts';
import { listMyItems } from '../../use-cases/list-my-items.ts';
import { renderTodo, renderTodoExtras } from '../../messages/case-replies.ts';
import { VIA_ZH } from '../../messages/absence-replies.ts';
import { defineCommand } from '../define-command.ts';
import { noArguments } from '../parsing/fields.ts';

/**
 * 待办: the sender's own cases and those they cover for an absent handler (R7), soonest deadline
 * first; then the decisions waiting for them (refusal filings, extensions) and, for a head, the
 * department's overdue cases, each with its workbench link.
 */
export const todo = defineCommand({
  name: 'todo',
  audience: 'staff',
  parse: noArguments,
  async run(ctx) {
    const { cases, covering } = await listMyItems(ctx.tx, ctx.actor.userid, ctx.now);
    const names = await staffNames(ctx.tx, cases.map((c) => c.handler));
    const via = new Map([...covering].map(([no, v]) => [no, VIA_ZH[v]]));
    const decisions = await listDecisionsWaitingFor(ctx.tx, ctx.actor.userid);
    const overdue = [];
    for (const d of await departmentsHeadedBy(ctx.tx, ctx.actor.userid)) {
      const count = await countOverdueIn(ctx.tx, d.key, ctx.now);
      if (count > 0) overdue.push({ name: d.name, count, link: `${ctx.publicBaseUrl}/app/cases?department=${encodeURIComponent(d.key)}&overdue=1` });
    }
    const extras = renderTodoExtras(decisions, overdue, ctx.publicBaseUrl);
    if (cases.length === 0 && extras.length > 0) return extras.join('\n');
    const list = renderTodo(cases, ctx.actor.userid, names, ctx.now, via);
    return extras.length > 0 ? [list, ...extras].join('\n') : list;
  },
});
