import { describe, expect, it } from 'vitest';
import { appDailyLimit, chinaDayStart, nextChinaMidnight, nextSendSlot, type SendLimits } from '../../src/workers/rate-limit.ts';

const limits: SendLimits = { perUserPerMinute: 30, perUserPerHour: 1000, perAppPerDay: 10_000 };
const T = new Date('2026-09-21T09:00:00+08:00');
const sec = (s: number) => new Date(T.getTime() + s * 1000);

describe("WeCom's send limits (pure)", () => {
  it('lets a message go while the member is under 30 a minute', () => {
    const sends = Array.from({ length: 29 }, (_, i) => sec(i));
    expect(nextSendSlot({ userSends: sends, appSendsToday: 0, now: sec(30), limits })).toBeNull();
  });

  it('holds the 31st message of a minute until the first of the 30 is a minute old', () => {
    const sends = Array.from({ length: 30 }, (_, i) => sec(i));
    expect(nextSendSlot({ userSends: sends, appSendsToday: 0, now: sec(30), limits })).toEqual(sec(60));
    expect(nextSendSlot({ userSends: sends, appSendsToday: 0, now: sec(60), limits })).toBeNull();
  });

  it('holds a member at 1000 an hour even when each minute is fine', () => {
    // 1000 messages spread over the last 50 minutes, 20 a minute.
    const sends = Array.from({ length: 1000 }, (_, i) => sec(-3000 + i * 3));
    const slot = nextSendSlot({ userSends: sends, appSendsToday: 0, now: sec(0), limits });
    expect(slot).toEqual(sec(-3000 + 3600));
  });

  it('counts only the member asked about: in-window sends, not older ones', () => {
    const old = Array.from({ length: 40 }, (_, i) => sec(-120 - i));
    expect(nextSendSlot({ userSends: old, appSendsToday: 0, now: sec(0), limits })).toBeNull();
  });

  it('holds everything to the next China midnight once the app has spent its day', () => {
    expect(nextSendSlot({ userSends: [], appSendsToday: 10_000, now: T, limits })).toEqual(new Date('2026-09-22T00:00:00+08:00'));
    expect(nextChinaMidnight(new Date('2026-09-21T23:59:59+08:00'))).toEqual(new Date('2026-09-22T00:00:00+08:00'));
    expect(chinaDayStart(new Date('2026-09-22T07:30:00+08:00'))).toEqual(new Date('2026-09-22T00:00:00+08:00'));
    expect(appDailyLimit(6)).toBe(1200);
  });
});
