import type { TimeLimitClass } from '../time-limit-class.ts';

/** The status names of docs/CONTRACT.md. Overdue is a flag, not a status. */
export const CASE_STATUSES = [
  'OPEN',
  'AWAITING_MATERIALS',
  'REFUSAL_PENDING',
  'ESCALATED',
  'REFUSED',
  'REFERRED_OUT',
  'DONE',
  'DEEMED_APPROVED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case still waits for someone in the unit to act. */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ['OPEN', 'AWAITING_MATERIALS', 'REFUSAL_PENDING', 'ESCALATED'];

/** Statuses that end a case: nothing but viewing happens to it afterwards. */
export const CLOSED_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !ACTIVE_STATUSES.includes(s));

/** The four channels of 限时办结制 §1, and `internal` for a matter from within the unit (机关内部办文办事). */
export const CHANNELS = ['in_person', 'phone', 'letter', 'online', 'internal'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface CaseRecord {
  no: number;
  status: CaseStatus;
  cls: TimeLimitClass;
  channel: Channel;
  applicant: string;
  phone: string | null;
  matter: string;
  serviceCode: string | null;
  department: string;
  firstResponder: string;
  handler: string;
  receivedAt: Date;
  dueAt: Date | null;
  dueProvisional: boolean;
  pausedAt: Date | null;
  closedAt: Date | null;
  result: string | null;
  urgent: boolean;
  version: number;
}

export interface CaseEventRecord {
  at: Date;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

export function isActive(status: CaseStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** Overdue: still waiting on the unit, with the clock running, past its due time. */
export function isOverdue(c: Pick<CaseRecord, 'status' | 'dueAt' | 'pausedAt'>, now: Date): boolean {
  if (!isActive(c.status) || c.dueAt === null || c.pausedAt !== null) return false;
  return now.getTime() > c.dueAt.getTime();
}
