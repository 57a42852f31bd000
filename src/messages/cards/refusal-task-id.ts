import type { CardRole } from './refusal-card.ts';

/**
 * The task_id of a filing's card for one recipient role: stable for the filing and role once chosen
 * (stored on the card, so a retried send is recognised by WeCom's 42014), and unique per app forever:
 * the installation id tells installations apart and the nonce, drawn once per filing, keeps ids apart
 * after a database restore reuses filing numbers. Only [0-9A-Za-z_-@], well under 128 bytes.
 */
export function refusalTaskId(installation: string, filingId: number, nonce: string, role: CardRole): string {
  return `xn-${installation}-rf${filingId}-${nonce}-${role}`;
}

/** The nonce of an existing task_id of the filing, so the principal's card shares the leader's. */
export function refusalTaskNonce(taskId: string): string | undefined {
  return /-rf\d+-([0-9a-f]+)-[a-z]+$/.exec(taskId)?.[1];
}
