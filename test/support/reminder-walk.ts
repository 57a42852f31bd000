import { chinaDateOf } from '../../src/domain/calendar/china-time.ts';
import { chinaHhmm } from '../../src/domain/reminders/office-hours.ts';
import type { SentMessage } from '../../src/wecom/fake/wecom-api-server.ts';
import type { TestBot } from './start-test-bot.ts';

export const at = (s: string) => new Date(`${s}+08:00`);

/** Moves the bot's clock to `instant`, runs one scheduler tick there and lets the outbox send. */
export async function tickAt(t: TestBot, instant: Date): Promise<void> {
  t.clock.set(instant);
  await t.bot.runSchedulerTick(instant);
  await t.bot.settle();
}

/** Every `stepMin` minutes from `from` up to and including `to`. */
export function* instants(from: Date, to: Date, stepMin: number): Generator<Date> {
  for (let ms = from.getTime(); ms <= to.getTime(); ms += stepMin * 60_000) yield new Date(ms);
}

/** "09-21 15:30 lihua 【到期提醒】#1 今天到期": when (China time), to whom, and the headline (a card's title). */
export function line(m: SentMessage): string {
  const when = new Date(m.at);
  return `${chinaDateOf(when).slice(5)} ${chinaHhmm(when)} ${m.touser.join('|')} ${headline(m)}`;
}

/** The first line of a text, or the title of a card. */
export function headline(m: SentMessage): string {
  return (m.content ?? String((m.card?.['main_title'] as { title?: unknown } | undefined)?.title ?? '')).split('\n')[0]!;
}

/** What a message says: its text, or every text of its card (title, rows as `key：value`, notes, buttons), one a line. */
export function textOf(m: SentMessage): string {
  if (m.content !== undefined || !m.card) return m.content ?? '';
  const c = m.card as Record<string, any>;
  return [
    c['main_title']?.title,
    c['main_title']?.desc,
    c['sub_title_text'],
    ...((c['horizontal_content_list'] ?? []) as { keyname: string; value: string }[]).map((r) => `${r.keyname}：${r.value}`),
    c['quote_area']?.quote_text,
    ...((c['button_list'] ?? []) as { text: string }[]).map((b) => b.text),
  ]
    .filter((x) => typeof x === 'string' && x.length > 0)
    .join('\n');
}
