import type { ProgressReport } from '../../domain/key-tasks/key-task-progress.ts';
import { departmentNames, staffNames } from '../../db/org-repository.ts';
import { renderProgressRecorded, renderProgressRefused } from '../../messages/key-task-replies.ts';
import { PROGRESS_WORDS } from '../../messages/key-task-vocabulary.ts';
import { anyOf } from '../../shared/words.ts';
import { reportKeyTaskProgress } from '../../use-cases/report-key-task-progress.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import { clip, commandError, type ParseError } from '../parsing/parse-error.ts';
import { takeTaskNo } from '../parsing/task-no.ts';
import { joinRaw, subToken, type Token } from '../parsing/tokens.ts';

interface ProgressFields {
  taskId: number;
  report: ProgressReport;
  note: string;
}

/** 进展 <任务编号> <百分比|阶段完成|完成> 说明 (R9 §1): the owner or the department head reports. */
export const progress = defineCommand({
  name: 'progress',
  audience: 'staff',
  parse: parseProgress,
  async run(ctx, command) {
    const r = await reportKeyTaskProgress(ctx, command);
    if (r.kind === 'recorded') return renderProgressRecorded(r, ctx.now);
    const names = r.kind === 'refused' ? await staffNames(ctx.tx, [r.task.owner, ...(r.departmentHead ? [r.departmentHead] : [])]) : new Map<string, string>();
    return renderProgressRefused(r, names, await departmentNames(ctx.tx), ctx.now);
  },
});

// The stage words first: 完成阶段 starts with 完成. A word counts only on its own or before punctuation:
// "完成方案编制" is a note typed without the progress, not a report that the whole task is done.
const WORD_END = '(?=$|[\\s,;:、。，；：!！])';
const STAGE = new RegExp(`^(?:${anyOf(PROGRESS_WORDS.stage)})${WORD_END}`, 'u');
const DONE = new RegExp(`^(?:${anyOf(PROGRESS_WORDS.done)})${WORD_END}`, 'u');
const PERCENT = new RegExp(`^(-?\\d+(?:\\.\\d+)?)\\s*(?:${anyOf(PROGRESS_WORDS.percentSigns)})?`, 'u');
const LEADING_PUNCTUATION = /^[\s:：,，、;；.。]+/u;

/** The progress a token starts with (and how many characters it took), or a token that is meant as one but is wrong. */
function readProgress(token: Token): { report: ProgressReport; length: number } | { bad: true } | null {
  const stage = STAGE.exec(token.norm);
  if (stage) return { report: { kind: 'stage' }, length: stage[0].length };
  const done = DONE.exec(token.norm);
  if (done) return { report: { kind: 'done' }, length: done[0].length };
  const percent = PERCENT.exec(token.norm);
  if (!percent) return null;
  const value = Number(percent[1]);
  // "30%已完成" is a percentage glued to its note; "30abc" or "150%" is not a percentage.
  const after = token.norm.slice(percent[0].length);
  if (!Number.isInteger(value) || value < 0 || value > 100 || /^[\dA-Za-z.]/u.test(after)) return { bad: true };
  return { report: { kind: 'percent', percent: value }, length: percent[0].length };
}

/** Every mistake at once: the task number, the progress, the note. */
function parseProgress(args: readonly Token[]): Parsed<ProgressFields> {
  const errors: ParseError[] = [];
  const looksLikeProgress = (t: Token) => readProgress(t) !== null && !/^\d/u.test(t.norm);
  const { id, rest: afterNo } = takeTaskNo(args, 'progress', errors, looksLikeProgress);
  let rest = afterNo;

  let report: ProgressReport | undefined;
  const token = rest[0];
  const read = token ? readProgress(token) : null;
  if (!token) {
    errors.push(commandError('missing_field', 'progress', { field: 'progress' }));
  } else if (read && 'report' in read) {
    report = read.report;
    const glued = subToken(token, read.length);
    rest = glued ? [glued, ...rest.slice(1)] : rest.slice(1);
  } else if (read || /^[-\d]/u.test(token.norm)) {
    errors.push(commandError('bad_progress', 'progress', { value: clip(token.raw) }));
    rest = rest.slice(1);
  } else {
    // Words where the progress belongs are the note typed without it ("进展 3 完成方案编制").
    errors.push(commandError('missing_field', 'progress', { field: 'progress' }));
  }

  const note = joinRaw(rest).replace(LEADING_PUNCTUATION, '').trim();
  if (note === '') errors.push(commandError('missing_field', 'progress', { field: 'note' }));

  if (errors.length > 0 || id === undefined || report === undefined) return { ok: false, errors };
  return { ok: true, fields: { taskId: id, report, note } };
}
