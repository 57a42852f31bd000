import { answerComplaint as answer } from '../../use-cases/answer-complaint.ts';
import { renderComplaintAnswered, renderComplaintRejected } from '../../messages/complaint-replies.ts';
import { COMPLAINT_ID_LABEL, COMPLAINT_VERDICTS } from '../../messages/vocabulary.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import type { ParseError } from '../parsing/parse-error.ts';
import { joinRaw, subToken, type Token } from '../parsing/tokens.ts';

interface AnswerComplaintFields {
  complaintId: number;
  upheld: boolean;
  answer: string;
}

/** 答复投诉 编号 属实|不属实 答复 (R8 §4, extension): the office answers a complaint once. */
export const answerComplaint = defineCommand({
  name: 'answerComplaint',
  audience: ['office'],
  gluedToAnything: true,
  parse: parseAnswerComplaint,
  async run(ctx, command) {
    const r = await answer(ctx, { id: command.complaintId, upheld: command.upheld, answer: command.answer });
    if (r.kind !== 'answered') return renderComplaintRejected(r);
    return renderComplaintAnswered(r.complaint, r.subjectName, r.recorded, ctx.now);
  },
});

const COMPLAINT_ID = new RegExp(`^[:,、]*(?:${COMPLAINT_ID_LABEL})?#?(\\d{1,9})[.,、:]?$`, 'u');
const LEADING_PUNCTUATION = /^[\s:：,，、;；.。]+/u;

/** 答复投诉 编号 属实|不属实 答复内容: every mistake at once. */
function parseAnswerComplaint(args: readonly Token[]): Parsed<AnswerComplaintFields> {
  const errors: ParseError[] = [];
  const missing = (field: string): ParseError => ({ code: 'missing_field', params: { command: 'answerComplaint', field } });
  let rest = [...args];

  let complaintId: number | undefined;
  const first = rest[0];
  const idMatch = first ? COMPLAINT_ID.exec(first.norm) : null;
  if (idMatch) {
    complaintId = Number(idMatch[1]);
    rest = rest.slice(1);
  } else {
    errors.push(missing('complaintId'));
    // Something that is neither a number nor the verdict was meant as the number: skip it.
    if (first && verdictOf(first.norm) === undefined) rest = rest.slice(1);
  }
  if (complaintId === 0) errors.push(missing('complaintId'));

  let upheld: boolean | undefined;
  const verdictToken = rest[0];
  const verdict = verdictToken ? verdictOf(verdictToken.norm) : undefined;
  if (verdictToken && verdict) {
    upheld = verdict.upheld;
    const after = subToken(verdictToken, verdict.length);
    rest = after ? [after, ...rest.slice(1)] : rest.slice(1);
  } else {
    errors.push(missing('verdict'));
  }

  const answer = joinRaw(rest).replace(LEADING_PUNCTUATION, '').trim();
  if (answer === '') errors.push(missing('answer'));

  if (errors.length > 0 || complaintId === undefined || upheld === undefined) return { ok: false, errors };
  return { ok: true, fields: { complaintId, upheld, answer } };
}

/** The verdict at the start of a word, and how long it is. */
function verdictOf(word: string): { upheld: boolean; length: number } | undefined {
  const v = COMPLAINT_VERDICTS.find((x) => word.startsWith(x.word));
  return v ? { upheld: v.upheld, length: v.word.length } : undefined;
}
