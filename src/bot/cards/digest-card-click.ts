import type { ActionCardRecord } from '../../db/action-card-repository.ts';
import type { InboundCardClick } from '../../wecom/inbound-schema.ts';
import { CARD_REPLIES } from '../../messages/card-replies.ts';
import { CASE_CARD_REPLIES } from '../../messages/cards/case-card.ts';
import { DIGEST_KEYS } from '../../messages/cards/digest-card.ts';
import type { CommandContext, Reply } from '../define-command.ts';
import { runCommand } from '../run-command.ts';

/** A tap on the morning digest: 查看 #no runs 查 #no, 我的待办 runs 待办, as if typed. The card stays as it is. */
export async function handleDigestClick(ctx: CommandContext, msg: InboundCardClick, card: ActionCardRecord): Promise<Reply> {
  if (card.toUser !== msg.fromUser) return CASE_CARD_REPLIES.notYours;
  if (msg.eventKey === DIGEST_KEYS.todo) return runCommand(ctx, { type: 'todo' });
  const no = msg.eventKey.startsWith(DIGEST_KEYS.showPrefix) ? Number(msg.eventKey.slice(DIGEST_KEYS.showPrefix.length)) : NaN;
  if (!Number.isInteger(no) || no <= 0) return CARD_REPLIES.unknownTask;
  return runCommand(ctx, { type: 'show', caseNo: no });
}
