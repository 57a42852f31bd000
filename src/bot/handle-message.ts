import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { isStaff, type Actor } from '../domain/org/actor.ts';
import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import { loadActor } from '../db/org-repository.ts';
import type { Tx } from '../db/transaction.ts';
import type { Logger } from '../shared/logger.ts';
import type { InboundMessage } from '../wecom/inbound-schema.ts';
import { GENERAL } from '../messages/general.ts';
import { renderMenuPrompt, renderParseErrors } from '../messages/parse-error-replies.ts';
import { commandNamed, visibleCommands, type Command } from './command-registry.ts';
import type { CommandContext, Reply } from './define-command.ts';
import { handleCardClick } from './handle-card-click.ts';
import { parseCommand } from './parse-command.ts';
import { runCommand } from './run-command.ts';

export interface MessageDeps {
  calendar: WorkCalendar;
  publicBaseUrl: string;
  log: Logger;
}

/**
 * Works one inbound message in one transaction: the case change and every reply it causes commit
 * together, keyed by the inbox key so that a second run changes nothing. A typed command, a card
 * button and a menu item all become a command for runCommand.
 */
export async function handleMessage(deps: MessageDeps, tx: Tx, inboxKey: string, msg: InboundMessage, now: Date): Promise<void> {
  const outgoing: OutboundMessage[] = [];
  // A reply already shown on the tapped card ({ shownOnCard }) is not sent again.
  const reply = (answer: Reply) => {
    const key = `reply:${inboxKey}`;
    if (typeof answer === 'string') outgoing.push({ key, toUser: msg.fromUser, kind: 'text', payload: { content: answer } });
    else if ('markdown' in answer) outgoing.push({ key, toUser: msg.fromUser, kind: 'markdown', payload: { content: answer.markdown } });
  };
  const context = async (): Promise<CommandContext> => contextFor(deps, tx, inboxKey, now, await loadActor(tx, msg.fromUser), outgoing);

  switch (msg.kind) {
    case 'text': {
      const parsed = parseCommand(msg.content, { now });
      if (!parsed.ok) reply(renderParseErrors(parsed.errors));
      else reply(await runCommand(await context(), parsed.command));
      break;
    }
    case 'card_click': {
      const ctx = await context();
      reply(isStaff(ctx.actor) ? await handleCardClick(ctx, msg) : GENERAL.notStaff);
      break;
    }
    case 'menu_click':
      reply(await runMenuItem(await context(), msg.eventKey));
      break;
    case 'other':
      // Events (enter_agent, subscribe, …) need no answer; a picture or a voice message does.
      if (msg.msgType !== 'event') reply(GENERAL.nonText);
      break;
  }
  await enqueueOutbound(tx, outgoing);
}

/** A menu item's key is a command's name: one that needs nothing more runs; one that does says what to type. */
async function runMenuItem(ctx: CommandContext, key: string): Promise<Reply> {
  const spec = commandNamed(key);
  if (!spec) return renderParseErrors([{ code: 'unknown_command', params: { word: key } }]);
  const bare = spec.parse([], { now: ctx.now });
  if (!bare.ok) return renderMenuPrompt(spec.name);
  return runCommand(ctx, { type: spec.name, ...bare.fields } as Command);
}

function contextFor(deps: MessageDeps, tx: Tx, sourceKey: string, now: Date, actor: Actor, outgoing: OutboundMessage[]): CommandContext {
  return {
    tx,
    now,
    calendar: deps.calendar,
    publicBaseUrl: deps.publicBaseUrl,
    sourceKey,
    actor,
    log: deps.log.child({ inboxKey: sourceKey }),
    send: (m) => outgoing.push(m),
    visibleCommands: () => visibleCommands(actor.roles),
  };
}
