import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fieldError } from '../../shared/errors.js';
import { backupKeyFileName, isBackupName, verifyBackup } from './backupFiles.js';
import type { DataPaths } from './dataDir.js';
import { writeFileAtomic } from './files.js';
import { readKeyFile } from './keyStore.js';

/** The key file beside a backup, after checking the file is a Liuke backup and the key file reads. */
export function backupKeyFile(file: string): string {
  if (!isBackupName(file) || !existsSync(file)) throw fieldError('file', 'errors.backup.notABackup');
  const keyFile = join(dirname(file), backupKeyFileName);
  if (!existsSync(keyFile)) throw fieldError('file', 'errors.backup.noKeyFile');
  try {
    readKeyFile(keyFile);
  } catch {
    throw fieldError('file', 'errors.backup.keyFileDamaged');
  }
  return keyFile;
}

/**
 * Copies the backup into the data folder and checks it under the key (every page decrypts,
 * integrity holds); returns the staged copy. Nothing of the shop's changes before this passes.
 */
export function stageVerifiedBackup(
  file: string,
  paths: DataPaths,
  key: Buffer,
  nativeBinding: string | undefined,
  onRefused: (reason: string) => void,
): string {
  const staged = `${paths.db}.restoring`;
  copyFileSync(file, staged);
  try {
    verifyBackup(staged, key, nativeBinding);
  } catch (e) {
    rmSync(staged, { force: true });
    onRefused(e instanceof Error ? e.message : 'unknown');
    throw fieldError('file', 'errors.backup.invalid');
  }
  return staged;
}

/**
 * With the database closed: keeps the current database and key file as a `pre-restore-*` safety
 * copy, then puts the backup's key file and the staged database in their place.
 */
export function swapInBackup(paths: DataPaths, staged: string, keyFile: string, at: Date): void {
  if (existsSync(paths.db)) {
    mkdirSync(paths.backups, { recursive: true });
    const stamp = at.toISOString().replace(/[:.]/g, '-');
    copyFileSync(paths.db, join(paths.backups, `pre-restore-${stamp}.db`));
    if (existsSync(paths.keyFile)) copyFileSync(paths.keyFile, join(paths.backups, `pre-restore-${stamp}.key.json`));
  }
  for (const f of [`${paths.db}-wal`, `${paths.db}-shm`, paths.osKeyFile]) rmSync(f, { force: true });
  writeFileAtomic(paths.keyFile, readFileSync(keyFile));
  renameSync(staged, paths.db);
}
