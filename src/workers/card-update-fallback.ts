import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import type { ClaimedOutbound } from '../db/outbox.ts';
import { WeComApiError } from '../wecom/errors.ts';

/**
 * docs/PROTOCOL.md §7/§10: an update_template_card refused with 42015–42022 (response_code used, expired,
 * task or button unknown) fails the same way every time. When the update carries a `fallback` text,
 * that text goes out as a new message instead, so the person still learns the outcome. The same holds
 * for a new card WeCom refuses: its text (with the typed commands) goes out instead.
 */
/**
 * A new card WeCom will not take (message type or fields refused, PROTOCOL.md §10); 42014 is not among
 * them: on a resend it means the card got through.
 */
const CARD_REFUSED = new Set([40008, 40058, 44004, 45002, 42017, 42018, 42019, 42020]);

export function cardUpdateFallback(row: ClaimedOutbound, err: unknown, now: Date): OutboundMessage | null {
  const fallback = row.payload['fallback'];
  if (typeof fallback !== 'string' || fallback.length === 0 || !(err instanceof WeComApiError)) return null;
  const refused =
    (row.kind === 'update_card' && err.errcode >= 42015 && err.errcode <= 42022) || (row.kind === 'template_card' && CARD_REFUSED.has(err.errcode));
  if (!refused) return null;
  return { key: `${row.key}:fallback`, toUser: row.toUser, kind: 'text', payload: { content: fallback }, notBefore: now };
}
