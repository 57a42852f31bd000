import type { ActionCardRecord } from '../../db/action-card-repository.ts';
import { showCaseAfterClick } from '../../use-cases/cards/case-cards.ts';
import type { InboundCardClick } from '../../wecom/inbound-schema.ts';
import { CASE_CARD_KEYS, CASE_CARD_REPLIES, STANDARD_CONSULTATION_RESULT } from '../../messages/cards/case-card.ts';
import { CARD_REPLIES } from '../../messages/card-replies.ts';
import type { Command } from '../command-registry.ts';
import type { CommandContext, Reply } from '../define-command.ts';
import { runCommand } from '../run-command.ts';

/**
 * A tap on a case card (the reply to 登记, a reminder): each button is the command it stands for,
 * run through runCommand with the clicker as sender, so the command's own authorization and rules
 * decide (a second 办结 is refused as a typed one would be, and changes nothing). The clicked card
 * then shows the case as it is now.
 */
export async function handleCaseCardClick(ctx: CommandContext, msg: InboundCardClick, card: ActionCardRecord): Promise<Reply> {
  if (card.toUser !== msg.fromUser) return CASE_CARD_REPLIES.notYours;
  const no = card.caseNo;
  if (no === null) return CARD_REPLIES.unknownTask;
  const command = commandOf(msg.eventKey, no);
  const click = { taskId: card.taskId, toUser: card.toUser, responseCode: msg.responseCode, clickedAt: new Date(msg.createTime * 1000) };
  if (!command) return CASE_CARD_REPLIES.unknownButton(no);
  const reply = await runCommand(ctx, command);
  // Any tap shows the case as it is now (also after a typed command changed it), with its next steps.
  await showCaseAfterClick(ctx, click, no, typeof reply === 'string' ? reply : '');
  return reply;
}

function commandOf(key: string, caseNo: number): Command | undefined {
  switch (key) {
    case CASE_CARD_KEYS.finish:
      return { type: 'finish', caseNo, result: STANDARD_CONSULTATION_RESULT };
    case CASE_CARD_KEYS.complete:
      return { type: 'materialsComplete', caseNo };
    case CASE_CARD_KEYS.todo:
      return { type: 'todo' };
    case CASE_CARD_KEYS.show:
      return { type: 'show', caseNo };
    default:
      return undefined;
  }
}
