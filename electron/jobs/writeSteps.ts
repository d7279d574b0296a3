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
/** About 16 MB of WAL. */
const maxWalFrames = 4000;

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
    if (this.checkpointer.walFrames >= maxWalFrames) await this.restartWal();
    this.checkpointer.nudge();
    return out;
  }

  /**
   * PASSIVE checkpoints beside a writing job never let the WAL start over: it grew to 40 GB in a
   * 1,000,000-row import (measured), and every read got slower with it. So once it is long, a step
   * of its own on the main connection finishes the copy with RESTART (little is left: the thread has
   * copied the rest) and the next commit starts the WAL from the top. A RESTART on the other
   * connection instead made a clerk's registration fail with "database is locked" (its read snapshot
   * went stale mid-transaction).
   */
  private async restartWal(): Promise<void> {
    await this.checkpointer.idle();
    await this.backend.activity.idle();
    await this.backend.db.connection().execute(async () => {
      this.raw.pragma('wal_checkpoint(RESTART)');
    });
    this.checkpointer.walFrames = 0;
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
