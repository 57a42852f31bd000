/** Every rule gets the time passed in, so tests and the sandbox move time instead of waiting for it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Real time plus an offset that can be moved. The sandbox only moves it forward (advance,
 * moveForwardTo: its promise that time never goes back); tests may also place it at any instant
 * with set(), earlier ones included, to run each step at a chosen moment.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: () => number = Date.now) {}
  now(): Date {
    return new Date(this.base() + this.offsetMs);
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error('advance() only moves time forward');
    this.offsetMs += ms;
  }
  /** Moves to `instant` when it is later than now; an earlier instant changes nothing (never back). */
  moveForwardTo(instant: Date): void {
    this.advance(Math.max(0, instant.getTime() - this.now().getTime()));
  }
  /** Places the clock at `instant`, earlier or later (tests). */
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - this.base();
  }
}
