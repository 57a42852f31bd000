/**
 * WeCom's limits on app messages (docs/PROTOCOL.md §9): per app per member at most 30 a minute and 1000 an
 * hour, and WeCom silently DROPS the excess (no error). Per app at most seats × 200 person-times a
 * day, counted per natural day. So the outbox holds a message back (sends it later) rather than
 * sending it into a limit. Pure: the caller passes what was sent, from the database.
 */
import { addDays, chinaDateOf, chinaInstant } from '../domain/calendar/china-time.ts';

export interface SendLimits {
  perUserPerMinute: number;
  perUserPerHour: number;
  /** Person-times per natural day (China time) for the whole app. */
  perAppPerDay: number;
}

export const WECOM_PER_USER_LIMITS = { perUserPerMinute: 30, perUserPerHour: 1000 } as const;

/** WeCom's per-app daily allowance is 200 person-times per account seat. */
export function appDailyLimit(seats: number): number {
  return 200 * Math.max(1, seats);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The next China midnight after `now`: when a day limit opens again. */
export function nextChinaMidnight(now: Date): Date {
  return chinaInstant(addDays(chinaDateOf(now), 1), '00:00');
}

/** The start of the China natural day of `now`. */
export function chinaDayStart(now: Date): Date {
  return chinaInstant(chinaDateOf(now), '00:00');
}

/** Earliest instant ≥ now at which the window [t - windowMs, t] holds fewer than `limit` of `sends`. */
function windowSlot(sends: readonly number[], now: number, windowMs: number, limit: number): number {
  const inWindow = sends.filter((t) => t > now - windowMs && t <= now).sort((a, b) => a - b);
  if (inWindow.length < limit) return now;
  // The send that must leave the window: once it has, one fewer than the limit remain.
  return inWindow[inWindow.length - limit]! + windowMs;
}

/**
 * Null when one more message to this user may go at `now`; else the earliest instant it may.
 * `userSends`: instants of messages to the user in the last hour (in-flight ones as `now`).
 * `appSendsToday`: person-times the app has sent today.
 */
export function nextSendSlot(input: { userSends: readonly Date[]; appSendsToday: number; now: Date; limits: SendLimits }): Date | null {
  const { limits } = input;
  const now = input.now.getTime();
  if (input.appSendsToday >= limits.perAppPerDay) return nextChinaMidnight(input.now);
  const sends = input.userSends.map((d) => d.getTime());
  const slot = Math.max(windowSlot(sends, now, MINUTE, limits.perUserPerMinute), windowSlot(sends, now, HOUR, limits.perUserPerHour));
  return slot > now ? new Date(slot) : null;
}

/**
 * 45009 blocks for the rest of a minute, an hour or the natural day (90454), and WeCom does not say which:
 * the first refusal waits a minute, a second in a row an hour, a third until the next China day.
 */
export function rateWindowEnd(now: Date, previousRefusals: number): Date {
  if (previousRefusals === 0) return new Date(now.getTime() + 60_000);
  if (previousRefusals === 1) return new Date(now.getTime() + 3600_000);
  return new Date(chinaDayStart(now).getTime() + 24 * 3600_000);
}
