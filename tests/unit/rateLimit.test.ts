import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../electron/rateLimit.js';

describe('RateLimiter', () => {
  it('allows ten attempts a minute per key and refuses the eleventh', () => {
    const l = new RateLimiter();
    const results = Array.from({ length: 11 }, (_, i) => l.allow('auth.signIn|a', 1000 + i));
    expect(results).toEqual([...Array<boolean>(10).fill(true), false]);
  });

  it('keeps keys apart', () => {
    const l = new RateLimiter(2, 60_000);
    expect([l.allow('a', 0), l.allow('a', 0), l.allow('a', 0)]).toEqual([true, true, false]);
    expect(l.allow('b', 0)).toBe(true);
  });

  it('slides: an attempt leaves the window exactly one window later', () => {
    const l = new RateLimiter(2, 60_000);
    expect(l.allow('k', 0)).toBe(true);
    expect(l.allow('k', 30_000)).toBe(true);
    expect(l.allow('k', 59_999)).toBe(false);
    expect(l.allow('k', 60_000)).toBe(true);
    expect(l.allow('k', 60_001)).toBe(false);
    expect(l.allow('k', 90_000)).toBe(true);
  });

  it('does not count refused attempts', () => {
    const l = new RateLimiter(1, 1000);
    expect(l.allow('k', 0)).toBe(true);
    for (let t = 1; t < 1000; t += 100) expect(l.allow('k', t)).toBe(false);
    // Had the refusals counted, the window would still be full here.
    expect(l.allow('k', 1000)).toBe(true);
  });
});
