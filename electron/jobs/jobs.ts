import { randomUUID } from 'node:crypto';
import type { JobKind, JobStatus } from '../../shared/domain.js';
import { AppError } from '../../shared/errors.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/log.js';
import type { Activity } from './activity.js';

/** What a running job is handed: report progress, see a cancel, and give the counter its turn. */
export interface JobHandle {
  readonly id: string;
  progress(done: number, total?: number | null): void;
  readonly cancelled: boolean;
  /**
   * The app is closing: stop at the next step and leave the rest to the next start (an import's
   * batch stays 'running' and is rolled back then; an undo can be run again).
   */
  readonly stopping: boolean;
  /** Lets requests in flight (a counter search, a registration) finish before the next step. */
  pause(): Promise<void>;
}

interface Entry {
  status: JobStatus;
  cancel: boolean;
  stop: boolean;
  startedPerf: number;
}

/** Jobs that finished stay readable this long, so a page reopened later still shows the result. */
const keepFinishedMs = 60 * 60_000;

/**
 * Long work (import, export, undo) runs in the main process as a chain of short transactions with
 * a turn for other requests between them, so it never holds the database for more than a few tens
 * of milliseconds (DESIGN: the counter keeps working). The renderer polls a job's status.
 */
export class Jobs {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly activity: Activity,
  ) {}

  start(kind: JobKind, staffId: number | null, run: (job: JobHandle) => Promise<unknown>): JobStatus {
    this.prune();
    const id = randomUUID();
    const startedMs = this.clock.now().getTime();
    const startedPerf = performance.now();
    const entry: Entry = {
      status: {
        id,
        kind,
        staffId,
        state: 'running',
        done: 0,
        total: null,
        ratePerS: 0,
        etaS: null,
        startedAt: new Date(startedMs).toISOString(),
      },
      cancel: false,
      stop: false,
      startedPerf,
    };
    this.entries.set(id, entry);
    const handle: JobHandle = {
      id,
      progress: (done, total) => {
        const s = entry.status;
        s.done = done;
        if (total !== undefined) s.total = total;
        // Rates are wall time on a monotonic clock, not the shop's clock (which tests and the
        // clock guard may hold still).
        const elapsedS = Math.max(0.001, (performance.now() - entry.startedPerf) / 1000);
        s.ratePerS = Math.round(done / elapsedS);
        s.etaS = s.total !== null && s.ratePerS > 0 ? Math.max(0, Math.round((s.total - done) / s.ratePerS)) : null;
      },
      get cancelled() {
        return entry.cancel;
      },
      get stopping() {
        return entry.stop;
      },
      pause: () => this.activity.idle(),
    };
    // Started on the next turn, so the caller's transaction has committed before the job reads.
    setImmediate(() => {
      run(handle).then(
        (result) => {
          entry.status.state = entry.cancel ? 'cancelled' : 'done';
          entry.status.result = result;
          entry.status.finishedAt = this.clock.now().toISOString();
          entry.status.etaS = 0;
        },
        (e: unknown) => {
          entry.status.state = 'failed';
          entry.status.finishedAt = this.clock.now().toISOString();
          if (e instanceof AppError) {
            entry.status.errorKey = e.data.messageKey;
            if (e.data.params) entry.status.errorParams = e.data.params;
          } else {
            entry.status.errorKey = 'errors.internal';
            this.log.error('job.failed', {
              kind,
              id,
              error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
            });
          }
        },
      );
    });
    return { ...entry.status };
  }

  get(id: string): JobStatus | undefined {
    const e = this.entries.get(id);
    return e ? { ...e.status } : undefined;
  }

  /** Asks a job to stop at its next transaction boundary; what it already committed is its own to undo. */
  cancel(id: string): boolean {
    const e = this.entries.get(id);
    if (!e || e.status.state !== 'running') return false;
    e.cancel = true;
    return true;
  }

  running(kind?: JobKind): JobStatus[] {
    return [...this.entries.values()]
      .filter((e) => e.status.state === 'running' && (!kind || e.status.kind === kind))
      .map((e) => ({ ...e.status }));
  }

  /** Resolves once every running job has stopped (the app is closing or restoring). */
  async settle(): Promise<void> {
    for (const e of this.entries.values()) {
      e.cancel = true;
      e.stop = true;
    }
    while (this.running().length) await new Promise((r) => setTimeout(r, 20));
  }

  private prune(): void {
    const cutoff = this.clock.now().getTime() - keepFinishedMs;
    for (const [id, e] of this.entries)
      if (e.status.state !== 'running' && e.status.finishedAt && Date.parse(e.status.finishedAt) < cutoff)
        this.entries.delete(id);
  }
}
