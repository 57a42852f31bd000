import type { AccountabilityRecordView } from '../../domain/accountability/accountability-record.ts';
import { staffNames } from '../../db/org-repository.ts';
import type { RecordActionResult } from '../../use-cases/decide-record.ts';
import { renderRecordNotFound, renderRecordRejected, renderUnknownResponsible } from '../../messages/accountability-replies.ts';
import { COMMAND_TEXTS } from '../../messages/command-texts.ts';
import type { CommandContext, Reply } from '../define-command.ts';

/** How 处理 and 申辩 answer: no such record, every reason why not, or the command's own reply. */
export async function answerRecordAction<X extends object>(
  ctx: CommandContext,
  r: RecordActionResult<X>,
  done: (r: { kind: 'done'; record: AccountabilityRecordView } & X) => Reply | Promise<Reply>,
): Promise<Reply> {
  switch (r.kind) {
    case 'not_found':
      return renderRecordNotFound(r.id);
    case 'not_office':
      return COMMAND_TEXTS.decideRecord.notAllowed;
    case 'unknown_person':
      return renderUnknownResponsible(r.ref, r.candidates);
    case 'rejected': {
      const people = r.reasons.flatMap((x) => ('person' in x && x.person ? [x.person] : 'by' in x && x.by ? [x.by] : []));
      return renderRecordRejected(r.record, r.reasons, await staffNames(ctx.tx, people), ctx.now);
    }
    case 'done':
      return done(r);
  }
}
