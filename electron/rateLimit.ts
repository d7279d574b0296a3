/**
 * A sliding window per key (channel + client). Account lockout stops guessing one password; this
 * stops guessing across accounts or the recovery passphrase.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly max = 10,
    private readonly windowMs = 60_000,
  ) {}

  /** Returns false when the key is over its limit; a refused attempt is not counted. */
  allow(key: string, now: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }
}
