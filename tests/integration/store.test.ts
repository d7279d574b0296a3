import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../db/open.js';
import { Client, ownerAccount, removeDir, setUp, signedIn, startBackend, tempDir, type Harness } from './harness.js';

let h: Harness;
const extra: Harness[] = [];
afterEach(async () => {
  await h.close();
  for (const x of extra.splice(0)) {
    await x.close();
    removeDir(x.dir);
  }
  removeDir(h.dir);
});

const dbFile = () => join(h.dir, 'liuke.db');
const keyFile = () => join(h.dir, 'liuke.key.json');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** The database and its WAL as they are on disk: what a thief copying the folder gets. */
const onDisk = () =>
  Object.fromEntries(
    ['liuke.db', 'liuke.db-wal'].filter((f) => existsSync(join(h.dir, f))).map((f) => [f, sha(join(h.dir, f))]),
  );

/** A shop with one member, closed again: the data folder as the PC leaves it at night. */
async function shopWithMember(): Promise<string> {
  h = await startBackend();
  const passphrase = await setUp(h);
  const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
  await owner.call('members.register', { phone: '13800138000', name: '王秀英' });
  return passphrase;
}

async function restart(): Promise<void> {
  await h.close();
  h = await startBackend(h.dir);
}

async function memberPhones(): Promise<string[]> {
  const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
  return (await owner.call('members.list', {})).rows.map((r) => r.phone);
}

describe('the database on disk', () => {
  it('holds no phone number or name in plaintext, in the file or its WAL', async () => {
    await shopWithMember();
    const files = ['liuke.db', 'liuke.db-wal'].map((f) => join(h.dir, f));
    expect(existsSync(files[1]!)).toBe(true);
    expect(statSync(files[1]!).size).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.length).toBeGreaterThan(0);
      for (const secret of ['13800138000', '+8613800138000', '00083100831', '王秀英', '秀英', '好运便利店', 'boss'])
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${file}`).toBe(false);
    }
    expect(readFileSync(files[0]!).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(readFileSync(files[0]!).includes(Buffer.from('SQLite format 3'))).toBe(false);
  });

  it('is still free of plaintext after a checkpoint and a restart', async () => {
    const passphrase = await shopWithMember();
    await restart();
    await new Client(h).call('app.unlock', { passphrase });
    for (const f of ['liuke.db', 'liuke.db-wal'].filter((x) => existsSync(join(h.dir, x)))) {
      const bytes = readFileSync(join(h.dir, f));
      expect(bytes.includes(Buffer.from('13800138000'))).toBe(false);
      expect(bytes.includes(Buffer.from('王秀英'))).toBe(false);
    }
  });

  it('never writes the data key to disk, in any form', async () => {
    const passphrase = await shopWithMember();
    const key = await h.backend.unwrap(passphrase);
    expect(key).toHaveLength(32);
    const forms = [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('hex').toUpperCase())];
    forms.push(Buffer.from(key.toString('base64')));
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      );
    const files = walk(h.dir);
    expect(files.map((f) => f.slice(h.dir.length + 1))).toContain('liuke.key.json');
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const form of forms) expect(bytes.includes(form), file).toBe(false);
    }
  });

  it('opens with standard SQLCipher and the raw key, and not without it', async () => {
    const passphrase = await shopWithMember();
    const key = await h.backend.unwrap(passphrase);
    await h.close();
    const plain = new Database(dbFile(), { fileMustExist: true });
    expect(() => plain.prepare('select count(*) from sqlite_master').get()).toThrow(/not a database/);
    plain.close();
    const wrongKey = new Database(dbFile(), { fileMustExist: true });
    wrongKey.pragma("cipher='sqlcipher'");
    wrongKey.pragma(`key="x'${randomBytes(32).toString('hex')}'"`);
    expect(() => wrongKey.prepare('select count(*) from sqlite_master').get()).toThrow(/not a database/);
    wrongKey.close();
    const db = openEncrypted(dbFile(), { key, fileMustExist: true });
    expect(db.prepare('select phone, name from members').all()).toEqual([{ phone: '+8613800138000', name: '王秀英' }]);
    db.close();
  });

  it('runs with the pragmas the design asks for', async () => {
    await shopWithMember();
    const p = (name: string) => h.backend.raw.pragma(name, { simple: true });
    expect(p('journal_mode')).toBe('wal');
    expect(p('synchronous')).toBe(2); // FULL
    expect(p('temp_store')).toBe(2); // MEMORY
    expect(p('foreign_keys')).toBe(1);
    expect(p('busy_timeout')).toBe(5000);
  });
});

describe('restarting', () => {
  it('comes back locked, with nobody signed in', async () => {
    await shopWithMember();
    await restart();
    expect(h.backend.status()).toEqual({ state: 'locked' });
    expect((await new Client(h).fail('auth.signIn', { username: 'boss', password: ownerAccount.password })).code).toBe(
      'BAD_STATE',
    );
    expect((await new Client(h).fail('members.list', {})).code).toBe('BAD_STATE');
  });

  it('refuses a wrong passphrase, stays locked, leaves the file alone, then opens with the right one', async () => {
    const passphrase = await shopWithMember();
    await h.close();
    const before = onDisk();
    const size = statSync(dbFile()).size;
    h = await startBackend(h.dir);
    const e = await new Client(h).fail('app.unlock', { passphrase: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' });
    expect(e).toEqual({
      code: 'BAD_PASSPHRASE',
      messageKey: 'errors.app.badPassphrase',
      fields: { passphrase: { messageKey: 'errors.app.badPassphrase' } },
    });
    expect(h.backend.status().state).toBe('locked');
    expect(onDisk()).toEqual(before);
    expect(statSync(dbFile()).size).toBe(size);

    await new Client(h).call('app.unlock', { passphrase: passphrase.toLowerCase() });
    expect(h.backend.status()).toMatchObject({ state: 'ready', shopName: '好运便利店' });
    expect(await memberPhones()).toEqual(['138 0013 8000']);
    expect((await new Client(h).fail('app.unlock', { passphrase })).code).toBe('BAD_STATE');
  });

  it('rate-limits unlock attempts', async () => {
    await shopWithMember();
    await restart();
    const c = new Client(h);
    for (let i = 0; i < 10; i++) await c.fail('app.unlock', { passphrase: `WRONG-${i}` });
    expect((await c.fail('app.unlock', { passphrase: 'WRONG' })).code).toBe('RATE_LIMITED');
  });

  it('reports a missing key file and never sets up over the existing database', async () => {
    await shopWithMember();
    await h.close();
    rmSync(keyFile());
    const before = onDisk();
    h = await startBackend(h.dir);
    expect(h.backend.status()).toMatchObject({
      state: 'error',
      errorKey: 'errors.app.keyMissing',
      errorParams: { file: keyFile() },
    });
    const c = new Client(h);
    expect(await c.fail('setup.begin', {})).toEqual({ code: 'BAD_STATE', messageKey: 'errors.app.alreadySetUp' });
    expect((await c.fail('app.unlock', { passphrase: 'ANYTHING' })).code).toBe('BAD_STATE');
    expect((await c.call('app.status', {})).errorKey).toBe('errors.app.keyMissing');
    await h.close();
    expect(onDisk()).toEqual(before);
    expect(existsSync(keyFile())).toBe(false);
  });

  it.each([
    ['garbage', 'not json at all \u0000\u0001'],
    ['JSON of the wrong shape', JSON.stringify({ version: 1, createdAt: 'x', recovery: { kdf: 'md5' } })],
    ['an empty file', ''],
  ])('reports a damaged key file (%s) and leaves the database alone', async (_, content) => {
    await shopWithMember();
    await h.close();
    writeFileSync(keyFile(), content);
    const before = onDisk();
    h = await startBackend(h.dir);
    expect(h.backend.status()).toMatchObject({ state: 'error', errorKey: 'errors.app.keyDamaged' });
    expect((await new Client(h).fail('setup.begin', {})).code).toBe('BAD_STATE');
    await h.close();
    expect(onDisk()).toEqual(before);
    expect(readFileSync(keyFile(), 'utf8')).toBe(content);
  });

  it('reports a database replaced by garbage and does not replace it', async () => {
    const passphrase = await shopWithMember();
    await h.close();
    const garbage = randomBytes(64 * 1024);
    writeFileSync(dbFile(), garbage);
    h = await startBackend(h.dir);
    expect(h.backend.status().state).toBe('locked');
    // The passphrase is right, so the answer names the real problem instead of "ok".
    const answer = await new Client(h).fail('app.unlock', { passphrase });
    expect(answer).toMatchObject({ code: 'BAD_STATE', messageKey: 'errors.app.dbUnreadable' });
    expect(h.backend.status()).toMatchObject({ state: 'error', errorKey: 'errors.app.dbUnreadable' });
    expect((await new Client(h).fail('members.list', {})).code).toBe('BAD_STATE');
    await h.close();
    expect(readFileSync(dbFile()).equals(garbage)).toBe(true);
  });

  it('reports a missing database and does not create an empty one', async () => {
    const passphrase = await shopWithMember();
    await h.close();
    rmSync(dbFile());
    h = await startBackend(h.dir);
    expect(h.backend.status().state).toBe('locked');
    await new Client(h).raw('app.unlock', { passphrase });
    expect(h.backend.status()).toMatchObject({ state: 'error', errorKey: 'errors.app.dbMissing' });
    expect(existsSync(dbFile())).toBe(false);
  });

  it('reports a database that another shop’s key does not open', async () => {
    await shopWithMember();
    const other = await startBackend(tempDir());
    extra.push(other);
    const otherPassphrase = await setUp(other);
    await h.close();
    const before = onDisk();
    copyFileSync(join(other.dir, 'liuke.key.json'), keyFile());
    h = await startBackend(h.dir);
    await new Client(h).raw('app.unlock', { passphrase: otherPassphrase });
    expect(h.backend.status()).toMatchObject({ state: 'error', errorKey: 'errors.app.dbUnreadable' });
    await h.close();
    expect(onDisk()).toEqual(before);
  });

  it('refuses a database migrated by a newer Liuke', async () => {
    const passphrase = await shopWithMember();
    h.backend.raw
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('9999_future', '2030-01-01T00:00:00.000Z');
    await h.close();
    const before = onDisk();
    h = await startBackend(h.dir);
    await new Client(h).raw('app.unlock', { passphrase });
    expect(h.backend.status()).toMatchObject({
      state: 'error',
      errorKey: 'errors.app.dbNewer',
      errorParams: { migrations: '9999_future' },
    });
    // The refused database is not held open (an open connection would keep a -wal beside it).
    expect(existsSync(`${dbFile()}-wal`)).toBe(false);
    await h.close();
    expect(onDisk()).toEqual(before);
  });

  it('writes no pre-migration snapshot when there is nothing to migrate', async () => {
    const passphrase = await shopWithMember();
    await restart();
    await new Client(h).call('app.unlock', { passphrase });
    const backups = join(h.dir, 'backups');
    expect(existsSync(backups) ? readdirSync(backups) : []).toEqual([]);
  });
});

describe('changing the recovery passphrase', () => {
  it('re-wraps the key: the new passphrase opens the shop, the old one no longer does', async () => {
    const oldPassphrase = await shopWithMember();
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    const { passphrase: next } = await owner.call('key.preparePassphrase', {});
    expect(next).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){5}$/);
    expect(next).not.toBe(oldPassphrase);

    const mismatch = await owner.fail('key.changePassphrase', {
      currentPassphrase: oldPassphrase,
      passphraseConfirm: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
    });
    expect(mismatch.fields).toEqual({ passphraseConfirm: { messageKey: 'errors.setup.passphraseMismatch' } });
    const wrongCurrent = await owner.fail('key.changePassphrase', {
      currentPassphrase: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
      passphraseConfirm: next,
    });
    expect(wrongCurrent.code).toBe('BAD_PASSPHRASE');

    await owner.call('key.changePassphrase', { currentPassphrase: oldPassphrase, passphraseConfirm: next });
    await restart();
    expect((await new Client(h).fail('app.unlock', { passphrase: oldPassphrase })).code).toBe('BAD_PASSPHRASE');
    await new Client(h).call('app.unlock', { passphrase: next });
    expect(await memberPhones()).toEqual(['138 0013 8000']);
  });

  it('is the owner’s alone', async () => {
    await shopWithMember();
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    await owner.call('staff.create', {
      username: 'laozhang',
      displayName: '老张',
      role: 'manager',
      password: 'mgr-pass-1',
    });
    const manager = await signedIn(h, 'laozhang', 'mgr-pass-1');
    expect((await manager.fail('key.preparePassphrase', {})).code).toBe('FORBIDDEN');
  });
});
