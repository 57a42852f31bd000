import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { isStaff, type Actor } from '../domain/org/actor.ts';
import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import { canonicalUserid, loadActor } from '../db/org-repository.ts';
import type { Tx } from '../db/transaction.ts';
import type { Logger } from '../shared/logger.ts';
import type { InboundMessage } from '../wecom/inbound-schema.ts';
import { GENERAL } from '../messages/general.ts';
import { renderGreeting, renderWelcome } from '../messages/greeting-replies.ts';
import { renderMenuPrompt, renderParseErrors } from '../messages/parse-error-replies.ts';
import { chinaDateOf } from '../domain/calendar/china-time.ts';
import { listMyItems } from '../use-cases/list-my-items.ts';
import { commandNamed, visibleCommands, type Command } from './command-registry.ts';
import type { CommandContext, Reply } from './define-command.ts';
import { isGreeting } from './parsing/greeting.ts';
import type { ParseError } from './parsing/parse-error.ts';
import { handleCardClick } from './cards/handle-card-click.ts';
import { offerSuggestion } from './cards/suggestion.ts';
import { parseCommand } from './parse-command.ts';
import { runCommand } from './run-command.ts';
import { handleApprovalChange, type ApprovalDeps } from './approval-event.ts';
import { applyContactChange, type ContactsSource } from '../use-cases/contacts/sync-contacts.ts';

export interface MessageDeps extends ApprovalDeps {
  calendar: WorkCalendar;
  publicBaseUrl: string;
  log: Logger;
  /** WECOM_CONTACTS_SYNC=on: change_contact events update the roster from WeCom. */
  contacts?: ContactsSource;
}

/**
 * Works one inbound message in one transaction: the case change and every reply it causes commit
 * together, keyed by the inbox key so that a second run changes nothing. A typed command, a card
 * button and a menu item all become a command for runCommand.
 */
export async function handleMessage(deps: MessageDeps, tx: Tx, inboxKey: string, inbound: InboundMessage, now: Date): Promise<void> {
  // From here on the sender is spelled as the roster spells them: card addressees, handlers and
  // replies compare userids exactly, while WeCom ignores their case.
  const msg = { ...inbound, fromUser: await canonicalUserid(tx, inbound.fromUser) };
  const outgoing: OutboundMessage[] = [];
  // A reply already shown on the tapped card ({ shownOnCard }) is not sent again.
  const reply = (answer: Reply) => {
    const key = `reply:${inboxKey}`;
    if (typeof answer === 'string') outgoing.push({ key, toUser: msg.fromUser, kind: 'text', payload: { content: answer } });
    else if ('markdown' in answer) outgoing.push({ key, toUser: msg.fromUser, kind: 'markdown', payload: { content: answer.markdown } });
    else if ('card' in answer) outgoing.push({ key, toUser: msg.fromUser, kind: 'template_card', payload: { card: answer.card, ...(answer.fallback && { fallback: answer.fallback }) } });
  };
  const context = async (): Promise<CommandContext> => contextFor(deps, tx, inboxKey, now, await loadActor(tx, msg.fromUser), outgoing);

  switch (msg.kind) {
    case 'text': {
      const parsed = parseCommand(msg.content, { now });
      if (parsed.ok) reply(await runCommand(await context(), parsed.command));
      else reply((await notACommand(await context(), msg.content, parsed.errors)) ?? renderParseErrors(parsed.errors));
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
    case 'approval_change':
      await handleApprovalChange(deps, tx, msg, (actor) => contextFor(deps, tx, inboxKey, now, actor, outgoing));
      break;
    case 'contact_change': {
      // Without the sync the organization file owns people; the event is kept in the inbox only.
      if (!deps.contacts) break;
      const r = await applyContactChange({ tx, now, send: (m) => outgoing.push(m) }, deps.contacts, msg);
      deps.log.info({ changeType: msg.changeType, userid: msg.userId, joined: r.joined, moved: r.moved, left: r.left, handedOver: r.handedOver }, 'contacts change applied');
      break;
    }
    case 'other':
      if (msg.msgType !== 'event') reply(GENERAL.nonText);
      else if (msg.event === 'enter_agent') outgoing.push(await welcome(await context(), now));
      // Other events (subscribe, …) need no answer.
      break;
  }
  await enqueueOutbound(tx, outgoing);
}

/** A message that is no command at all: a hello gets what the bot can do, a sentence a suggestion. */
async function notACommand(ctx: CommandContext, text: string, errors: readonly ParseError[]): Promise<Reply | undefined> {
  if (errors[0]?.code !== 'unknown_command') return undefined;
  if (isGreeting(text)) return renderGreeting(ctx.actor.name, isStaff(ctx.actor));
  return offerSuggestion(ctx, text);
}

/** Opening the app: what needs the person now, once a China day (the key makes a second one a no-op). */
async function welcome(ctx: CommandContext, now: Date): Promise<OutboundMessage> {
  const staff = isStaff(ctx.actor);
  const cases = staff ? (await listMyItems(ctx.tx, ctx.actor.userid, now)).cases : [];
  const content = renderWelcome(ctx.actor.name, staff, cases, now);
  return { key: `welcome:${ctx.actor.userid}:${chinaDateOf(now)}`, toUser: ctx.actor.userid, kind: 'text', payload: { content } };
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
