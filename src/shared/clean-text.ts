/**
 * Characters that have no business in what people typed and that do harm when stored or shown:
 * C0/C1 control characters (a NUL is refused by PostgreSQL's jsonb and text), bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069: "‮甲乙‬" reads backwards on every page),
 * the invisible marks U+200E/U+200F/U+061C, and a BOM. Tab and line feed stay.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
// A lone UTF-16 surrogate cannot be encoded in UTF-8 (jsonb refuses it too). With the u flag a
// surrogate pair is one code point, so this matches only lone halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** The text without unsafe characters; CR LF and a lone CR become LF, U+2028/U+2029 too. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/gu, '\n')
    .replace(UNSAFE, '')
    .replace(LONE_SURROGATE, '\uFFFD');
}
