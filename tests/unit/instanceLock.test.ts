import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock, InstanceLockedError } from '../../electron/core/instanceLock.js';

let dir: string;
let lock: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liuke-lock-'));
  lock = join(dir, 'liuke.lock');
});

afterEach(() => {
  if (child?.pid !== undefined && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const holder = (pid: number, host = hostname()) =>
  writeFileSync(lock, JSON.stringify({ pid, host, at: '2026-03-01T00:00:00Z' }));

describe('acquireInstanceLock', () => {
  it('writes a lock naming this process and removes it on release', () => {
    const release = acquireInstanceLock(lock);
    const content = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number; host: string };
    expect(content).toMatchObject({ pid: process.pid, host: hostname() });
    release();
    expect(existsSync(lock)).toBe(false);
    // Releasing twice is harmless.
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('refuses a folder held by another live process on this host', () => {
    child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const pid = child.pid!;
    holder(pid);
    let thrown: unknown;
    try {
      acquireInstanceLock(lock);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InstanceLockedError);
    expect((thrown as InstanceLockedError).holder).toMatchObject({ pid, host: hostname() });
    // The holder's lock is left alone.
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid });
  });

  it('takes over a lock whose holder has died', () => {
    const dead = spawnSync('true');
    expect(dead.status).toBe(0);
    holder(dead.pid);
    const release = acquireInstanceLock(lock);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a half-written lock', () => {
    writeFileSync(lock, '{"pid": 12');
    const release = acquireInstanceLock(lock);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });

  it('takes over a lock naming another host', () => {
    child = spawn('sleep', ['30'], { stdio: 'ignore' });
    holder(child.pid!, `${hostname()}-elsewhere`);
    const release = acquireInstanceLock(lock);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    release();
  });

  it('treats a lock naming this very process as stale (a restart in the same process)', () => {
    holder(process.pid);
    const release = acquireInstanceLock(lock);
    expect(existsSync(lock)).toBe(true);
    release();
    expect(existsSync(lock)).toBe(false);
  });
});
