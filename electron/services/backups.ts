import type { BackupInfo, BackupStatus } from '../../shared/domain.js';
import { appError, fieldError } from '../../shared/errors.js';
import type { Backend } from '../backend.js';
import { listBackups, rotateBackups, type BackupReason } from '../core/backupFiles.js';
import { requireStaff, type Ctx } from '../context.js';
import { writeAudit } from './audit.js';
import { getMeta, setMeta } from './meta.js';

const staleAfterMs = 3 * 24 * 3_600_000;
/** Automatic backups at most this often (start and daily); closing always backs up. */
const autoEveryMs = 20 * 3_600_000;

function folders(backend: Backend): string[] {
  const extra = backend.settings!.backupFolder;
  return extra ? [backend.paths.backups, extra] : [backend.paths.backups];
}

/** Writes one backup, keeps the newest N there, and remembers the outcome for the status. */
async function backupInto(backend: Backend, folder: string, reason: BackupReason): Promise<BackupInfo> {
  const at = backend.clock.now().toISOString();
  try {
    const file = backend.backup(folder, reason);
    rotateBackups(folder, backend.settings!.backupKeep);
    await setMeta(backend.db, { last_backup_at: at, last_backup_file: file.path, last_backup_error: '' });
    return file;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await setMeta(backend.db, { last_backup_error: JSON.stringify({ at, message }) });
    backend.log.error('backup.failed', { folder, reason, message });
    throw e;
  }
}

/** "Back up now": to the folder given, else the shop's backup folder, else the data folder. */
export async function createBackup(ctx: Ctx, input: { folder: string }): Promise<BackupInfo> {
  const me = requireStaff(ctx);
  const folder = input.folder || ctx.backend.settings!.backupFolder || ctx.backend.paths.backups;
  let file: BackupInfo;
  try {
    file = await backupInto(ctx.backend, folder, 'manual');
  } catch {
    throw appError('VALIDATION', 'errors.backup.writeFailed', {
      params: { folder },
      fields: { folder: { messageKey: 'errors.backup.writeFailed', params: { folder } } },
    });
  }
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'backups.created',
    details: { file: file.name, folder, bytes: file.bytes },
  });
  return file;
}

/**
 * Start, daily and close: into the data folder and the shop's backup folder. A failure is recorded
 * for the status (and logged), never thrown: the shop keeps working.
 */
export async function autoBackup(backend: Backend, reason: Exclude<BackupReason, 'manual'>): Promise<void> {
  if (backend.currentState !== 'ready') return;
  if (reason !== 'close') {
    const last = await getMeta(backend.db, 'last_backup_at');
    if (last && backend.clock.now().getTime() - new Date(last).getTime() < autoEveryMs) return;
  }
  for (const folder of folders(backend)) await backupInto(backend, folder, reason).catch(() => undefined);
}

export async function backupStatus(ctx: Ctx): Promise<BackupStatus> {
  const [lastAt, lastFile, lastError] = await Promise.all(
    ['last_backup_at', 'last_backup_file', 'last_backup_error'].map((k) => getMeta(ctx.db, k)),
  );
  const backups = folders(ctx.backend)
    .flatMap((f) => listBackups(f))
    .sort((a, b) => (a.at < b.at ? 1 : -1));
  return {
    lastAt: lastAt ?? null,
    lastFile: lastFile ?? null,
    lastError: lastError ? (JSON.parse(lastError) as { at: string; message: string }) : null,
    stale: !lastAt || ctx.now.getTime() - new Date(lastAt).getTime() > staleAfterMs,
    dataFolder: ctx.backend.paths.backups,
    folder: ctx.backend.settings!.backupFolder,
    backups,
  };
}

export function listFolder(folder: string): BackupInfo[] {
  try {
    return listBackups(folder);
  } catch {
    throw fieldError('folder', 'errors.backup.cannotRead');
  }
}

/** Restore while the shop is open: the owner, then everyone signs in again (the backup's staff). */
export async function restoreBackup(ctx: Ctx, input: { file: string; passphrase: string }): Promise<{ ok: true }> {
  const me = requireStaff(ctx);
  await ctx.backend.restore(input.file, input.passphrase);
  await writeAudit(ctx.backend.db, {
    at: ctx.nowIso,
    staffId: null,
    action: 'backups.restored',
    details: { file: input.file, by: me.display_name },
  });
  ctx.endSession();
  return { ok: true };
}

/** Restore before anyone can sign in: a new PC (setup) or a database that will not open. */
export async function restoreAtStart(ctx: Ctx, input: { file: string; passphrase: string }): Promise<{ ok: true }> {
  if (ctx.backend.currentState === 'ready') throw appError('BAD_STATE', 'errors.backup.signInToRestore');
  if (!ctx.backend.canRestoreAtStart) throw appError('BAD_STATE', 'errors.backup.cannotRestoreNow');
  await ctx.backend.restore(input.file, input.passphrase);
  await writeAudit(ctx.backend.db, {
    at: ctx.nowIso,
    staffId: null,
    action: 'backups.restored',
    details: { file: input.file, atStart: true },
  });
  return { ok: true };
}
