/** Every rule gets the time passed in, so tests and the sandbox move time instead of waiting for it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that runs with real time plus an offset that can only move forward (sandbox, tests). */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: () => number = Date.now) {}
  now(): Date {
    return new Date(this.base() + this.offsetMs);
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error('Time only moves forward');
    this.offsetMs += ms;
  }
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - this.base();
  }
}
