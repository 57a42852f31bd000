import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../src/holidays/load-work-calendar.ts';
import type { WorkCalendar } from '../../src/domain/calendar/work-calendar.ts';
import { AdjustableClock } from '../../src/shared/clock.ts';
import { chinaLabel, createTimeControl, nextOfficeOpening, type TimeJump } from '../../src/sandbox/sandbox-time.ts';

let calendar: WorkCalendar;
beforeAll(async () => {
  calendar = await loadWorkCalendar();
});

/** A time control over a fixed clock, recording what it announced and where the bot "sent" something. */
function setup(start: string, options: { scheduler?: (now: Date) => boolean } = {}) {
  const frozen = new Date(start).getTime();
  const clock = new AdjustableClock(() => frozen);
  const log: string[] = [];
  let sent = 0;
  // Like SandboxHub: while held, lines wait; release puts the jump first, then what waited.
  let held: string[] | null = null;
  const ticks: Date[] = [];
  const scheduler = options.scheduler;
  const move = createTimeControl({
    clock,
    calendar,
    tick: () =>
      scheduler &&
      (async (now: Date) => {
        ticks.push(now);
        if (scheduler(now)) {
          sent++;
          (held ?? log).push(`sent@${now.toISOString()}`);
        }
      }),
    settle: async () => undefined,
    activity: () => sent,
    announce: {
      now: (jump: TimeJump) => log.push(`jump:${jump.note}`),
      hold: () => void (held ??= []),
      release: (jump?: TimeJump) => {
        const waiting = held ?? [];
        held = null;
        if (jump) log.push(`jump:${jump.note}`);
        log.push(...waiting);
      },
    },
  });
  return { clock, move, log, ticks };
}

describe('sandbox time control', () => {
  it('moves forward by hours and by a day, and labels the new time in China time', async () => {
    const { clock, move } = setup('2026-12-01T09:30:00+08:00');
    const hour = await move({ action: 'hours', hours: 3 });
    expect(clock.now().toISOString()).toBe('2026-12-01T04:30:00.000Z');
    expect(hour).toMatchObject({ ticked: false, note: '时间前进 3 小时，现在是 12月1日（周二）12:30' });
    await move({ action: 'day' });
    expect(chinaLabel(clock.now())).toBe('12月2日（周三）12:30');
  });

  it('without a scheduler jumps to the next office opening, skipping weekends and holidays', async () => {
    // Wednesday 2026-09-30 evening → National Day holiday → first working day after it at 09:00.
    const friday = new Date('2026-09-30T18:00:00+08:00');
    const opening = nextOfficeOpening(calendar, friday);
    expect(calendar.dayInfo(opening.toISOString().slice(0, 10)).working).toBe(true);
    expect(opening.getTime()).toBeGreaterThan(new Date('2026-10-07T00:00:00+08:00').getTime());
    expect(chinaLabel(opening)).toMatch(/09:00$/);

    expect(nextOfficeOpening(calendar, new Date('2026-12-01T08:59:00+08:00')).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(nextOfficeOpening(calendar, new Date('2026-12-01T09:00:00+08:00')).toISOString()).toBe('2026-12-02T01:00:00.000Z');
    expect(nextOfficeOpening(calendar, new Date('2026-12-04T17:00:00+08:00')).toISOString()).toBe('2026-12-07T01:00:00.000Z');

    const { clock, move } = setup('2026-12-04T17:00:00+08:00');
    const jump = await move({ action: 'next-reminder' });
    expect(jump).toMatchObject({ ticked: false, found: false });
    expect(clock.now().toISOString()).toBe('2026-12-07T01:00:00.000Z');
  });

  it('with a scheduler steps in half hours, ticking each, and stops where the bot sent something', async () => {
    const reminderAt = new Date('2026-12-03T09:00:00+08:00').getTime();
    const { clock, move, ticks, log } = setup('2026-12-01T09:47:12+08:00', { scheduler: (now) => now.getTime() >= reminderAt });
    const jump = await move({ action: 'next-reminder' });
    expect(jump).toMatchObject({ ticked: true, found: true, note: '时间前进到下一个提醒：12月3日（周四）09:00' });
    expect(clock.now().getTime()).toBe(reminderAt);
    expect(ticks[0]!.toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(ticks.every((t, i) => i === 0 || t.getTime() - ticks[i - 1]!.getTime() === 30 * 60_000)).toBe(true);
    // The jump is announced before the reminder it caused.
    expect(log).toEqual(['jump:时间前进到下一个提醒：12月3日（周四）09:00', `sent@${new Date(reminderAt).toISOString()}`]);
  });

  it('gives up after seven days when nothing is due, and says so', async () => {
    const { clock, move, ticks } = setup('2026-12-01T10:00:00+08:00', { scheduler: () => false });
    const jump = await move({ action: 'next-reminder' });
    expect(jump).toMatchObject({ ticked: true, found: false });
    expect(jump.note).toContain('7 天内没有需要发出的提醒');
    expect(clock.now().toISOString()).toBe('2026-12-08T02:00:00.000Z');
    expect(ticks).toHaveLength(7 * 48);
  });

  it('runs one move at a time, so concurrent clicks add up', async () => {
    const { clock, move } = setup('2026-12-01T09:00:00+08:00');
    await Promise.all([move({ action: 'hours', hours: 1 }), move({ action: 'hours', hours: 2 }), move({ action: 'day' })]);
    expect(clock.now().toISOString()).toBe('2026-12-02T04:00:00.000Z');
  });
});
