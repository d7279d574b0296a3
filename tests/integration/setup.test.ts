import { copyFileSync, existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, ownerAccount, removeDir, setUp, signedIn, startBackend, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
  removeDir(h.dir);
});

const setupInput = (passphraseConfirm: string) => ({
  shopName: '好运便利店',
  timeZone: 'Asia/Shanghai',
  owner: ownerAccount,
  passphraseConfirm,
});
const files = () => readdirSync(h.dir).sort();

describe('first-run setup', () => {
  it('starts in setup with an empty folder and makes a passphrase to write down', async () => {
    h = await startBackend();
    expect(h.backend.status()).toEqual({ state: 'setup' });
    const c = new Client(h);
    const { passphrase } = await c.call('setup.begin', {});
    expect(passphrase).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){5}$/);
    // Nothing is written until the owner confirms it.
    expect(files()).toEqual(['liuke.lock']);
  });

  it('refuses to complete before it began', async () => {
    h = await startBackend();
    const e = await new Client(h).fail('setup.complete', setupInput('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF'));
    expect(e).toEqual({ code: 'BAD_STATE', messageKey: 'errors.setup.notStarted' });
  });

  it('refuses a confirmation that does not match and writes nothing', async () => {
    h = await startBackend();
    const c = new Client(h);
    const { passphrase } = await c.call('setup.begin', {});
    const e = await c.fail('setup.complete', setupInput('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF'));
    expect(e).toEqual({
      code: 'VALIDATION',
      messageKey: 'errors.validation',
      fields: { passphraseConfirm: { messageKey: 'errors.setup.passphraseMismatch' } },
    });
    expect(h.backend.status().state).toBe('setup');
    expect(files()).toEqual(['liuke.lock']);
    // Typed back in lower case without dashes, it is accepted.
    await c.call('setup.complete', setupInput(passphrase.toLowerCase().replace(/-/g, '')));
    expect(h.backend.status().state).toBe('ready');
  });

  it('refuses a bad time zone or a weak owner password', async () => {
    h = await startBackend();
    const c = new Client(h);
    const { passphrase } = await c.call('setup.begin', {});
    const e = await c.fail('setup.complete', {
      ...setupInput(passphrase),
      timeZone: 'Asia/Beijing',
      owner: { ...ownerAccount, password: 'short' },
    });
    expect(e.fields).toEqual({
      timeZone: { messageKey: 'errors.timeZone' },
      'owner.password': { messageKey: 'errors.passwordTooShort', params: { limit: 8 } },
    });
    expect(files()).toEqual(['liuke.lock']);
  });

  it('creates the key file, the database, the owner, the settings and the first audit row', async () => {
    h = await startBackend();
    await setUp(h);
    expect(h.backend.status()).toEqual({ state: 'ready', shopName: '好运便利店' });
    expect(files()).toEqual(expect.arrayContaining(['liuke.db', 'liuke.key.json']));
    expect(files()).not.toContain('liuke.db.setup');
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    const me = await owner.call('auth.me', {});
    expect(me.staff).toMatchObject({ username: 'boss', displayName: '老板', role: 'owner' });
    expect(me.settings).toEqual({
      shopName: '好运便利店',
      timeZone: 'Asia/Shanghai',
      dayStartHour: 0,
      memberNoPrefix: 'M',
      idleLockMinutes: 10,
      reconfirmMonths: 12,
      backupFolder: '',
      backupKeep: 10,
    });
    const audit = await owner.call('audit.list', {});
    expect(audit.rows.at(-1)).toMatchObject({
      action: 'setup.completed',
      staff: '老板',
      at: '2026-03-01T02:00:00.000Z',
    });
    expect(JSON.parse(audit.rows.at(-1)!.details)).toEqual({ shopName: '好运便利店', timeZone: 'Asia/Shanghai' });
  });

  it('cannot be run twice', async () => {
    h = await startBackend();
    const passphrase = await setUp(h);
    const c = new Client(h);
    expect(await c.fail('setup.begin', {})).toEqual({ code: 'BAD_STATE', messageKey: 'errors.app.alreadySetUp' });
    expect((await c.fail('setup.complete', setupInput(passphrase))).code).toBe('BAD_STATE');
  });

  it('reports status publicly, with the session when signed in', async () => {
    h = await startBackend();
    await setUp(h);
    const anon = await new Client(h).call('app.status', {});
    expect(anon).toEqual({ state: 'ready', shopName: '好运便利店', now: expect.any(String) });
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    expect((await owner.call('app.status', {})).session?.staff.username).toBe('boss');
  });
});

describe('a setup interrupted by a power cut', () => {
  it('discards a half-made database when no key file was written', async () => {
    h = await startBackend();
    await h.close();
    writeFileSync(join(h.dir, 'liuke.db.setup'), 'half written');
    h = await startBackend(h.dir);
    expect(h.backend.status().state).toBe('setup');
    expect(existsSync(join(h.dir, 'liuke.db.setup'))).toBe(false);
  });

  it('finishes the rename when the key file was written', async () => {
    h = await startBackend();
    const passphrase = await setUp(h);
    await h.close();
    renameSync(join(h.dir, 'liuke.db'), join(h.dir, 'liuke.db.setup'));
    h = await startBackend(h.dir);
    expect(h.backend.status().state).toBe('locked');
    expect(existsSync(join(h.dir, 'liuke.db'))).toBe(true);
    await new Client(h).call('app.unlock', { passphrase });
    await signedIn(h, ownerAccount.username, ownerAccount.password);
  });

  it('never lets a staged copy overwrite an existing database', async () => {
    h = await startBackend();
    const passphrase = await setUp(h);
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    await owner.call('members.register', { phone: '13800138000' });
    await h.close();
    // A stale staged file from some earlier attempt lies next to the real database.
    const other = await startBackend();
    await setUp(other);
    await other.close();
    copyFileSync(join(other.dir, 'liuke.db'), join(h.dir, 'liuke.db.setup'));
    removeDir(other.dir);
    h = await startBackend(h.dir);
    await new Client(h).call('app.unlock', { passphrase });
    const again = await signedIn(h, ownerAccount.username, ownerAccount.password);
    expect((await again.call('members.list', {})).total).toBe(1);
  });
});
