import type { Period } from '../../domain/evaluation/period.ts';
import { evaluationOf, freezeEvaluationOf } from '../../use-cases/run-evaluation.ts';
import { EVALUATION_REPORT_PATH, reportLink } from '../../use-cases/report-links.ts';
import { EVALUATION_TEXT, renderEvaluationFrozen, renderEvaluationSummary } from '../../messages/evaluation-replies.ts';
import { FREEZE_WORD } from '../../messages/vocabulary.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import { clip, commandError, type ParseContext } from '../parsing/parse-error.ts';
import { parsePeriod } from '../parsing/period.ts';
import type { Token } from '../parsing/tokens.ts';

/** 考评 期间 [定稿]: "2026上半年定稿" glued is read too. */
function parse(args: readonly Token[], ctx: ParseContext): Parsed<{ period: Period; freeze: boolean }> {
  const words = args.map((t) => t.norm);
  const first = words[0];
  if (first === undefined) return { ok: false, errors: [commandError('missing_field', 'evaluate', { field: 'period' })] };
  const glued = first.endsWith(FREEZE_WORD) && first !== FREEZE_WORD;
  const periodWord = glued ? first.slice(0, -FREEZE_WORD.length) : first;
  const period = parsePeriod(periodWord, ctx.now);
  if (!period) return { ok: false, errors: [commandError('bad_period', 'evaluate', { value: clip(args[0]?.raw ?? periodWord) })] };
  return { ok: true, fields: { period, freeze: glued || words[1] === FREEZE_WORD } };
}

/** 考评 (效能考评制, office and leaders): the ranking of a period in chat, with the workbook's link; 定稿 freezes it (office). */
export const evaluate = defineCommand({
  name: 'evaluate',
  audience: ['office', 'leader', 'principal'],
  parse,
  async run(ctx, command) {
    const xlsx = await reportLink(ctx, EVALUATION_REPORT_PATH(command.period.key));
    if (!command.freeze) return renderEvaluationSummary(await evaluationOf(ctx.tx, command.period), { xlsx });
    const r = await freezeEvaluationOf(ctx, command.period);
    switch (r.kind) {
      case 'not_office':
        return EVALUATION_TEXT.freezeNotAllowed;
      case 'not_freezable':
        return EVALUATION_TEXT.notFreezable;
      case 'already':
        return `${EVALUATION_TEXT.alreadyFrozen(new Date(r.view.frozen?.at ?? ctx.now))}\n${renderEvaluationSummary(r.view, { xlsx })}`;
      case 'frozen':
        return renderEvaluationFrozen(r.view, { xlsx });
    }
  },
});
