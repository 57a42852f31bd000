/**
 * The template_card field rules of docs/PROTOCOL.md §6.1 (button_interaction), checked before a card is
 * queued: WeCom answers a broken card with an errcode (42014 for a task_id, 420xx for buttons) long
 * after the transaction committed, so a violation here is a bug in a card builder, not user input.
 *
 * "chars" are Unicode characters (a Chinese character counts one); byte limits count UTF-8 bytes.
 */

const CARD_TYPES = new Set(['text_notice', 'news_notice', 'button_interaction', 'vote_interaction', 'multiple_interaction']);
const TASK_ID = /^[0-9A-Za-z_\-@]+$/;

export const CARD_LIMITS = {
  taskIdBytes: 128,
  sourceDesc: 20,
  mainTitle: 36,
  mainTitleDesc: 44,
  subTitle: 160,
  horizontalItems: 6,
  keyname: 5,
  value: 30,
  buttons: 6,
  buttonText: 10,
  buttonKeyBytes: 1024,
  // Not in docs/PROTOCOL.md: replace_text renders as a (grey) button, so it gets the button text limit.
  replaceText: 10,
  // Not in docs/PROTOCOL.md either: a local cap so a quote never swamps the card.
  quoteTitle: 36,
  quoteText: 160,
} as const;

export function chars(text: string): number {
  return Array.from(text).length;
}

/** At most `max` characters, the last one an ellipsis when cut. */
export function fit(text: string, max: number): string {
  if (chars(text) <= max) return text;
  return `${Array.from(text).slice(0, max - 1).join('')}…`;
}

type Card = Record<string, unknown>;

/** Every rule the card breaks, as readable lines; empty when it is fine. */
export function cardViolations(card: Card): string[] {
  const out: string[] = [];
  const L = CARD_LIMITS;
  const str = (v: unknown): v is string => typeof v === 'string';
  const maxChars = (path: string, v: unknown, max: number, required = false) => {
    if (v === undefined && !required) return;
    if (!str(v) || (required && v.length === 0)) out.push(`${path} must be a ${required ? 'non-empty ' : ''}string`);
    else if (chars(v) > max) out.push(`${path} has ${chars(v)} chars (max ${max})`);
  };

  const type = card['card_type'];
  if (!str(type) || !CARD_TYPES.has(type)) out.push(`card_type ${String(type)} is unknown`);
  const taskId = card['task_id'];
  if (taskId !== undefined || type === 'button_interaction') {
    if (!str(taskId) || taskId.length === 0) out.push('task_id is required');
    else {
      if (!TASK_ID.test(taskId)) out.push(`task_id ${taskId} has characters outside [0-9A-Za-z_-@]`);
      if (Buffer.byteLength(taskId) > L.taskIdBytes) out.push(`task_id is over ${L.taskIdBytes} bytes`);
    }
  }

  const source = record(card['source']);
  if (source) {
    maxChars('source.desc', source['desc'], L.sourceDesc);
    const color = source['desc_color'];
    if (color !== undefined && ![0, 1, 2, 3].includes(color as number)) out.push('source.desc_color must be 0..3');
  }
  const title = record(card['main_title']);
  if (!title) out.push('main_title is required');
  else {
    maxChars('main_title.title', title['title'], L.mainTitle, true);
    maxChars('main_title.desc', title['desc'], L.mainTitleDesc);
  }
  maxChars('sub_title_text', card['sub_title_text'], L.subTitle);

  const quote = record(card['quote_area']);
  if (card['quote_area'] !== undefined && !quote) out.push('quote_area must be an object');
  if (quote) {
    maxChars('quote_area.title', quote['title'], L.quoteTitle);
    maxChars('quote_area.quote_text', quote['quote_text'], L.quoteText);
  }

  const items = card['horizontal_content_list'];
  if (items !== undefined) {
    if (!Array.isArray(items)) out.push('horizontal_content_list must be a list');
    else {
      if (items.length > L.horizontalItems) out.push(`horizontal_content_list has ${items.length} items (max ${L.horizontalItems})`);
      items.forEach((raw, i) => {
        const item = record(raw) ?? {};
        maxChars(`horizontal_content_list[${i}].keyname`, item['keyname'], L.keyname, true);
        maxChars(`horizontal_content_list[${i}].value`, item['value'], L.value);
        const t = item['type'] ?? 0;
        if (![0, 1, 2, 3].includes(t as number)) out.push(`horizontal_content_list[${i}].type must be 0..3`);
        if (t === 1 && !str(item['url'])) out.push(`horizontal_content_list[${i}] of type 1 needs a url`);
        if (t === 3 && !str(item['userid'])) out.push(`horizontal_content_list[${i}] of type 3 needs a userid`);
      });
    }
  }

  if (type === 'button_interaction') out.push(...buttonViolations(card));
  return out;
}

function buttonViolations(card: Card): string[] {
  const out: string[] = [];
  const L = CARD_LIMITS;
  const buttons = card['button_list'];
  if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > L.buttons) return [`button_list must have 1..${L.buttons} buttons`];
  const keys = new Set<string>();
  buttons.forEach((raw, i) => {
    const b = record(raw) ?? {};
    const text = b['text'];
    if (typeof text !== 'string' || text.length === 0) out.push(`button_list[${i}].text is required`);
    else if (chars(text) > L.buttonText) out.push(`button_list[${i}].text has ${chars(text)} chars (max ${L.buttonText})`);
    const style = b['style'];
    if (style !== undefined && ![1, 2, 3, 4].includes(style as number)) out.push(`button_list[${i}].style must be 1..4`);
    if (b['type'] === 1) {
      if (typeof b['url'] !== 'string') out.push(`button_list[${i}] of type 1 needs a url`);
      return;
    }
    const key = b['key'];
    if (typeof key !== 'string' || key.length === 0) out.push(`button_list[${i}].key is required`);
    else if (Buffer.byteLength(key) > L.buttonKeyBytes) out.push(`button_list[${i}].key is over ${L.buttonKeyBytes} bytes`);
    else if (keys.has(key)) out.push(`button_list[${i}].key ${key} is not unique`);
    else keys.add(key);
  });
  const replace = card['replace_text'];
  if (replace !== undefined && (typeof replace !== 'string' || replace.length === 0 || chars(replace) > L.replaceText)) {
    out.push(`replace_text must be 1..${L.replaceText} chars`);
  }
  return out;
}

/** Throws when a card builder produced a card WeCom would reject. */
export function assertValidCard(card: Card): void {
  const violations = cardViolations(card);
  if (violations.length > 0) throw new Error(`invalid template_card: ${violations.join('; ')}`);
}

function record(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
