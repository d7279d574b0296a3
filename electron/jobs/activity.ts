/**
 * Requests in flight (a counter search, a registration). A long job waits for none to be in flight
 * before each step, so a request that arrives while a step runs is answered before the next one
 * starts — not one event-loop turn at a time between steps.
 */
export class Activity {
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  async around<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const w of this.waiters.splice(0)) w();
    }
  }

  /** Resolves on a later turn of the event loop with no request in flight. */
  async idle(): Promise<void> {
    await new Promise((r) => setImmediate(r));
    while (this.inFlight > 0) await new Promise<void>((r) => this.waiters.push(r));
  }
}
