import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import type { ClaimedOutbound } from '../db/outbox.ts';
import { WeComApiError } from '../wecom/errors.ts';

/**
 * docs/PROTOCOL.md §7/§10: an update_template_card refused with 42015–42022 (response_code used, expired,
 * task or button unknown) fails the same way every time. When the update carries a `fallback` text,
 * that text goes out as a new message instead, so the person still learns the outcome.
 */
export function cardUpdateFallback(row: ClaimedOutbound, err: unknown, now: Date): OutboundMessage | null {
  const fallback = row.payload['fallback'];
  if (row.kind !== 'update_card' || typeof fallback !== 'string' || fallback.length === 0) return null;
  if (!(err instanceof WeComApiError) || err.errcode < 42015 || err.errcode > 42022) return null;
  return { key: `${row.key}:fallback`, toUser: row.toUser, kind: 'text', payload: { content: fallback }, notBefore: now };
}
