import { setBHolder } from '../../use-cases/head-changes.ts';
import { HEAD_ONLY, renderBChanged, renderSetBRejected } from '../../messages/head-change-replies.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import { commandError } from '../parsing/parse-error.ts';
import type { Token } from '../parsing/tokens.ts';

/** 设B岗 岗位 姓名: the post's name as typed, then the person (a name or userid). */
function parse(args: readonly Token[]): Parsed<{ post: string; person: string }> {
  const [post, person] = args;
  const errors = [];
  if (!post) errors.push(commandError('missing_field', 'setB', { field: 'post' }));
  if (!person) errors.push(commandError('missing_field', 'setB', { field: 'person' }));
  if (!post || !person) return { ok: false, errors };
  return { ok: true, fields: { post: post.raw, person: person.norm.replace(/^@/u, '') } };
}

/** 设B岗 岗位 姓名 (R7 §5): a head changes a post's B holder; filed with the office the same day. */
export const setB = defineCommand({
  name: 'setB',
  audience: ['head'],
  parse,
  async run(ctx, command) {
    const r = await setBHolder(ctx, command);
    if (r.kind === 'not_head') return HEAD_ONLY;
    if (r.kind === 'rejected') return renderSetBRejected(r.problems, r.names);
    return renderBChanged(r.department.name, r.post, r.oldB, r.newB, r.names);
  },
});
