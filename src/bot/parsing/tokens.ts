/**
 * Splitting a message into tokens at whitespace and at the Chinese separators people type between
 * fields (登记，来电，咨询，张三…). Each token keeps `raw` (as typed, for free text such as 事由, so
 * Chinese punctuation survives) and `norm` (NFKC: full-width digits, letters, ＃ and punctuation
 * folded to half-width, for matching keywords, numbers and dates).
 */
export interface Token {
  readonly raw: string;
  readonly norm: string;
  /** Position in the message; adjacent tokens keep what separated them. */
  readonly index: number;
  /** What stood before this token: '\n' for a line break, the separator typed (，、；：), else ' '. */
  readonly gapBefore: string;
}

// Between fields: whitespace, and the Chinese comma, enumeration comma, semicolon and colon; a
// full-width colon between digits is part of a time (17：30), not a separator.
const SEPARATORS = /(?:\s|[，、；]|：(?!\d)|(?<!\d)：)+/gu;

// Zero-width spaces that WeCom clients sometimes paste in; ZWJ stays because emoji need it.
const INVISIBLE = /[\u200B\u2060]/gu;

export function normalize(text: string): string {
  return text.normalize('NFKC').trim();
}

export function tokenize(text: string): Token[] {
  const source = text.replace(INVISIBLE, '');
  const tokens: Token[] = [];
  let previousEnd = 0;
  const push = (start: number, end: number) => {
    const raw = source.slice(start, end);
    const gap = source.slice(previousEnd, start);
    previousEnd = end;
    const norm = normalize(raw);
    if (norm !== '') tokens.push({ raw, norm, index: tokens.length, gapBefore: gapOf(gap) });
  };
  let at = 0;
  for (const m of source.matchAll(SEPARATORS)) {
    if (m.index > at) push(at, m.index);
    at = m.index + m[0].length;
  }
  if (at < source.length) push(at, source.length);
  return tokens;
}

/** How a gap is kept in free text: a line break, the punctuation typed, or one space. */
function gapOf(gap: string): string {
  if (gap.includes('\n')) return '\n';
  const marks = gap.replace(/\s/gu, '');
  return marks === '' ? ' ' : marks;
}

/** A token cut out of another one (e.g. `#12，已答复` → `已答复`); it keeps the parent's position. */
export function subToken(parent: Token, normPrefixLength: number): Token | undefined {
  const raw = rawAfterNormPrefix(parent.raw, normPrefixLength).trim();
  const norm = normalize(raw);
  if (norm === '') return undefined;
  return { raw, norm, index: parent.index, gapBefore: ' ' };
}

/** Free text from tokens: the typed characters, single spaces, line breaks kept where they were. */
export function joinRaw(tokens: readonly Token[]): string {
  let text = '';
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous) text += token.index === previous.index + 1 ? token.gapBefore : ' ';
    text += token.raw;
  });
  return text;
}

export function joinNorm(tokens: readonly Token[]): string {
  return tokens.map((t) => t.norm).join(' ');
}

/** The part of `raw` after the characters whose NFKC forms make up the first `length` normalized characters. */
function rawAfterNormPrefix(raw: string, length: number): string {
  let consumed = 0;
  let offset = 0;
  for (const ch of raw) {
    if (consumed >= length) break;
    consumed += ch.normalize('NFKC').length;
    offset += ch.length;
  }
  return raw.slice(offset);
}
