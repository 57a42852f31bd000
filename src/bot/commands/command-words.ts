import type { CommandType } from './command.ts';
import { levenshtein } from '../../shared/levenshtein.ts';

/** The word each command is known by; the help text and suggestions use these. */
export const COMMAND_WORD: Record<CommandType, string> = {
  help: '帮助',
  register: '登记',
  finish: '办结',
  transfer: '转办',
  referOut: '外转',
  requestMaterials: '补正',
  materialsComplete: '补齐',
  refuse: '拒绝',
  urgent: '紧急',
  leave: '请假',
  endLeave: '销假',
  todo: '待办',
  show: '查',
  complain: '投诉',
  guide: '指南',
  approve: '同意',
  overturn: '纠正',
  escalate: '上报',
  noticeGiven: '告知',
};

const ALIASES: Record<string, CommandType> = { '?': 'help', help: 'help', 菜单: 'help', 服务指南: 'guide' };

const BY_WORD = new Map<string, CommandType>([
  ...Object.entries(COMMAND_WORD).map(([type, word]) => [word, type as CommandType] as const),
  ...Object.entries(ALIASES),
]);

// Longest first, so that 服务指南 wins over 指南 when a word is glued to what follows.
const WORDS_LONGEST_FIRST = [...BY_WORD.keys()].sort((a, b) => b.length - a.length);

// People end a bare command with punctuation (待办。 帮助！ 登记：); `?` alone is itself a command.
const TRAILING_PUNCTUATION = /[.。!！?？:：,，、~～]+$/u;

export function lookupCommandWord(word: string): CommandType | undefined {
  const lower = word.toLowerCase();
  if (/^\?+$/u.test(lower)) return 'help';
  return BY_WORD.get(lower) ?? BY_WORD.get(lower.replace(TRAILING_PUNCTUATION, ''));
}

/**
 * `查#12`, `办结:#12`, `请假12月1日`: a command word glued to a case number or date. Returns the
 * command and how many characters of `word` it took (with any colon), or undefined.
 */
export function splitGluedCommand(word: string): { type: CommandType; length: number } | undefined {
  for (const candidate of WORDS_LONGEST_FIRST) {
    if (!word.startsWith(candidate)) continue;
    const rest = word.slice(candidate.length);
    const separator = /^[:,、]*/u.exec(rest)?.[0] ?? '';
    if (/^[#\d]/u.test(rest.slice(separator.length))) {
      return { type: BY_WORD.get(candidate) as CommandType, length: candidate.length + separator.length };
    }
  }
  return undefined;
}

const CJK = /\p{Script=Han}/u;

/**
 * The command the user probably meant: a word within one edit (等记 → 登记, 办节 → 办结), a word
 * sharing a character with a short first word (查询 → 查), or a command word the first word starts with.
 */
export function suggestCommand(word: string): string | undefined {
  const canonical = Object.values(COMMAND_WORD);
  const prefix = [...canonical].sort((a, b) => b.length - a.length).find((w) => word.startsWith(w));
  if (prefix) return prefix;
  const chars = Array.from(word);
  if (chars.length > 8) return undefined;
  let best: { word: string; distance: number; shared: number } | undefined;
  for (const candidate of canonical) {
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

