/** WeCom refuses a text message over 2048 bytes (errcode 45002); every long answer is cut to fit. */
export const WECOM_TEXT_LIMIT = 2048;

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * `head`, as many of `items` as fit, then `more(n)` naming the n left out (those cut here plus
 * `hidden`, left out before), then `tail`; all joined by line breaks within `limit` bytes.
 */
export function fitList(
  head: string[],
  items: string[],
  tail: string[],
  more: (left: number) => string,
  options: { hidden?: number; limit?: number } = {},
): string {
  const { hidden = 0, limit = WECOM_TEXT_LIMIT } = options;
  for (let keep = items.length; keep >= 0; keep--) {
    const left = items.length - keep + hidden;
    const text = [...head, ...items.slice(0, keep), ...(left > 0 ? [more(left)] : []), ...tail].join('\n');
    if (byteLength(text) <= limit) return text;
  }
  return clipBytes([...head, more(items.length + hidden), ...tail].join('\n'), limit);
}

/** The longest prefix of `text` (whole characters) within `limit` bytes, with … when cut. */
export function clipBytes(text: string, limit = WECOM_TEXT_LIMIT): string {
  if (byteLength(text) <= limit) return text;
  let out = '';
  let bytes = byteLength('…');
  for (const ch of text) {
    bytes += byteLength(ch);
    if (bytes > limit) break;
    out += ch;
  }
  return `${out}…`;
}
