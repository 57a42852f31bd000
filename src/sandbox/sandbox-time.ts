import type { AdjustableClock } from '../shared/clock.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { addDays, chinaDateOf, chinaInstant } from '../domain/calendar/china-time.ts';
import { chinaLabel, SANDBOX_TIME } from '../messages/sandbox-texts.ts';

/** "12月3日（周四）09:00" in China time: the sandbox's way of writing an instant. */
export { chinaLabel };

export type TimeAction = { action: 'hours'; hours: number } | { action: 'day' } | { action: 'next-reminder' };

export interface TimeJump {
  now: Date;
  note: string;
}

export interface TimeMove {
  now: Date;
  /** Whether a scheduler tick ran at the new instant (false until the scheduler exists). */
  ticked: boolean;
  /** For next-reminder: whether the bot sent something on the way. */
  found?: boolean;
  /** One line for the chat divider, in Chinese. */
  note: string;
}

export interface TimeControlDeps {
  clock: AdjustableClock;
  calendar: WorkCalendar;
  /** The scheduler tick, when the running bot has one (checked at each call: it may arrive later). */
  tick: () => ((now: Date) => Promise<unknown>) | undefined;
  /** Waits until the bot has sent everything the tick queued. */
  settle: () => Promise<void>;
  /** A number that grows whenever the bot sends a message or updates a card. */
  activity: () => number;
  /** Shows the jump in every chat; hold/release put it before the messages the jump caused. */
  announce: { now(jump: TimeJump): void; hold(): void; release(jump?: TimeJump): void };
}

const HOUR_MS = 3600_000;
const HALF_HOUR_MS = 30 * 60_000;
/** How far "到下一个提醒" looks before giving up. */
const REMINDER_HORIZON_DAYS = 7;
const REMINDER_HORIZON_MS = REMINDER_HORIZON_DAYS * 24 * HOUR_MS;
const OFFICE_OPENING = '09:00';

/** Moves the sandbox clock forward only, one request at a time, and lets the scheduler look at each new instant. */
export function createTimeControl(deps: TimeControlDeps): (action: TimeAction) => Promise<TimeMove> {
  let queue: Promise<unknown> = Promise.resolve();
  return (action) => {
    const run = queue.then(() => move(deps, action));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function move(deps: TimeControlDeps, action: TimeAction): Promise<TimeMove> {
  const { clock } = deps;
  const tick = deps.tick();
  if (action.action === 'next-reminder') return tick ? stepToNextActivity(deps, tick) : jumpToOpening(deps);
  clock.advance(action.action === 'day' ? 24 * HOUR_MS : action.hours * HOUR_MS);
  const now = clock.now();
  const note = SANDBOX_TIME.advanced(action.action === 'day' ? 'day' : action.hours, chinaLabel(now));
  deps.announce.now({ now, note });
  if (tick) {
    await tick(now);
    await deps.settle();
  }
  return { now, ticked: tick !== undefined, note };
}

/**
 * The scheduler exposes no "when do you act next" yet, so walk forward in half-hour steps (the
 * granularity of its office-hour ladder: 09:00, two hours before closing, midnight deadlines) and
 * tick at each, stopping at the first step after which the bot sent something.
 */
async function stepToNextActivity(deps: TimeControlDeps, tick: (now: Date) => Promise<unknown>): Promise<TimeMove> {
  const start = deps.clock.now().getTime();
  for (let t = nextHalfHour(start); t <= start + REMINDER_HORIZON_MS; t += HALF_HOUR_MS) {
    const before = deps.activity();
    const now = new Date(t);
    const note = SANDBOX_TIME.toNextReminder(chinaLabel(now));
    deps.clock.moveForwardTo(now);
    deps.announce.hold();
    let found = false;
    try {
      await tick(now);
      await deps.settle();
    } finally {
      found = deps.activity() > before;
      deps.announce.release(found ? { now, note } : undefined);
    }
    if (found) return { now, ticked: true, found, note };
  }
  const now = deps.clock.now();
  const note = SANDBOX_TIME.noReminderWithin(REMINDER_HORIZON_DAYS, chinaLabel(now));
  deps.announce.now({ now, note });
  return { now, ticked: true, found: false, note };
}

/** Without a scheduler, the next instant anything routine can happen is the next office opening. */
function jumpToOpening(deps: TimeControlDeps): TimeMove {
  const now = deps.clock.now();
  const target = nextOfficeOpening(deps.calendar, now);
  deps.clock.advance(target.getTime() - now.getTime());
  const note = SANDBOX_TIME.toNextOpening(chinaLabel(target));
  deps.announce.now({ now: target, note });
  return { now: target, ticked: false, found: false, note };
}

/** The first 09:00 (China time) on a working day strictly after `now`. */
export function nextOfficeOpening(calendar: WorkCalendar, now: Date): Date {
  let date = chinaDateOf(now);
  for (let i = 0; i < 60; i++, date = addDays(date, 1)) {
    const opening = chinaInstant(date, OFFICE_OPENING);
    if (opening > now && calendar.dayInfo(date).working) return opening;
  }
  throw new Error('no working day within 60 days');
}

function nextHalfHour(ms: number): number {
  return Math.floor(ms / HALF_HOUR_MS) * HALF_HOUR_MS + HALF_HOUR_MS;
}
