import { nameStandIn } from '../../use-cases/head-changes.ts';
import { HEAD_ONLY, renderStandInNamed, renderStandInRejected } from '../../messages/head-change-replies.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import { commandError, type ParseContext, type ParseError } from '../parsing/parse-error.ts';
import { parseDateRange } from '../parsing/date-range.ts';
import type { Token } from '../parsing/tokens.ts';

/** 顶岗 姓名 起 止: the stand-in, then the period as 请假 takes it. */
function parse(args: readonly Token[], ctx: ParseContext): Parsed<{ person: string; from: Date; to: Date }> {
  const errors: ParseError[] = [];
  const [person, ...rest] = args;
  if (!person) errors.push(commandError('missing_field', 'standIn', { field: 'person' }));
  const period = parseDateRange(rest, 'standIn', ctx.now, errors);
  if (errors.length > 0 || !person || !period.from || !period.to) return { ok: false, errors };
  return { ok: true, fields: { person: person.norm.replace(/^@/u, ''), from: period.from, to: period.to } };
}

/** 顶岗 姓名 起 止 (R7 §4, R1 §3): a head names a stand-in for the period; filed with the office the same day. */
export const standIn = defineCommand({
  name: 'standIn',
  audience: ['head'],
  parse,
  async run(ctx, command) {
    const r = await nameStandIn(ctx, command);
    if (r.kind === 'not_head') return HEAD_ONLY;
    if (r.kind === 'rejected') return renderStandInRejected(r.problems, r.names, ctx.now);
    return renderStandInNamed(r.userid, r.department.name, r, r.names, ctx.now);
  },
});
