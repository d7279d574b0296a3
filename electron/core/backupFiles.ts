import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { SqliteDb } from '../../db/open.js';
import { writeFileAtomic } from './files.js';

export const backupReasons = ['manual', 'start', 'close', 'daily'] as const;
export type BackupReason = (typeof backupReasons)[number];

/** Beside every backup: the passphrase-wrapped key, so the folder alone restores on a new PC. */
export const backupKeyFileName = 'liuke.key.json';
const pattern = /^liuke-backup-(\d{8})-(\d{6})-(manual|start|close|daily)\.db$/;

export interface BackupFile {
  name: string;
  path: string;
  bytes: number;
  at: string;
  reason: BackupReason;
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * An encrypted copy of the live database under the same key (`VACUUM INTO` reads one consistent
 * snapshot while the shop keeps working), written under a temporary name and renamed when whole,
 * with the wrapped key file copied beside it.
 */
export function writeBackup(
  raw: SqliteDb,
  folder: string,
  keyFile: string,
  at: Date,
  reason: BackupReason,
): BackupFile {
  // Only the last level is made: a USB stick that is not mounted must fail, not quietly become a
  // folder on the system disk (and a recursive mkdir under /proc never returns on Node 20).
  if (!existsSync(folder)) {
    if (!existsSync(dirname(folder))) throw new Error(`folder's parent does not exist: ${dirname(folder)}`);
    mkdirSync(folder);
  }
  const name = `liuke-backup-${stamp(at)}-${reason}.db`;
  const path = join(folder, name);
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  try {
    raw.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
  writeFileAtomic(join(folder, backupKeyFileName), readFileSync(keyFile));
  return { name, path, bytes: statSync(path).size, at: at.toISOString(), reason };
}

/** Backups in a folder, newest first; other files are ignored. */
export function listBackups(folder: string): BackupFile[] {
  // A stick that is not plugged in (or a path that is now a file) simply has no backups to show.
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
  return readdirSync(folder)
    .map((name) => ({ name, m: pattern.exec(name) }))
    .filter((f): f is { name: string; m: RegExpExecArray } => f.m !== null)
    .map(({ name, m }) => {
      const [, d, t, reason] = m;
      const at = `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6)}T${t!.slice(0, 2)}:${t!.slice(2, 4)}:${t!.slice(4)}Z`;
      const path = join(folder, name);
      return { name, path, bytes: statSync(path).size, at, reason: reason as BackupReason };
    })
    .sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** Keeps the newest `keep` backups in the folder and deletes the rest. */
export function rotateBackups(folder: string, keep: number): string[] {
  const old = listBackups(folder).slice(keep);
  for (const f of old) rmSync(f.path, { force: true });
  return old.map((f) => f.name);
}

export class BackupInvalidError extends Error {
  constructor(cause?: unknown) {
    super('backup does not verify', { cause });
    this.name = 'BackupInvalidError';
  }
}

/**
 * Opens a backup read-only under the key and checks every page decrypts and the b-trees are
 * sound. A wrong key, a truncated copy or a flipped byte all fail here.
 */
export function verifyBackup(path: string, key: Buffer, nativeBinding?: string): void {
  let db: SqliteDb | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    const cipher = db.pragma('cipher_integrity_check') as unknown[];
    if (cipher.length) throw new Error(`cipher_integrity_check: ${cipher.length} problems`);
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity_check: ${String(check)}`);
    db.prepare('select count(*) from members').get();
  } catch (e) {
    throw new BackupInvalidError(e);
  } finally {
    db?.close();
  }
}

/** Copies a file next to the target and renames it in, so a crash never leaves half a file. */
export function copyFileAtomic(from: string, to: string): void {
  const tmp = `${to}.tmp-${process.pid}`;
  copyFileSync(from, tmp);
  renameSync(tmp, to);
}

export const isBackupName = (path: string) => pattern.test(basename(path));
