import { z } from 'zod';
import { channel } from './channel.js';
import type { BackupInfo, BackupStatus } from '../domain.js';
import { backupFolder, passphrase } from './fields.js';

const restoreInput = z.object({
  /** A backup file (liuke-backup-….db) in a folder that also holds its liuke.key.json. */
  file: z.string().trim().min(1, 'errors.required').max(1000, 'errors.tooLong'),
  passphrase,
});

/** Backups and restore (DESIGN: a shop PC can die; the USB stick is the way back). */
export const backupsChannels = {
  'backups.status': channel<BackupStatus>()({ input: z.object({}), access: 'backups.create', idempotent: false }),
  /** Lists the backups in another folder (a USB stick), to pick one to restore. */
  'backups.listFolder': channel<BackupInfo[]>()({
    input: z.object({ folder: backupFolder.refine((v) => v !== '', 'errors.required') }),
    access: 'backups.create',
    idempotent: false,
  }),
  /** Back up now, to the given folder or else the shop's backup folder (or the data folder). */
  'backups.create': channel<BackupInfo>()({
    input: z.object({ folder: backupFolder.default('') }),
    access: 'backups.create',
    idempotent: false,
    transaction: false,
  }),
  /** Replaces the shop's database with a verified backup. Signs everyone out. */
  'backups.restore': channel<{ ok: true }>()({
    input: restoreInput,
    access: 'backups.restore',
    idempotent: false,
    rateLimited: true,
    transaction: false,
  }),
  /**
   * A new PC, or a database that will not open: restore before anyone can sign in. The recovery
   * passphrase of the backup is the authority, as it is for unlocking.
   */
  'backups.restoreAtStart': channel<{ ok: true }>()({
    input: restoreInput,
    access: 'public',
    idempotent: false,
    rateLimited: true,
  }),
};
