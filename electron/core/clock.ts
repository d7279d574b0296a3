import { readFileSync } from 'node:fs';

/** The one source of time for services, so tests can set the day without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests and benchmarks: starts at a given instant and moves only when told. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: string | Date) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: string | Date): void {
    this.t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** The system clock is "well behind" when it reads this much before the latest time seen. */
export const clockBehindToleranceMs = 60 * 60 * 1000;

/**
 * End-to-end tests only (`LIUKE_TEST_CLOCK_FILE`): the system time plus an offset in milliseconds
 * read from a file the test writes, so a test can move the shop to tomorrow (a check-in streak, an
 * expiry, a follow-up's due day) without waiting. Never set in a shop.
 */
export class OffsetFileClock implements Clock {
  constructor(private readonly file: string) {}
  now(): Date {
    let offset: number;
    try {
      offset = Number(readFileSync(this.file, 'utf8').trim()) || 0;
    } catch {
      // No file yet: the test has not moved the clock.
      offset = 0;
    }
    return new Date(Date.now() + offset);
  }
}
