import type { SqliteDb } from '../../db/open.js';
import type { Backend } from '../backend.js';
import type { Checkpointer } from './checkpointer.js';

/**
 * The short write transactions of a long job (an import, an undo), one step at a time: each step
 * waits until no request is in flight, takes the connection (so it never lands inside a request's
 * transaction) and commits with `synchronous=NORMAL` (a job cut short is rolled back or run again,
 * and WAL commits stay in order). SQLite's automatic checkpoint is off meanwhile: it would copy
 * thousands of pages inside whichever commit crossed the line — an import step or a clerk's
 * registration. A checkpointer on its own thread copies the WAL instead; `end()` restores the
 * automatic checkpoint and stops it.
 */
export class WriteSteps {
  private readonly raw: SqliteDb;
  private readonly autoCheckpoint: number;
  private readonly checkpointer: Checkpointer;

  constructor(private readonly backend: Backend) {
    this.raw = backend.raw;
    this.autoCheckpoint = this.raw.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.raw.pragma('wal_autocheckpoint=0');
    this.checkpointer = backend.checkpointer();
  }

  /** Runs `work` in one transaction; returns its value and how long the step took. */
  async step<T>(work: () => T): Promise<{ value: T; ms: number }> {
    await this.backend.activity.idle();
    const out = await this.backend.db.connection().execute(async () => {
      const t0 = performance.now();
      this.raw.pragma('synchronous=NORMAL');
      try {
        const value = this.raw.transaction(work)();
        return { value, ms: performance.now() - t0 };
      } finally {
        this.raw.pragma('synchronous=FULL');
      }
    });
    await this.checkpointer.drainIfLong();
    this.checkpointer.nudge();
    return out;
  }

  /** Checkpoint durations on the checkpointer's thread. */
  get checkpointMs(): number[] {
    return this.checkpointer.ms.filter((ms) => ms >= 0);
  }

  async end(): Promise<void> {
    await this.checkpointer.close();
    this.raw.pragma(`wal_autocheckpoint=${this.autoCheckpoint}`);
  }
}
