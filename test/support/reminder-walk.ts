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

/** "09-21 15:30 lihua 【到期提醒】#1 今天到期": when (China time), to whom, and the headline. */
export function line(m: SentMessage): string {
  const when = new Date(m.at);
  return `${chinaDateOf(when).slice(5)} ${chinaHhmm(when)} ${m.touser.join('|')} ${(m.content ?? '').split('\n')[0]}`;
}
