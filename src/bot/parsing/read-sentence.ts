import { COMMAND_TEXTS } from '../../messages/command-texts.ts';
import { CHANNEL_WORDS, CLASS_WORDS, SENTENCE_VERBS } from '../../messages/vocabulary.ts';
import { anyOf } from '../../shared/words.ts';

const CHANNEL = anyOf(Object.keys(CHANNEL_WORDS));
const VERB = anyOf(Object.keys(SENTENCE_VERBS));
// A name is a few letters, not a clause: no punctuation, no digits.
const NAME = '[\\p{L}·]{1,8}?';
const MOBILE = '1[3-9]\\d{9}';
const GAP = '[\\s，,：:、]*';

/** "张三13800000000来电咨询…" and "来电：张三咨询…": who, then how they came, then the verb and the matter. */
const NAME_FIRST = new RegExp(`^(?<name>${NAME})${GAP}(?<phone>${MOBILE})?${GAP}(?<channel>${CHANNEL})${GAP}(?<verb>${VERB})(?<rest>.+)$`, 'u');
const CHANNEL_FIRST = new RegExp(`^(?<channel>${CHANNEL})${GAP}(?<name>${NAME})${GAP}(?<phone>${MOBILE})?${GAP}(?<verb>${VERB})(?<rest>.+)$`, 'u');

/**
 * The 登记 command a plain sentence most likely means, as the text the clerk would have typed, or
 * undefined when the sentence does not read as a registration. The caller offers it to confirm.
 */
export function readSentence(text: string): string | undefined {
  const compact = text.normalize('NFKC').trim().replace(/[。.!！?？]+$/u, '');
  const match = NAME_FIRST.exec(compact) ?? CHANNEL_FIRST.exec(compact);
  const g = match?.groups;
  if (!g?.name || !g.channel || !g.verb || !g.rest) return undefined;
  const cls = SENTENCE_VERBS[g.verb];
  const classWord = Object.keys(CLASS_WORDS).find((w) => CLASS_WORDS[w] === cls);
  // The matter keeps the verb ("咨询会员费标准") and reads as one phrase without the clerk's commas.
  const matter = `${g.verb}${g.rest}`.replace(/^[\s，,：:、]+|[\s，,：:、]+$/gu, '').replace(/\s+/gu, '');
  if (!classWord || matter.length <= g.verb.length) return undefined;
  return [COMMAND_TEXTS.register.words[0], g.channel, classWord, g.name, ...(g.phone ? [g.phone] : []), matter].join(' ');
}
