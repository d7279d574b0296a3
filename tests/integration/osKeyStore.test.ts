import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend.js';
import { ManualClock } from '../../electron/core/clock.js';
import type { OsKeyStore } from '../../electron/core/keyStore.js';
import { Dispatcher } from '../../electron/dispatch.js';
import { Client, ownerAccount, removeDir, silentLog, tempDir, type Harness } from './harness.js';

/**
 * Stands in for Electron's safeStorage, which needs the Electron binary: it seals with a key that
 * belongs to "this OS installation", so a new installation cannot open what the old one sealed.
 */
class TestKeyStore implements OsKeyStore {
  constructor(
    private machineKey = randomBytes(32),
    public available = true,
  ) {}
  isAvailable() {
    return this.available;
  }
  encrypt(plain: Buffer) {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.machineKey, iv);
    const body = Buffer.concat([c.update(plain), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }
  decrypt(sealed: Buffer) {
    const d = createDecipheriv('aes-256-gcm', this.machineKey, sealed.subarray(0, 12));
    d.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
  }
  reinstall() {
    this.machineKey = randomBytes(32);
  }
}

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) {
    await h.close();
    removeDir(h.dir);
  }
});

async function start(dir: string, os: OsKeyStore): Promise<Harness> {
  const clock = new ManualClock('2026-03-01T02:00:00.000Z');
  const backend = new Backend({
    dataDir: dir,
    clock,
    log: silentLog,
    device: { id: 'pc', name: 'pc' },
    osKeyStore: os,
  });
  await backend.start();
  const h = { dir, clock, backend, dispatcher: new Dispatcher(backend), close: () => backend.close() };
  return h;
}

async function setUpShop(h: Harness): Promise<string> {
  const c = new Client(h);
  const { passphrase } = await c.call('setup.begin', {});
  await c.call('setup.complete', {
    shopName: '好运便利店',
    timeZone: 'Asia/Shanghai',
    owner: ownerAccount,
    passphraseConfirm: passphrase,
  });
  return passphrase;
}

describe('the OS key store (desktop daily unlock)', () => {
  it('opens the database at start without the passphrase', async () => {
    const os = new TestKeyStore();
    const dir = tempDir();
    const first = await start(dir, os);
    await setUpShop(first);
    expect(existsSync(join(dir, 'liuke.key.os'))).toBe(true);
    await first.close();

    const again = await start(dir, os);
    open.push(again);
    expect(again.backend.status()).toMatchObject({ state: 'ready' });
    expect(again.backend.status().osUnlockFailed).toBeUndefined();
  });

  it('asks for the recovery passphrase when the OS wrap no longer opens, then wraps again', async () => {
    const os = new TestKeyStore();
    const dir = tempDir();
    const first = await start(dir, os);
    const passphrase = await setUpShop(first);
    await first.close();
    const oldWrap = readFileSync(join(dir, 'liuke.key.os'));

    os.reinstall();
    const locked = await start(dir, os);
    expect(locked.backend.status()).toMatchObject({ state: 'locked', osUnlockFailed: true });
    await new Client(locked).call('app.unlock', { passphrase });
    expect(locked.backend.status().state).toBe('ready');
    expect(locked.backend.status().osUnlockFailed).toBeUndefined();
    expect(readFileSync(join(dir, 'liuke.key.os')).equals(oldWrap)).toBe(false);
    await locked.close();

    const daily = await start(dir, os);
    open.push(daily);
    expect(daily.backend.status().state).toBe('ready');
  });

  it('treats a store that protects nothing (Linux basic_text) as absent', async () => {
    const os = new TestKeyStore(randomBytes(32), false);
    const dir = tempDir();
    const first = await start(dir, os);
    await setUpShop(first);
    expect(existsSync(join(dir, 'liuke.key.os'))).toBe(false);
    await first.close();
    const again = await start(dir, os);
    open.push(again);
    expect(again.backend.status().state).toBe('locked');
  });
});
