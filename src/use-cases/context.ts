import type { Tx } from '../db/transaction.ts';
import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import type { Actor } from '../domain/org/actor.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';

/** What a use case gets: one transaction, one instant, the calendar, and a way to queue messages. */
export interface UseCaseContext {
  tx: Tx;
  now: Date;
  calendar: WorkCalendar;
  publicBaseUrl: string;
  /** The inbound message that caused this work; keys derived from it make every effect idempotent. */
  sourceKey: string;
  /** Who asked (the scheduler's own work has its own context). */
  actor: Actor;
  /** Queued in the same transaction: sent only if the work commits. */
  send(message: OutboundMessage): void;
}
