import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { Db } from '../db/open-database.ts';
import type { StaffMember } from '../db/org-repository.ts';
import type { OutboundMessage } from '../db/outbox.ts';

/** The Prisma client inside one transaction. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** What a use case gets: one transaction, one instant, the calendar, and a way to queue messages. */
export interface UseCaseContext {
  tx: Tx;
  now: Date;
  calendar: WorkCalendar;
  publicBaseUrl: string;
  /** The inbound message that caused this work; keys derived from it make every effect idempotent. */
  sourceKey: string;
  actor: StaffMember;
  /** Queued in the same transaction: sent only if the work commits. */
  send(message: OutboundMessage): void;
}
