import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/** Write to a temp file, fsync, rename: a power cut leaves either the old file or the new one. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
