import { claimActionCard, findActionCard, insertActionCard, type ActionCardRecord } from '../../db/action-card-repository.ts';
import { installationId } from '../../db/installation-id.ts';
import { answerCardClick } from '../../use-cases/cards/answer-card-click.ts';
import type { InboundCardClick } from '../../wecom/inbound-schema.ts';
import { CARD_REPLIES } from '../../messages/card-replies.ts';
import { buildSuggestionCard, SUGGESTION_KEYS, SUGGESTION_REPLIES, type SuggestionCardState } from '../../messages/cards/suggestion-card.ts';
import { shortHash } from '../../shared/short-hash.ts';
import { commandNamed, mayUse } from '../command-registry.ts';
import type { CommandContext, Reply } from '../define-command.ts';
import { parseCommand } from '../parse-command.ts';
import { readSentence } from '../parsing/read-sentence.ts';
import { runCommand } from '../run-command.ts';

/**
 * A sentence that is not a command but reads as a 登记 ("张三来电咨询…") gets a card with the command
 * the bot thinks was meant, to confirm, edit or dismiss. Undefined when it does not read as one, or
 * the sender may not register: then the usual answer to an unknown command applies.
 */
export async function offerSuggestion(ctx: CommandContext, text: string): Promise<Reply | undefined> {
  const commandText = readSentence(text);
  const parsed = commandText ? parseCommand(commandText, { now: ctx.now }) : undefined;
  const spec = commandNamed('register');
  if (!commandText || !parsed?.ok || parsed.command.type !== 'register' || !spec || !mayUse(spec, ctx.actor)) return undefined;
  const taskId = `xn-${await installationId(ctx.tx)}-sg-${shortHash(ctx.sourceKey)}`;
  await insertActionCard(ctx.tx, { taskId, toUser: ctx.actor.userid, kind: 'suggestion', command: commandText, at: ctx.now });
  return { card: buildSuggestionCard(taskId, commandText, parsed.command, 'open') };
}

const STATE_OF_KEY: Readonly<Record<string, Exclude<SuggestionCardState, 'open'>>> = {
  [SUGGESTION_KEYS.confirm]: 'confirmed',
  [SUGGESTION_KEYS.edit]: 'edited',
  [SUGGESTION_KEYS.dismiss]: 'dismissed',
};

/**
 * A button of a suggestion card. The card is used once, by whichever button comes first: 确认登记
 * runs exactly the command shown (its dates read as of when it was offered), and a second click,
 * a redelivery or a click on another button registers nothing more and says so.
 */
export async function handleSuggestionClick(ctx: CommandContext, msg: InboundCardClick, card: ActionCardRecord): Promise<Reply> {
  if (card.toUser !== msg.fromUser) return SUGGESTION_REPLIES.notYours;
  const commandText = card.command ?? '';
  const parsed = parseCommand(commandText, { now: card.createdAt });
  const state = Object.hasOwn(STATE_OF_KEY, msg.eventKey) ? STATE_OF_KEY[msg.eventKey] : undefined;
  if (!parsed.ok || parsed.command.type !== 'register' || !state) return CARD_REPLIES.unknownTask;
  const command = parsed.command;
  const click = { taskId: card.taskId, toUser: card.toUser, responseCode: msg.responseCode, clickedAt: new Date(msg.createTime * 1000) };
  const show = (shown: Exclude<SuggestionCardState, 'open'>) => answerCardClick(ctx, click, buildSuggestionCard(card.taskId, commandText, command, shown), shown);

  // Someone whose role changed since the offer gets the command's own answer, and the card stays open.
  const spec = commandNamed(command.type);
  if (state === 'confirmed' && spec && !mayUse(spec, ctx.actor)) return runCommand(ctx, command);
  if (!(await claimActionCard(ctx.tx, card.taskId, msg.eventKey, ctx.now))) {
    // Read again: the click that used it may have committed after this one read the card.
    const usedKey = (await findActionCard(ctx.tx, card.taskId))?.usedKey ?? '';
    const used = (Object.hasOwn(STATE_OF_KEY, usedKey) && STATE_OF_KEY[usedKey]) || 'confirmed';
    show(used);
    return SUGGESTION_REPLIES.alreadyUsed(used);
  }
  show(state);
  if (state === 'edited') return SUGGESTION_REPLIES.edit(commandText);
  if (state === 'dismissed') return SUGGESTION_REPLIES.dismissed;
  return runCommand(ctx, command);
}
