import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getMeta } from '../../electron/services/meta.js';
import {
  addStaff,
  auditRows,
  Client,
  minutes,
  ownerAccount,
  removeDir,
  setUp,
  signedIn,
  startBackend,
  type Harness,
} from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
  removeDir(h.dir);
});

const day = 24 * 60 * minutes(1);

/** Closes and starts again on the same folder, as another PC or after a power cut; unlocks at `at`. */
async function reopen(passphrase: string, deviceId = 'device-a', at?: string): Promise<void> {
  await h.close();
  h = await startBackend(h.dir, deviceId);
  if (at) h.clock.set(at);
  await new Client(h).call('app.unlock', { passphrase });
  expect(h.backend.status().state).toBe('ready');
}

describe('device guard', () => {
  it('says so when the database was last used on another PC', async () => {
    h = await startBackend(undefined, 'device-a');
    const passphrase = await setUp(h);
    h.clock.advance(minutes(5));
    await signedIn(h, ownerAccount.username, ownerAccount.password);
    await reopen(passphrase, 'device-b');
    expect(h.backend.status().otherDevice).toEqual({
      deviceName: 'device-a',
      lastActiveAt: '2026-03-01T02:05:00.000Z',
    });
    expect((await new Client(h).call('app.status', {})).otherDevice?.deviceName).toBe('device-a');
  });

  it('is quiet on the same PC, and after the warning was acknowledged and the PC recorded', async () => {
    h = await startBackend(undefined, 'device-a');
    const passphrase = await setUp(h);
    await reopen(passphrase, 'device-a');
    expect(h.backend.status().otherDevice).toBeUndefined();

    await reopen(passphrase, 'device-b');
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    expect((await new Client(h).fail('app.acknowledgeDevice', {})).code).toBe('UNAUTHENTICATED');
    await owner.call('app.acknowledgeDevice', {});
    expect(h.backend.status().otherDevice).toBeUndefined();
    expect(await getMeta(h.backend.db, 'device_id')).toBe('device-b');

    await reopen(passphrase, 'device-b');
    expect(h.backend.status().otherDevice).toBeUndefined();
  });
});

describe('clock guard', () => {
  /** Set up, then run until 5 March so the database has seen that date. */
  async function shopThatSawMarch5(): Promise<string> {
    h = await startBackend();
    const passphrase = await setUp(h);
    h.clock.set('2026-03-05T02:00:00.000Z');
    await signedIn(h, ownerAccount.username, ownerAccount.password);
    expect(await getMeta(h.backend.db, 'latest_time_seen')).toBe('2026-03-05T02:00:00.000Z');
    return passphrase;
  }

  it('records the latest time seen at most once a minute', async () => {
    await shopThatSawMarch5();
    h.clock.advance(30_000);
    await new Client(h).call('app.status', {});
    expect(await getMeta(h.backend.db, 'latest_time_seen')).toBe('2026-03-05T02:00:00.000Z');
    h.clock.advance(30_000);
    await new Client(h).call('app.status', {});
    expect(await getMeta(h.backend.db, 'latest_time_seen')).toBe('2026-03-05T02:01:00.000Z');
  });

  it('holds time-based work when the clock is well behind, until an owner confirms the date', async () => {
    const passphrase = await shopThatSawMarch5();
    await reopen(passphrase, 'device-a', '2026-03-03T02:00:00.000Z');
    expect(h.backend.status().clockBehind).toEqual({
      latestSeen: '2026-03-05T02:00:00.000Z',
      now: '2026-03-03T02:00:00.000Z',
    });
    expect(() => h.backend.requireTrustedClock()).toThrow(
      expect.objectContaining({
        data: expect.objectContaining({ code: 'CLOCK_HELD', messageKey: 'errors.app.clockHeld' }),
      }),
    );
    // The wrong date is not recorded as the latest seen while the clock is held.
    h.clock.advance(minutes(5));
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    expect(await getMeta(h.backend.db, 'latest_time_seen')).toBe('2026-03-05T02:00:00.000Z');

    await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    expect(await clerk.fail('clock.confirm', {})).toEqual({
      code: 'FORBIDDEN',
      messageKey: 'errors.forbidden',
    });
    expect(h.backend.status().clockBehind).toBeDefined();

    await owner.call('clock.confirm', {});
    expect(h.backend.status().clockBehind).toBeUndefined();
    expect(() => h.backend.requireTrustedClock()).not.toThrow();
    const me = (await owner.call('auth.me', {})).staff;
    expect(auditRows(h, 'clock.confirmed')).toMatchObject([
      { staff_id: me.id, details: { now: '2026-03-03T02:05:00.000Z' } },
    ]);
    expect(await getMeta(h.backend.db, 'latest_time_seen')).toBe('2026-03-03T02:05:00.000Z');
  });

  it('warns again at the next start if nobody confirmed', async () => {
    const passphrase = await shopThatSawMarch5();
    await reopen(passphrase, 'device-a', '2026-03-03T02:00:00.000Z');
    await reopen(passphrase, 'device-a', '2026-03-03T03:00:00.000Z');
    expect(h.backend.status().clockBehind?.latestSeen).toBe('2026-03-05T02:00:00.000Z');
  });

  it('stays quiet after a confirmation, and for small differences', async () => {
    const passphrase = await shopThatSawMarch5();
    await reopen(passphrase, 'device-a', '2026-03-05T01:30:00.000Z');
    expect(h.backend.status().clockBehind).toBeUndefined();

    await reopen(passphrase, 'device-a', new Date(Date.parse('2026-03-05T02:00:00.000Z') - 2 * day).toISOString());
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    await owner.call('clock.confirm', {});
    await reopen(passphrase, 'device-a', '2026-03-03T02:10:00.000Z');
    expect(h.backend.status().clockBehind).toBeUndefined();
  });

  it('needs a request id to confirm, like every change', async () => {
    const passphrase = await shopThatSawMarch5();
    await reopen(passphrase, 'device-a', '2026-03-03T02:00:00.000Z');
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    const r = await owner.raw('clock.confirm', {});
    expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.requestIdRequired' } });
    expect(h.backend.status().clockBehind).toBeDefined();
  });
});

describe('one Liuke per data folder', () => {
  it('refuses a folder another running Liuke holds, and leaves its lock alone', async () => {
    h = await startBackend();
    await setUp(h);
    await h.close();
    const lock = join(h.dir, 'liuke.lock');
    expect(existsSync(lock)).toBe(false);
    // Another process on this PC holds the folder.
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(lock, JSON.stringify({ pid: other.pid, host: hostname(), at: '2026-03-01T00:00:00Z' }));
      h = await startBackend(h.dir);
      expect(h.backend.status()).toEqual({
        state: 'error',
        errorKey: 'errors.app.inUse',
        errorParams: { pid: String(other.pid) },
      });
      expect((await new Client(h).fail('app.unlock', { passphrase: 'X' })).code).toBe('BAD_STATE');
      await h.close();
      expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: other.pid });
    } finally {
      other.kill('SIGKILL');
    }
    // Once that process is gone, its lock is stale and the folder opens.
    await new Promise((resolve) => other.once('exit', resolve));
    h = await startBackend(h.dir);
    expect(h.backend.status().state).toBe('locked');
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid });
  });
});
