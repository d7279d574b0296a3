import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export class InstanceLockedError extends Error {
  constructor(readonly holder: { pid: number; host: string }) {
    super(`data folder in use by process ${holder.pid}`);
    this.name = 'InstanceLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One Liuke per data folder: two processes writing one SQLite file from two UIs would each show a
 * stale picture. The lock file names its holder; a holder that is no longer running on this host
 * (killed, power cut) is stale and taken over.
 */
export function acquireInstanceLock(path: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid: number; host: string } = { pid: 0, host: '' };
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
      } catch {
        // Half-written by a process that died while writing it: stale.
      }
      if (holder.pid && holder.host === hostname() && alive(holder.pid) && holder.pid !== process.pid)
        throw new InstanceLockedError(holder);
      unlinkSync(path);
    }
  }
  throw new Error('could not take the instance lock');
}
