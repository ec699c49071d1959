import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The one clock all code reads. Production reads the system time. The
 * sandbox adds a forward-only offset shared by every process through the
 * database (sandbox-clock.ts), so integrators reach Sunday invoicing or a
 * month end in seconds. A job run "as of" a time (`chorecat jobs run
 * --as-of`, or the sandbox clock replaying due jobs) sees that time from
 * every use case it calls, through `runAt`.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

interface Override {
  asOf: number;
  startedAt: number;
}

export class PlatformClock implements Clock {
  private offsetMs = 0;
  private readonly overrides = new AsyncLocalStorage<Override>();

  constructor(private readonly base: () => number = Date.now) {}

  now(): Date {
    const override = this.overrides.getStore();
    if (override) return new Date(override.asOf + (this.base() - override.startedAt));
    return new Date(this.base() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Offsets only grow: the platform's time never runs backwards. */
  setOffset(offsetMs: number): void {
    if (offsetMs > this.offsetMs) this.offsetMs = offsetMs;
  }

  /** Moves the platform time to `to` (ignored if that would go backwards). */
  moveTo(to: Date): void {
    this.setOffset(to.getTime() - this.base());
  }

  /** Runs `work` with the clock reading `asOf` (then ticking on) inside it. */
  runAt<T>(asOf: Date, work: () => Promise<T>): Promise<T> {
    return this.overrides.run({ asOf: asOf.getTime(), startedAt: this.base() }, work);
  }
}

/** A clock that stands still until told to move: for unit tests of pure code. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date | string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }
}
