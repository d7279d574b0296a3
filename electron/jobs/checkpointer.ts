import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * A second connection, on a thread of its own, that copies the WAL back into the database file
 * while a long job writes. A checkpoint costs about as much as the writes it copies; done on the
 * main thread it either stalls a step (and a clerk's request behind it) or, done often, halves an
 * import's speed. PASSIVE never blocks the main connection's readers or writer.
 */
const source = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
db.pragma("cipher='sqlcipher'");
db.pragma('legacy=4');
db.pragma('key="x\\'' + Buffer.from(workerData.key).toString('hex') + '\\'"');
db.pragma('busy_timeout=5000');
db.pragma('wal_autocheckpoint=0');
parentPort.on('message', (m) => {
  if (m === 'close') { db.close(); parentPort.close(); return; }
  const t0 = performance.now();
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    parentPort.postMessage({ ms: performance.now() - t0, log: r.log, done: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ ms: -1, log: -1, done: 0 });
  }
});
`;

export class Checkpointer {
  private readonly worker: Worker;
  private busy = false;
  private closed = false;
  private lastStart = 0;
  private waiting: (() => void)[] = [];
  /** Each checkpoint's duration on its own thread (−1: it failed and the next one will retry). */
  readonly ms: number[] = [];
  /** Frames in the WAL when the last checkpoint ran. */
  walFrames = 0;

  constructor(dbPath: string, key: Buffer, nativeBinding?: string) {
    const module = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
    this.worker = new Worker(source, {
      eval: true,
      workerData: { path: dbPath, key: new Uint8Array(key), module, nativeBinding },
    });
    this.worker.on('message', (r: { ms: number; log: number; done: number }) => {
      this.busy = false;
      this.ms.push(r.ms);
      this.walFrames = r.log;
      for (const w of this.waiting.splice(0)) w();
    });
    // A failed checkpointer costs speed, not data: the main connection checkpoints again at the end.
    this.worker.on('error', () => {
      this.closed = true;
    });
  }

  /**
   * Starts a checkpoint unless one is running or one started less than `minGapMs` ago: each ends
   * with an fsync of the database file, which can stall the main thread's own writes to the disk.
   */
  nudge(minGapMs = 500): void {
    if (this.busy || this.closed || performance.now() - this.lastStart < minGapMs) return;
    this.busy = true;
    this.lastStart = performance.now();
    this.worker.postMessage('checkpoint');
  }

  /** Resolves once no checkpoint is running on the thread. */
  async idle(): Promise<void> {
    if (this.busy) await new Promise<void>((r) => this.waiting.push(r));
  }

  /** A last checkpoint of everything the job wrote, then the thread ends. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.busy) await new Promise<void>((r) => this.waiting.push(r));
    this.nudge(0);
    if (this.busy) await new Promise<void>((r) => this.waiting.push(r));
    this.closed = true;
    this.worker.postMessage('close');
    await new Promise((r) => this.worker.once('exit', r));
  }
}
