import { rateCase } from '../../use-cases/rate-case.ts';
import { renderNotFound } from '../../messages/case-replies.ts';
import { renderRated, renderRatingRejected } from '../../messages/satisfaction-replies.ts';
import { RATING_WORDS } from '../../messages/vocabulary.ts';
import { ownValue } from '../../shared/words.ts';
import { defineCommand } from '../define-command.ts';
import { caseCommand } from '../parsing/fields.ts';
import { clip, commandError } from '../parsing/parse-error.ts';

const parse = caseCommand('rate', (r) => {
  const [word, ...noteTokens] = r.rest;
  if (!word) {
    r.errors.push(commandError('missing_field', 'rate', { field: 'rating' }));
    return undefined;
  }
  // 非常不满意 before 不满意 before 满意: the longest rating word that starts the token.
  const known = Object.keys(RATING_WORDS).sort((a, b) => b.length - a.length).find((w) => word.norm.startsWith(w));
  const rating = known ? ownValue(RATING_WORDS, known) : undefined;
  if (!known || rating === undefined) {
    r.errors.push(commandError('unknown_rating', 'rate', { value: clip(word.raw) }));
    return undefined;
  }
  const glued = word.raw.slice(known.length).replace(/^[,，、:：]+/u, '');
  const note = [glued, r.optional(noteTokens) ?? ''].filter(Boolean).join(' ');
  return note ? { rating, note } : { rating };
});

/** 回访 #no 评价 [说明] (好差评): the applicant's rating of a finished case; 不满意 or worse opens a rectification. */
export const rate = defineCommand({
  name: 'rate',
  audience: 'staff',
  parse,
  async run(ctx, command) {
    const r = await rateCase(ctx, command);
    if (r.kind === 'not_found') return renderNotFound(r.no);
    if (r.kind === 'rejected') return renderRatingRejected(r.case, r.reasons);
    return renderRated(r.case, r.rating, ctx.now);
  },
});
