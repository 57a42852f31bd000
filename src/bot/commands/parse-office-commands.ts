import type { AnswerComplaintCommand } from './command.ts';
import type { ParseError, ParseResult } from './parse-error.ts';
import { joinRaw, subToken, type Token } from './tokens.ts';

/** The office's own commands (extensions beside CONTRACT.md's table). */
const ANSWER_COMPLAINT = '答复投诉';

const COMPLAINT_ID = /^[:,、]*(?:编号)?#?(\d{1,9})[.,、:]?$/u;
const LEADING_PUNCTUATION = /^[\s:：,，、;；.。]+/u;

/** An office command, or undefined when the message is not one (then the CONTRACT parser reads it). */
export function parseOfficeCommand(tokens: readonly Token[]): ParseResult | undefined {
  const head = tokens[0];
  if (!head?.norm.startsWith(ANSWER_COMPLAINT)) return undefined;
  const glued = subToken(head, ANSWER_COMPLAINT.length);
  return parseAnswerComplaint(glued ? [glued, ...tokens.slice(1)] : tokens.slice(1));
}

/** 答复投诉 编号 属实|不属实 答复内容: every mistake at once. */
function parseAnswerComplaint(args: readonly Token[]): ParseResult {
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
  const command: AnswerComplaintCommand = { type: 'answerComplaint', complaintId, upheld, answer };
  return { ok: true, command };
}

/** 不属实 is checked first: it contains 属实. */
function verdictOf(word: string): { upheld: boolean; length: number } | undefined {
  if (word.startsWith('不属实')) return { upheld: false, length: 3 };
  if (word.startsWith('属实')) return { upheld: true, length: 2 };
  return undefined;
}
