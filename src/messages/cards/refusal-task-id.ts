import type { CardRole } from './refusal-card.ts';

/**
 * The task_id of a filing's card for one recipient role: stable (the same filing and role always give
 * the same id, so a retried transaction cannot send a second card) and unique per app forever thanks to
 * the installation id. Only [0-9A-Za-z_-@], well under 128 bytes.
 */
export function refusalTaskId(installation: string, filingId: number, role: CardRole): string {
  return `xn-${installation}-rf${filingId}-${role}`;
}
