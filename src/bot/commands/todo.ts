import { staffNames } from '../../db/org-repository.ts';
import { listMyItems } from '../../use-cases/list-my-items.ts';
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
    const { cases, covering } = await listMyItems(ctx.tx, ctx.actor.userid, ctx.now);
    const names = await staffNames(ctx.tx, cases.map((c) => c.handler));
    const via = new Map([...covering].map(([no, v]) => [no, VIA_ZH[v]]));
    return renderTodo(cases, ctx.actor.userid, names, ctx.now, via);
  },
});
