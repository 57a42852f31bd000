import { inTransaction, type Db } from '../db/transaction.ts';
import { enqueueOutbound } from '../db/outbox.ts';
import { loadActor } from '../db/org-repository.ts';
import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { Logger } from '../shared/logger.ts';
import { renderParseErrors } from '../messages/parse-error-replies.ts';
import { visibleCommands, type Command } from './command-registry.ts';
import type { CommandContext, Reply } from './define-command.ts';
import { parseCommand } from './parse-command.ts';
import { runCommand } from './run-command.ts';

/** What the workbench asks for: a chat command's text, and what it must be about. */
export interface WebCommandRequest {
  userid: string;
  text: string;
  /** The command must be one of these (the form's action) … */
  allowed: readonly Command['type'][];
  /** … about this case or record (a form cannot be turned into a command about another one). */
  caseNo?: number;
  recordNo?: number;
  complaintId?: number;
  /** Makes the effects idempotent: the same form sent twice queues its notices once. */
  sourceKey: string;
}

export type WebCommandResult = { ok: true; reply: string } | { ok: false; reply: string };

function replyText(reply: Reply): string {
  if (typeof reply === 'string') return reply;
  if ('markdown' in reply) return reply.markdown;
  if ('text' in reply) return reply.text;
  return '';
}

/**
 * A workbench action is the chat command it stands for: parsed by the same parser, checked and run by
 * runCommand with the same use case and authorization, in one transaction with the notices it
 * causes. Only the sender's own reply is shown on the page instead of sent to chat.
 */
export async function runWebCommand(deps: { db: Db; calendar: WorkCalendar; publicBaseUrl: string; log: Logger; now: () => Date }, req: WebCommandRequest): Promise<WebCommandResult> {
  const now = deps.now();
  const parsed = parseCommand(req.text, { now });
  if (!parsed.ok) return { ok: false, reply: renderParseErrors(parsed.errors) };
  const cmd = parsed.command as Command & { caseNo?: number; recordNo?: number; complaintId?: number };
  const aboutOther =
    !req.allowed.includes(cmd.type) ||
    (req.caseNo !== undefined && cmd.caseNo !== req.caseNo) ||
    (req.recordNo !== undefined && cmd.recordNo !== req.recordNo) ||
    (req.complaintId !== undefined && cmd.complaintId !== req.complaintId);
  if (aboutOther) return { ok: false, reply: renderParseErrors([{ code: 'unknown_command', params: { word: req.text.slice(0, 10) } }]) };
  const result = await inTransaction(deps.db, async (tx) => {
    const outgoing: OutboundMessage[] = [];
    const actor = await loadActor(tx, req.userid);
    const ctx: CommandContext = {
      tx,
      now,
      calendar: deps.calendar,
      publicBaseUrl: deps.publicBaseUrl,
      sourceKey: req.sourceKey,
      actor,
      log: deps.log.child({ web: req.sourceKey }),
      send: (m) => outgoing.push(m),
      visibleCommands: () => visibleCommands(actor.roles),
    };
    const reply = await runCommand(ctx, cmd);
    await enqueueOutbound(tx, outgoing);
    return replyText(reply);
  });
  return { ok: true, reply: result };
}
