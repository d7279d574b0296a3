import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { migrateToLatest, NewerDatabaseError } from '../db/migrate.js';
import { createKysely, DbOpenError, openEncrypted, type SqliteDb } from '../db/open.js';
import type { DB } from '../db/schema.js';
import type { AppStatus, ShopSettings } from '../shared/domain.js';
import { appError } from '../shared/errors.js';
import { writeBackup, type BackupFile, type BackupReason } from './core/backupFiles.js';
import type { Clock } from './core/clock.js';
import { DeviceClockGuard } from './core/deviceClockGuard.js';
import { dataPaths, type DataPaths } from './core/dataDir.js';
import type { Device } from './core/device.js';
import { writeFileAtomic } from './core/files.js';
import { acquireInstanceLock, InstanceLockedError } from './core/instanceLock.js';
import { KeyFileError, readKeyFile, writeKeyFile, type OsKeyStore } from './core/keyStore.js';
import {
  BadPassphraseError,
  generatePassphrase,
  normalizePassphrase,
  unwrapWithPassphrase,
  wrapWithPassphrase,
} from './core/keyWrap.js';
import type { Logger } from './core/log.js';
import { isOnNetworkShare } from './core/networkShare.js';
import { backupKeyFile, stageVerifiedBackup, swapInBackup } from './core/restoreFiles.js';
import { Activity } from './jobs/activity.js';
import { Checkpointer } from './jobs/checkpointer.js';
import { Jobs } from './jobs/jobs.js';
import { Sessions } from './sessions.js';
import type { StagedEntry } from './services/io/staging.js';
import { recoverUnfinishedImports } from './services/io/undo.js';
import { loadSettings } from './services/settings.js';

export interface BackendOptions {
  dataDir: string;
  clock: Clock;
  log: Logger;
  device: Device;
  osKeyStore?: OsKeyStore;
  /** Path of the Electron-ABI native module, inside the desktop app only. */
  nativeBinding?: string;
}

interface Open {
  raw: SqliteDb;
  db: Kysely<DB>;
}

/**
 * The main process's state: where the data folder is, whether the key is unlocked, the open
 * database, the shop's settings and the signed-in sessions. Plain Node; the Electron shell and the
 * browser-mode host both drive one of these.
 */
export class Backend {
  readonly paths: DataPaths;
  readonly clock: Clock;
  readonly log: Logger;
  readonly sessions: Sessions;
  readonly jobs: Jobs;
  /** Requests in flight: long jobs step aside for them. */
  readonly activity = new Activity();
  /** Files handed in for import, by id; see services/io/staging. */
  readonly staged = new Map<string, StagedEntry>();
  private state: AppStatus['state'] = 'error';
  private errorKey: string | undefined;
  private errorParams: Record<string, string> | undefined;
  private open: Open | null = null;
  /** The open database's key, for a job's checkpointer connection (jobs/checkpointer). */
  private dataKey: Buffer | null = null;
  private releaseLock: (() => void) | null = null;
  private pendingPassphrase: string | null = null;
  private osUnlockFailed = false;
  private readonly guard: DeviceClockGuard;
  settings: ShopSettings | null = null;

  constructor(private readonly opts: BackendOptions) {
    this.paths = dataPaths(opts.dataDir);
    this.clock = opts.clock;
    this.log = opts.log;
    this.sessions = new Sessions(opts.clock, () => (this.settings?.idleLockMinutes ?? 10) * 60_000);
    this.jobs = new Jobs(opts.clock, opts.log, this.activity);
    this.guard = new DeviceClockGuard(opts.clock, opts.device);
  }

  /** Finds out where the app stands; opens the database when the OS key store can unlock it. */
  async start(): Promise<void> {
    const p = this.paths;
    if (isOnNetworkShare(p.dir)) return this.fail('errors.app.networkShare', { dir: p.dir });
    mkdirSync(p.dir, { recursive: true });
    try {
      this.releaseLock = acquireInstanceLock(p.lock);
    } catch (e) {
      if (e instanceof InstanceLockedError) return this.fail('errors.app.inUse', { pid: String(e.holder.pid) });
      throw e;
    }
    this.finishInterruptedSetup();
    try {
      readKeyFile(p.keyFile);
    } catch (e) {
      if (!(e instanceof KeyFileError)) throw e;
      if (e.reason === 'damaged') return this.fail('errors.app.keyDamaged', { file: p.keyFile });
      // Never create a fresh database over an existing one: no key file but a database means the
      // key file was lost, and only a restore brings it back.
      if (existsSync(p.db)) return this.fail('errors.app.keyMissing', { file: p.keyFile });
      this.state = 'setup';
      return;
    }
    this.state = 'locked';
    const os = this.opts.osKeyStore;
    if (os?.isAvailable() && existsSync(p.osKeyFile)) {
      try {
        const key = os.decrypt(readFileSync(p.osKeyFile));
        await this.openDatabase(key);
      } catch (e) {
        this.log.error('unlock.os_failed', { error: e instanceof Error ? e.name : 'unknown' });
        // Windows reinstalled, profile changed: the OS wrap is gone, the recovery passphrase is not.
        this.osUnlockFailed = true;
      }
    }
  }

  /** Setup writes the database under a temporary name and renames it after the key file exists. */
  private finishInterruptedSetup(): void {
    const p = this.paths;
    const staged = `${p.db}.setup`;
    if (!existsSync(staged)) return;
    if (existsSync(p.keyFile) && !existsSync(p.db)) renameSync(staged, p.db);
    // Either no key was ever written for it, or the real database is already in place.
    else rmSync(staged, { force: true });
  }

  private fail(errorKey: string, params: Record<string, string>): void {
    this.state = 'error';
    this.errorKey = errorKey;
    this.errorParams = params;
    this.log.error('app.error', { errorKey, ...params });
  }

  /**
   * Restoring before sign-in suits a new PC (setup), a locked shop, or a database that will not
   * open; not another running Liuke (it holds the folder) nor a folder on a network share.
   */
  get canRestoreAtStart(): boolean {
    if (this.state === 'setup' || this.state === 'locked') return true;
    return this.state === 'error' && !['errors.app.inUse', 'errors.app.networkShare'].includes(this.errorKey ?? '');
  }

  get currentState(): AppStatus['state'] {
    return this.state;
  }

  status(): AppStatus {
    const s: AppStatus = { state: this.state };
    if (this.errorKey) s.errorKey = this.errorKey;
    if (this.errorParams) s.errorParams = this.errorParams;
    if (this.settings) s.shopName = this.settings.shopName;
    if (this.osUnlockFailed) s.osUnlockFailed = true;
    if (this.guard.otherDevice) s.otherDevice = this.guard.otherDevice;
    if (this.guard.clockBehind) s.clockBehind = this.guard.clockBehind;
    return s;
  }

  get db(): Kysely<DB> {
    if (!this.open) throw appError('BAD_STATE', 'errors.app.notReady');
    return this.open.db;
  }

  get raw(): SqliteDb {
    if (!this.open) throw appError('BAD_STATE', 'errors.app.notReady');
    return this.open.raw;
  }

  /** A second connection on its own thread that checkpoints while a long job writes. */
  checkpointer(): Checkpointer {
    if (!this.open || !this.dataKey) throw appError('BAD_STATE', 'errors.app.notReady');
    return new Checkpointer(this.paths.db, this.dataKey, this.opts.nativeBinding);
  }

  /** Copies the WAL into the database file and truncates it, so no older page image lingers there. */
  checkpoint(): void {
    this.raw.pragma('wal_checkpoint(TRUNCATE)');
  }

  beginSetup(): string {
    if (this.state !== 'setup') throw appError('BAD_STATE', 'errors.app.alreadySetUp');
    this.pendingPassphrase = generatePassphrase();
    return this.pendingPassphrase;
  }

  /**
   * Creates the key and the database. `init` fills the new database (settings, owner, audit) in
   * one transaction; only after that is the key file written and the database put in place.
   */
  async completeSetup(passphraseConfirm: string, init: (db: Kysely<DB>) => Promise<void>): Promise<void> {
    if (this.state !== 'setup') throw appError('BAD_STATE', 'errors.app.alreadySetUp');
    if (!this.pendingPassphrase) throw appError('BAD_STATE', 'errors.setup.notStarted');
    if (normalizePassphrase(passphraseConfirm) !== normalizePassphrase(this.pendingPassphrase))
      throw appError('VALIDATION', 'errors.validation', {
        fields: { passphraseConfirm: { messageKey: 'errors.setup.passphraseMismatch' } },
      });
    const p = this.paths;
    const staged = `${p.db}.setup`;
    rmSync(staged, { force: true });
    const key = randomBytes(32);
    const raw = openEncrypted(staged, { key, ...this.nativeBinding() });
    try {
      const db = createKysely(raw);
      await migrateToLatest(raw, db, { snapshotPath: () => '' });
      await db.transaction().execute(init);
      raw.pragma('wal_checkpoint(TRUNCATE)');
      await db.destroy();
    } catch (e) {
      raw.close();
      rmSync(staged, { force: true });
      throw e;
    }
    writeKeyFile(p.keyFile, await wrapWithPassphrase(key, this.pendingPassphrase), this.clock.now().toISOString());
    renameSync(staged, p.db);
    this.pendingPassphrase = null;
    this.wrapWithOs(key);
    await this.openDatabase(key);
  }

  async unlock(passphrase: string): Promise<void> {
    if (this.state !== 'locked') throw appError('BAD_STATE', 'errors.app.notLocked');
    const key = await this.unwrap(passphrase);
    await this.openDatabase(key);
    if (this.open) {
      this.osUnlockFailed = false;
      this.wrapWithOs(key);
    }
  }

  /**
   * Checks a recovery passphrase against the key file (owner password reset, passphrase change) or
   * against a backup folder's copy of it (restore).
   */
  async unwrap(passphrase: string, field = 'passphrase', keyFile = this.paths.keyFile): Promise<Buffer> {
    let file;
    try {
      file = readKeyFile(keyFile);
    } catch (e) {
      if (e instanceof KeyFileError)
        throw appError('BAD_STATE', `errors.app.key${e.reason === 'missing' ? 'Missing' : 'Damaged'}`);
      throw e;
    }
    try {
      return await unwrapWithPassphrase(file.recovery, passphrase);
    } catch (e) {
      if (e instanceof BadPassphraseError) {
        this.log.info('unlock.bad_passphrase');
        throw appError('BAD_PASSPHRASE', 'errors.app.badPassphrase', {
          fields: { [field]: { messageKey: 'errors.app.badPassphrase' } },
        });
      }
      throw e;
    }
  }

  preparePassphrase(): string {
    this.pendingPassphrase = generatePassphrase();
    return this.pendingPassphrase;
  }

  /** Re-wraps the same data key under a new app-made passphrase; the database is untouched. */
  async changePassphrase(current: string, confirm: string): Promise<void> {
    if (!this.pendingPassphrase) throw appError('BAD_STATE', 'errors.key.notPrepared');
    const key = await this.unwrap(current, 'currentPassphrase');
    if (normalizePassphrase(confirm) !== normalizePassphrase(this.pendingPassphrase))
      throw appError('VALIDATION', 'errors.validation', {
        fields: { passphraseConfirm: { messageKey: 'errors.setup.passphraseMismatch' } },
      });
    writeKeyFile(
      this.paths.keyFile,
      await wrapWithPassphrase(key, this.pendingPassphrase),
      this.clock.now().toISOString(),
    );
    this.pendingPassphrase = null;
  }

  private wrapWithOs(key: Buffer): void {
    const os = this.opts.osKeyStore;
    if (!os?.isAvailable()) return;
    try {
      writeFileAtomic(this.paths.osKeyFile, os.encrypt(key));
    } catch (e) {
      this.log.error('unlock.os_wrap_failed', { error: e instanceof Error ? e.name : 'unknown' });
    }
  }

  private nativeBinding(): { nativeBinding?: string } {
    return this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {};
  }

  private async openDatabase(key: Buffer): Promise<void> {
    const p = this.paths;
    let raw: SqliteDb;
    try {
      raw = openEncrypted(p.db, { key, fileMustExist: true, ...this.nativeBinding() });
    } catch (e) {
      if (e instanceof DbOpenError) {
        const reason = !existsSync(p.db) ? 'errors.app.dbMissing' : 'errors.app.dbUnreadable';
        this.log.error('db.open_failed', { reason: e.reason, cause: e.cause });
        return this.fail(reason, { file: p.db });
      }
      throw e;
    }
    const db = createKysely(raw);
    try {
      mkdirSync(p.backups, { recursive: true });
      const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
      const { applied, snapshot } = await migrateToLatest(raw, db, {
        snapshotPath: (from, to) => `${p.backups}/pre-migrate-${from}-to-${to}-${stamp}.db`,
      });
      if (applied.length) this.log.info('db.migrated', { applied, snapshot });
    } catch (e) {
      await db.destroy();
      // Kysely's destroy() closes nothing if it never ran a query, and a newer database is refused
      // before it does: close the connection here so the refused file is not held open.
      if (raw.open) raw.close();
      if (e instanceof NewerDatabaseError) return this.fail('errors.app.dbNewer', { migrations: e.unknown.join(', ') });
      this.log.error('db.migrate_failed', { error: e });
      return this.fail('errors.app.migrateFailed', {});
    }
    this.open = { raw, db };
    this.dataKey = key;
    // Plaintext copies of import and export files never outlive the run that made them.
    rmSync(p.transfers, { recursive: true, force: true });
    this.staged.clear();
    // A retry never comes a month late, and stored results can hold member details.
    const monthAgo = new Date(this.clock.now().getTime() - 30 * 24 * 3_600_000).toISOString();
    await db.deleteFrom('requests').where('at', '<', monthAgo).execute();
    this.settings = await loadSettings(db);
    await this.guard.check(db);
    this.state = 'ready';
    this.log.info('db.opened');
    recoverUnfinishedImports(this);
  }

  /** The device and clock checks (core/deviceClockGuard), which dispatch and services call. */
  touch = (db: Kysely<DB>, force = false) => this.guard.touch(db, force);
  requireTrustedClock = () => this.guard.requireTrustedClock();
  confirmClock = (db: Kysely<DB>) => this.guard.confirmClock(db);

  acknowledgeOtherDevice(): void {
    this.guard.otherDevice = undefined;
  }

  /** An encrypted copy of the database, with the wrapped key beside it; see core/backupFiles. */
  backup(folder: string, reason: BackupReason): BackupFile {
    return writeBackup(this.raw, folder, this.paths.keyFile, this.clock.now(), reason);
  }

  /**
   * Replaces the database with a verified backup: a copy is staged in the data folder and checked
   * (every page decrypts, integrity holds) before anything changes; the current database and key
   * file are kept as a safety copy; then the backup's key file and database take their place and
   * open as usual (older backups are migrated). Everyone is signed out: the staff are the backup's.
   */
  async restore(file: string, passphrase: string): Promise<void> {
    const keyFile = backupKeyFile(file);
    const key = await this.unwrap(passphrase, 'passphrase', keyFile);
    const staged = stageVerifiedBackup(file, this.paths, key, this.opts.nativeBinding, (error) =>
      this.log.error('backup.restore_refused', { error }),
    );
    // Calls arriving while the files are swapped are told the shop is not ready, not given a closed
    // connection.
    this.state = 'locked';
    await this.jobs.settle();
    if (this.open) {
      this.checkpoint();
      await this.open.db.destroy();
      this.open = null;
      this.dataKey = null;
    }
    this.errorKey = undefined;
    this.errorParams = undefined;
    swapInBackup(this.paths, staged, keyFile, this.clock.now());
    this.sessions.endAll();
    await this.openDatabase(key);
    if (this.open) this.wrapWithOs(key);
  }

  async close(): Promise<void> {
    await this.jobs.settle();
    if (this.open) {
      await this.open.db.destroy();
      this.open = null;
      this.dataKey = null;
    }
    this.releaseLock?.();
    this.releaseLock = null;
  }
}
