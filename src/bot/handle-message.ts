import type { Tx } from '../db/transaction.ts';
import type { Db } from '../db/transaction.ts';
import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import type { StaffMember } from '../domain/org/org-records.ts';
import type { Logger } from '../shared/logger.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { findActiveStaff } from '../db/org-repository.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import type { InboundMessage } from '../wecom/inbound-schema.ts';
import type { UseCaseContext } from '../use-cases/context.ts';
import { parseCommand } from './commands/parse-command.ts';
import type { Command } from './commands/command.ts';
import { renderHelp, renderParseErrors } from './commands/render-parse-errors.ts';
import { GENERAL } from '../messages/general.ts';
import { runCommand } from './run-command.ts';
import { handleCardClick } from './handle-card-click.ts';
import { syncCaseRefusalCards } from '../use-cases/refusal-cards/sync-refusal-cards.ts';

export interface MessageDeps {
  db: Db;
  calendar: WorkCalendar;
  publicBaseUrl: string;
  log: Logger;
}

/** Commands anyone may send, staff or not. */
const OPEN_TO_ALL: ReadonlySet<Command['type']> = new Set(['help', 'guide']);

/**
 * Works one inbound message in one transaction: the case change and every reply it causes commit
 * together, keyed by the inbox key so that a second run changes nothing.
 */
export async function handleMessage(deps: MessageDeps, tx: Tx, inboxKey: string, msg: InboundMessage, now: Date): Promise<void> {
  const outgoing: OutboundMessage[] = [];
  const reply = (text: string) => outgoing.push({ key: `reply:${inboxKey}`, toUser: msg.fromUser, kind: 'text', payload: { content: text } });

  if (msg.kind === 'text') {
    const parsed = parseCommand(msg.content, { now });
    const actor = await findActiveStaff(tx, msg.fromUser);
    if (!parsed.ok) {
      reply(renderParseErrors(parsed.errors));
    } else if (parsed.command.type === 'help') {
      reply(renderHelp());
    } else if (!actor && !OPEN_TO_ALL.has(parsed.command.type)) {
      reply(GENERAL.notStaff);
    } else {
      const ctx = contextFor(deps, tx, inboxKey, now, actor ?? guest(msg.fromUser), outgoing);
      reply(await runCommand(ctx, parsed.command));
      const cmd = parsed.command;
      // A refusal decided by text shows on its cards too; the sync is a no-op when nothing changed.
      if (cmd.type === 'approve' || cmd.type === 'overturn' || cmd.type === 'escalate') await syncCaseRefusalCards(ctx, cmd.caseNo);
    }
  } else if (msg.kind === 'card_click') {
    const actor = await findActiveStaff(tx, msg.fromUser);
    if (!actor) reply(GENERAL.notStaff);
    else await handleCardClick(contextFor(deps, tx, inboxKey, now, actor, outgoing), msg);
  } else if (msg.kind === 'other' && msg.msgType !== 'event') {
    reply(GENERAL.nonText);
  }
  await enqueueOutbound(tx, outgoing);
}

function contextFor(deps: MessageDeps, tx: Tx, sourceKey: string, now: Date, actor: StaffMember, outgoing: OutboundMessage[]): UseCaseContext {
  return {
    tx,
    now,
    calendar: deps.calendar,
    publicBaseUrl: deps.publicBaseUrl,
    sourceKey,
    actor,
    send: (m) => outgoing.push(m),
  };
}

function guest(userid: string): StaffMember {
  return { userid, name: userid, department: '' };
}

