/** Shortens text to `max` characters (code points), marking the cut with "…". */
export function clip(text: string, max = 20): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
