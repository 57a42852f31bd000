import { levenshtein } from '../../shared/levenshtein.ts';

/** How one command is typed, as the word index needs it. */
export interface CommandWordEntry<Name extends string = string> {
  name: Name;
  /** The first word is the command's own; the others are aliases. */
  words: readonly [string, ...string[]];
  /** Offered as "您是想用…吗" for a near miss (not for commands only some roles may use). */
  suggestable: boolean;
  /** The word may be glued to anything that follows (答复投诉属实…), not only to a number. */
  gluedToAnything: boolean;
}

// People end a bare command with punctuation (待办。 帮助！ 登记：); `?` alone is itself a command.
const TRAILING_PUNCTUATION = /[.。!！?？:：,，、~～]+$/u;
const CJK = /\p{Script=Han}/u;

/** Finds the command a typed word names: exactly, glued to what follows, or (for a reply's hint) nearly. */
export class CommandWords<Name extends string> {
  private readonly byWord = new Map<string, Name>();
  private readonly longestFirst: string[];
  private readonly suggestions: string[];

  constructor(
    private readonly entries: readonly CommandWordEntry<Name>[],
    /** The command a bare `?` means. */
    private readonly questionMark: Name,
  ) {
    for (const e of entries) for (const w of e.words) this.byWord.set(w.toLowerCase(), e.name);
    // Longest first, so that 服务指南 wins over 指南 when a word is glued to what follows.
    this.longestFirst = [...this.byWord.keys()].sort((a, b) => b.length - a.length);
    this.suggestions = entries.filter((e) => e.suggestable).map((e) => e.words[0]);
  }

  lookup(word: string): Name | undefined {
    const lower = word.toLowerCase();
    if (/^\?+$/u.test(lower)) return this.questionMark;
    return this.byWord.get(lower) ?? this.byWord.get(lower.replace(TRAILING_PUNCTUATION, ''));
  }

  /**
   * `查#12`, `办结:#12`, `请假12月1日`: a command word glued to a case number or date (or, for a
   * command that takes it, to anything). Returns the command and how many characters of `word` it
   * took (with any separator), or undefined.
   */
  splitGlued(word: string): { name: Name; length: number } | undefined {
    for (const e of this.entries) {
      if (!e.gluedToAnything) continue;
      const own = e.words.find((w) => word.startsWith(w) && word.length > w.length);
      if (own) return { name: e.name, length: own.length };
    }
    for (const candidate of this.longestFirst) {
      if (!word.startsWith(candidate)) continue;
      const rest = word.slice(candidate.length);
      const separator = /^[:,、]*/u.exec(rest)?.[0] ?? '';
      if (/^[#\d]/u.test(rest.slice(separator.length))) {
        return { name: this.byWord.get(candidate) as Name, length: candidate.length + separator.length };
      }
    }
    return undefined;
  }

  /**
   * The command word the user probably meant: a word within one edit (等记 → 登记, 办节 → 办结), a
   * word sharing a character with a short first word (查询 → 查), or a command word the first word starts with.
   */
  suggest(word: string): string | undefined {
    const prefix = [...this.suggestions].sort((a, b) => b.length - a.length).find((w) => word.startsWith(w));
    if (prefix) return prefix;
    const chars = Array.from(word);
    if (chars.length > 8) return undefined;
    let best: { word: string; distance: number; shared: number } | undefined;
    for (const candidate of this.suggestions) {
      const target = Array.from(candidate);
      const distance = levenshtein(chars, target);
      const shared = new Set(target.filter((ch) => CJK.test(ch) && chars.includes(ch))).size;
      const close = distance <= 1 && Math.min(chars.length, target.length) >= 2;
      const related = shared > 0 && chars.length <= 4;
      if (!close && !related) continue;
      if (!best || distance < best.distance || (distance === best.distance && shared > best.shared)) {
        best = { word: candidate, distance, shared };
      }
    }
    return best?.word;
  }
}
