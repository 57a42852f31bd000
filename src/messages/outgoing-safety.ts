import type { OutboundMessage } from '../domain/messaging/outbound-message.ts';
import { cleanText } from '../shared/clean-text.ts';
import { WECOM_TEXT_LIMIT, clipBytes } from './fit-bytes.ts';

/**
 * WeCom renders `<a href="…">…</a>` in a text message as a link (90236), so a tag typed by one
 * person (an applicant, a 转办 note) would reach another as a link. The bot's own texts carry no
 * tags: every `<` that starts a tag becomes a full-width ＜, which reads the same and links nothing.
 */
export function neutraliseMarkup(text: string): string {
  return text.replace(/<(?=\s*(?:[/?]\s*)?[A-Za-z]|!)/gu, '＜');
}

// Card fields that are addresses or identifiers, not text shown to a person.
const CARD_KEYS_LEFT_ALONE = new Set(['url', 'pagepath', 'appid', 'task_id', 'key', 'card_type', 'media_id', 'question_key', 'id', 'userid', 'type', 'icon_url', 'url_type']);

function safeCardValue(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key !== undefined && CARD_KEYS_LEFT_ALONE.has(key) ? value : neutraliseMarkup(cleanText(value));
  if (Array.isArray(value)) return value.map((v) => safeCardValue(v));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safeCardValue(v, k)]));
  return value;
}

/**
 * The last gate before a message is queued: no control characters or bidi overrides, no markup that
 * would link, and a text or markdown within WeCom's 2,048 bytes (longer ones are refused with 45002,
 * so one that got this far is cut, marked …, rather than lost).
 */
export function safeOutgoing(m: OutboundMessage): OutboundMessage {
  const p = m.payload;
  switch (m.kind) {
    case 'text':
      return { ...m, payload: { ...p, content: clipBytes(neutraliseMarkup(cleanText(String(p['content'] ?? ''))), WECOM_TEXT_LIMIT) } };
    case 'markdown':
      return { ...m, payload: { ...p, content: clipBytes(cleanText(String(p['content'] ?? '')), WECOM_TEXT_LIMIT) } };
    case 'template_card':
    case 'update_card':
      return { ...m, payload: { ...p, ...(p['card'] !== undefined && { card: safeCardValue(p['card']) }), ...(typeof p['fallback'] === 'string' && { fallback: clipBytes(neutraliseMarkup(cleanText(p['fallback'])), WECOM_TEXT_LIMIT) }) } };
  }
}
