import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../electron/core/dataDir.js';
import { autoBackup } from '../../electron/services/backups.js';
import {
  addStaff,
  auditRows,
  Client,
  ownerAccount,
  removeDir,
  setUp,
  signedIn,
  startBackend,
  tempDir,
  type Harness,
} from './harness.js';

const open: Harness[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  for (const d of dirs.splice(0)) removeDir(d);
});

async function start(dir = tempDir()): Promise<Harness> {
  const h = await startBackend(dir);
  open.push(h);
  dirs.push(h.dir);
  return h;
}

function usbStick(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

const names = async (c: Client) =>
  (await c.call('members.list', { sort: 'name', direction: 'asc' })).rows.map((m) => m.name);

describe('backups', () => {
  it('a backup folder alone restores the shop on a new PC with the recovery passphrase', async () => {
    const h = await start();
    const passphrase = await setUp(h);
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    await addStaff(owner, 'xiaoli', 'clerk');
    await addStaff(owner, 'laozhang', 'manager');
    await owner.call('members.register', { phone: '13800138000', name: '王芳' });
    await owner.call('members.register', { phone: '13900139000', name: '𠮷田·李' });
    const usb = usbStick();

    // A stick that is not mounted: its path's parent is missing, so nothing is written elsewhere.
    const unmounted = join(usb, 'not-mounted', 'liuke');
    expect((await owner.fail('backups.create', { folder: unmounted })).fields?.folder?.messageKey).toBe(
      'errors.backup.writeFailed',
    );
    expect(existsSync(join(usb, 'not-mounted'))).toBe(false);
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    expect((await clerk.fail('backups.create', { folder: usb })).code).toBe('FORBIDDEN');
    const manager = await signedIn(h, 'laozhang', 'laozhang-pass-1');
    const backup = await manager.call('backups.create', { folder: usb });
    expect(readdirSync(usb).sort()).toEqual([backup.name, 'liuke.key.json'].sort());
    expect(backup.name).toMatch(/^liuke-backup-\d{8}-\d{6}-manual\.db$/);
    // Encrypted: the file does not start with the plain SQLite header, and holds no names.
    const bytes = readFileSync(backup.path);
    expect(bytes.subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('王芳'))).toBe(false);
    const status = await manager.call('backups.status', {});
    expect(status).toMatchObject({ lastAt: expect.any(String), lastFile: backup.path, stale: false, lastError: null });
    expect(auditRows(h, 'backups.created')).toMatchObject([{ details: { file: backup.name, folder: usb } }]);

    // The old PC dies. A new PC, an empty data folder: setup state, then restore from the stick.
    const fresh = await start();
    const anyone = new Client(fresh);
    expect((await anyone.call('app.status', {})).state).toBe('setup');
    const wrong = await anyone.fail('backups.restoreAtStart', { file: backup.path, passphrase: 'not-the-passphrase' });
    expect(wrong.fields?.passphrase?.messageKey).toBe('errors.app.badPassphrase');
    expect(existsSync(dataPaths(fresh.dir).db)).toBe(false);
    await anyone.call('backups.restoreAtStart', { file: backup.path, passphrase });
    expect((await anyone.call('app.status', {})).state).toBe('ready');
    const again = await signedIn(fresh, ownerAccount.username, ownerAccount.password);
    expect(await names(again)).toEqual(await names(owner));
    expect(auditRows(fresh, 'backups.restored')).toHaveLength(1);

    // And the restored shop opens again after a restart with the same passphrase.
    await fresh.close();
    open.splice(open.indexOf(fresh), 1);
    const restarted = await start(fresh.dir);
    dirs.pop();
    await new Client(restarted).call('app.unlock', { passphrase });
    expect(await names(await signedIn(restarted, ownerAccount.username, ownerAccount.password))).toHaveLength(2);
  });

  it('refuses a truncated or foreign file and changes nothing', async () => {
    const h = await start();
    const passphrase = await setUp(h);
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    await owner.call('members.register', { phone: '13800138000', name: '王芳' });
    const usb = usbStick();
    const backup = await owner.call('backups.create', { folder: usb });

    const broken = usbStick();
    const bytes = readFileSync(backup.path);
    writeFileSync(join(broken, backup.name), bytes.subarray(0, Math.floor(bytes.length / 2)));
    copyFileSync(join(usb, 'liuke.key.json'), join(broken, 'liuke.key.json'));
    const before = readFileSync(dataPaths(h.dir).db);
    const truncated = await owner.fail('backups.restore', { file: join(broken, backup.name), passphrase });
    expect(truncated.fields?.file?.messageKey).toBe('errors.backup.invalid');
    const noKey = usbStick();
    copyFileSync(backup.path, join(noKey, backup.name));
    expect(
      (await owner.fail('backups.restore', { file: join(noKey, backup.name), passphrase })).fields?.file?.messageKey,
    ).toBe('errors.backup.noKeyFile');
    expect(
      (await owner.fail('backups.restore', { file: join(usb, 'liuke.key.json'), passphrase })).fields?.file?.messageKey,
    ).toBe('errors.backup.notABackup');
    // Still the same shop, still signed in.
    expect(readFileSync(dataPaths(h.dir).db).equals(before)).toBe(true);
    expect(await names(owner)).toEqual(['王芳']);
  });

  it('restoring on this PC goes back to the backup, keeps a safety copy and signs everyone out', async () => {
    const h = await start();
    const passphrase = await setUp(h);
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    await addStaff(owner, 'laozhang', 'manager');
    await owner.call('members.register', { phone: '13800138000', name: '王芳' });
    const usb = usbStick();
    const backup = await owner.call('backups.create', { folder: usb });
    await owner.call('members.register', { phone: '13900139000', name: '李娜' });

    const manager = await signedIn(h, 'laozhang', 'laozhang-pass-1');
    expect((await manager.fail('backups.restore', { file: backup.path, passphrase })).code).toBe('FORBIDDEN');
    await owner.call('backups.restore', { file: backup.path, passphrase });
    expect((await owner.fail('members.list', {})).code).toBe('UNAUTHENTICATED');
    expect((await manager.fail('members.list', {})).code).toBe('UNAUTHENTICATED');
    const back = await signedIn(h, ownerAccount.username, ownerAccount.password);
    expect(await names(back)).toEqual(['王芳']);
    const safety = readdirSync(dataPaths(h.dir).backups).filter((f) => f.startsWith('pre-restore-'));
    expect(safety.some((f) => f.endsWith('.db')) && safety.some((f) => f.endsWith('.key.json'))).toBe(true);
    expect(auditRows(h, 'backups.restored')).toMatchObject([
      { details: { file: backup.path, by: ownerAccount.displayName } },
    ]);
  });

  it('automatic backups go to both folders at most daily, keep the newest N, and go stale after 3 days', async () => {
    const h = await start();
    await setUp(h);
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    const usb = usbStick();
    const settings = await owner.call('settings.get', {});
    await owner.call('settings.update', { ...settings, backupFolder: usb, backupKeep: 2 });
    expect(
      (await owner.fail('settings.update', { ...settings, backupFolder: 'relative/dir' })).fields?.backupFolder
        ?.messageKey,
    ).toBe('errors.backup.folderNotAbsolute');

    await autoBackup(h.backend, 'start');
    await autoBackup(h.backend, 'daily'); // too soon: skipped
    const local = () => readdirSync(dataPaths(h.dir).backups).filter((f) => f.startsWith('liuke-backup-'));
    const onUsb = () => readdirSync(usb).filter((f) => f.startsWith('liuke-backup-'));
    expect(local()).toHaveLength(1);
    expect(onUsb()).toHaveLength(1);
    for (let day = 1; day <= 3; day++) {
      h.clock.advance(24 * 3_600_000);
      await autoBackup(h.backend, 'daily');
    }
    expect(onUsb()).toHaveLength(2);
    expect(local()).toHaveLength(2);
    const later = await signedIn(h, ownerAccount.username, ownerAccount.password);
    expect((await later.call('backups.status', {})).stale).toBe(false);

    // The stick is pulled out: the failure is recorded, the shop keeps working, and after 3 days
    // without a good backup the status says so.
    removeDir(usb);
    writeFileSync(usb, 'not a folder');
    await autoBackup(h.backend, 'close');
    h.clock.advance(3 * 24 * 3_600_000 + 60_000);
    const status = await (await signedIn(h, ownerAccount.username, ownerAccount.password)).call('backups.status', {});
    expect(status.lastError?.message).toBeTruthy();
    expect(status.stale).toBe(true);
  });
});
