import type { RecordDecision } from '../../domain/accountability/accountability-record.ts';
import { staffNames } from '../../db/org-repository.ts';
import { decideAccountabilityRecord } from '../../use-cases/decide-record.ts';
import { renderRecordDecided } from '../../messages/accountability-replies.ts';
import { DECISION_WORDS, RESPONSIBLE_LABEL } from '../../messages/vocabulary.ts';
import { ownValue } from '../../shared/words.ts';
import { defineCommand, type Parsed } from '../define-command.ts';
import { clip, commandError, type ParseError } from '../parsing/parse-error.ts';
import { takeRecordNo } from '../parsing/record-no.ts';
import { joinRaw, subToken, type Token } from '../parsing/tokens.ts';
import { answerRecordAction } from './record-answers.ts';

interface DecideRecordFields {
  recordNo: number;
  decision: RecordDecision;
  responsible?: string;
  note?: string;
}

/** 处理 编号 决定 [责任人 姓名] [说明]: every mistake at once. */
function parse(args: readonly Token[]): Parsed<DecideRecordFields> {
  const errors: ParseError[] = [];
  const { recordNo, rest } = takeRecordNo(args, 'decideRecord', errors);
  const decisionToken = rest[0];
  const word = decisionToken ? Object.keys(DECISION_WORDS).find((w) => decisionToken.norm.startsWith(w)) : undefined;
  const decision = word ? ownValue(DECISION_WORDS, word) : undefined;
  let tail = rest.slice(1);
  if (!decisionToken) errors.push(commandError('missing_field', 'decideRecord', { field: 'decision' }));
  else if (!word || !decision) errors.push(commandError('unknown_decision', 'decideRecord', { value: clip(decisionToken.raw) }));
  else {
    // "通报批评，多次超期": the note glued to the decision.
    const glued = subToken(decisionToken, word.length);
    if (glued) tail = [{ ...glued, norm: glued.norm.replace(/^[,，、:：]+/u, ''), raw: glued.raw.replace(/^[,，、:：]+/u, '') }, ...tail].filter((t) => t.norm !== '');
  }
  let responsible: string | undefined;
  const label = tail[0];
  if (label && label.norm.startsWith(RESPONSIBLE_LABEL)) {
    const gluedName = label.norm.slice(RESPONSIBLE_LABEL.length).replace(/^[:：]/u, '');
    responsible = gluedName || tail[1]?.norm;
    if (!responsible) errors.push(commandError('missing_field', 'decideRecord', { field: 'responsible' }));
    tail = tail.slice(gluedName ? 1 : 2);
  }
  if (errors.length > 0 || recordNo === undefined || !decision) return { ok: false, errors };
  const note = joinRaw(tail);
  return { ok: true, fields: { recordNo, decision, ...(responsible ? { responsible } : {}), ...(note ? { note } : {}) } };
}

/** 处理 (责任追究制 §3, office): decides an accountability record; the person concerned and their head are told. */
export const decideRecord = defineCommand({
  name: 'decideRecord',
  audience: ['office'],
  parse,
  async run(ctx, command) {
    const r = await decideAccountabilityRecord(ctx, {
      id: command.recordNo,
      decision: command.decision,
      ...(command.responsible ? { responsible: command.responsible } : {}),
      ...(command.note ? { note: command.note } : {}),
    });
    return answerRecordAction(ctx, r, async (done) => renderRecordDecided(done.record, done.person, done.told, await staffNames(ctx.tx, [done.person ?? '', ...done.told])));
  },
});
