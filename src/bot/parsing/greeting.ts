import { GREETINGS } from '../../messages/vocabulary.ts';

const WORDS = new Set<string>(GREETINGS);

/** "你好" / "您好！" / "hello": a hello, not a mistyped command. */
export function isGreeting(text: string): boolean {
  return WORDS.has(text.normalize('NFKC').trim().toLowerCase().replace(/[\s!！~～。.,，?？]+$/u, ''));
}
