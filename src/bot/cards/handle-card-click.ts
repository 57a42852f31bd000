import { findActionCard } from '../../db/action-card-repository.ts';
import { findCardByTaskId } from '../../db/card-repository.ts';
import { findExtensionByTaskId } from '../../db/extension-repository.ts';
import type { InboundCardClick } from '../../wecom/inbound-schema.ts';
import { CARD_REPLIES } from '../../messages/card-replies.ts';
import type { CommandContext, Reply } from '../define-command.ts';
import { handleCaseCardClick } from './case-card-click.ts';
import { handleDigestClick } from './digest-card-click.ts';
import { handleExtensionClick } from './extension-card-click.ts';
import { handleRefusalCardClick } from './refusal-card-click.ts';
import { handleSuggestionClick } from './suggestion.ts';

/**
 * A tap on one of the bot's cards, found by its task_id: a 否定报备 card, a 延期 card, or an action
 * card (a suggested command, a case's card, a morning digest). The inbox key already made a redelivered callback a no-op.
 */
export async function handleCardClick(ctx: CommandContext, msg: InboundCardClick): Promise<Reply> {
  const refusal = await findCardByTaskId(ctx.tx, msg.taskId);
  if (refusal) return handleRefusalCardClick(ctx, msg, refusal);
  const extension = await findExtensionByTaskId(ctx.tx, msg.taskId);
  if (extension) return handleExtensionClick(ctx, msg, extension);
  const action = await findActionCard(ctx.tx, msg.taskId);
  if (action?.kind === 'suggestion') return handleSuggestionClick(ctx, msg, action);
  if (action?.kind === 'case') return handleCaseCardClick(ctx, msg, action);
  if (action?.kind === 'digest') return handleDigestClick(ctx, msg, action);
  return CARD_REPLIES.unknownTask;
}
