import { staffNames } from '../../db/org-repository.ts';
import { MAX_EXTENSION_DAYS } from '../../domain/case/extension.ts';
import { requestExtension } from '../../use-cases/extensions/request-extension.ts';
import { renderExtensionRequested } from '../../messages/extension-replies.ts';
import { EXTENSION_DAYS } from '../../messages/vocabulary.ts';
import { defineCommand } from '../define-command.ts';
import { caseCommand } from '../parsing/fields.ts';
import { clip, commandError } from '../parsing/parse-error.ts';
import { subToken } from '../parsing/tokens.ts';
import { answerCaseAction } from './case-answers.ts';

// 3, 3天, 3日, 3个工作日, 3工作日: a whole number of working days.
const DAYS = new RegExp(`^(\\d{1,4})(?:${EXTENSION_DAYS.units.join('|')})?`, 'u');

const parse = caseCommand('extend', (r) => {
  const [first, ...rest] = r.rest;
  const m = first ? DAYS.exec(first.norm) : null;
  if (!first || !m) {
    r.errors.push(first ? commandError('bad_days', 'extend', { value: clip(first.raw), max: MAX_EXTENSION_DAYS }) : commandError('missing_field', 'extend', { field: 'days' }));
    r.required('reason', first ? rest : []);
    return undefined;
  }
  const days = Number(m[1]);
  if (days < 1 || days > MAX_EXTENSION_DAYS) r.errors.push(commandError('bad_days', 'extend', { value: clip(first.raw), max: MAX_EXTENSION_DAYS }));
  // "3天，需外出调查": the reason may be glued to the number of days.
  const glued = subToken(first, m[0].length);
  const reason = r.required('reason', glued ? [glued, ...rest] : rest);
  return reason === undefined || days < 1 || days > MAX_EXTENSION_DAYS ? undefined : { days, reason: reason.replace(/^[,，、:：]+/u, '') };
});

/** 延期 #no 天数 理由 (R3): before the deadline, the handler asks the supervising leader for more working days, on a card. */
export const extend = defineCommand({
  name: 'extend',
  audience: 'staff',
  caseActions: ['extend'],
  parse,
  run: async (ctx, command) =>
    answerCaseAction(ctx, await requestExtension(ctx, command), async (r) => renderExtensionRequested(r.case, r.extension, await staffNames(ctx.tx, [r.extension.leader]), ctx.now)),
});
