/**
 * Splitting a message into whitespace-separated tokens. Each token keeps `raw` (as typed, for
 * free text such as 事由, so Chinese punctuation survives) and `norm` (NFKC: full-width digits,
 * letters, ＃ and punctuation folded to half-width, for matching keywords, numbers and dates).
 */
export interface Token {
  readonly raw: string;
  readonly norm: string;
  /** Position in the message; adjacent tokens keep the original line break between them. */
  readonly index: number;
  /** '\n' when the whitespace before this token held a line break, else ' '. */
  readonly gapBefore: ' ' | '\n';
}

// Zero-width spaces that WeCom clients sometimes paste in; ZWJ stays because emoji need it.
const INVISIBLE = /[\u200B\u2060]/gu;

export function normalize(text: string): string {
  return text.normalize('NFKC').trim();
}

export function tokenize(text: string): Token[] {
  const source = text.replace(INVISIBLE, '');
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of source.matchAll(/\S+/gu)) {
    const start = match.index;
    const gap = source.slice(previousEnd, start);
    previousEnd = start + match[0].length;
    const norm = normalize(match[0]);
    if (norm === '') continue;
    tokens.push({ raw: match[0], norm, index: tokens.length, gapBefore: gap.includes('\n') ? '\n' : ' ' });
  }
  return tokens;
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
