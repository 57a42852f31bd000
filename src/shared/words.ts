/** `word` as a literal inside a pattern (for patterns built from the vocabulary in src/messages). */
export function escapeRegExp(word: string): string {
  return word.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

/** An alternation of literal words, longest first so that a longer word wins over its prefix. */
export function anyOf(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

/** `table[key]` for the table's own keys only: typed words such as "constructor" find nothing. */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
