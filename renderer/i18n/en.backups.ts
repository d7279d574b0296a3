import type { Shape } from './en';
import type { zhBackups } from './zh.backups';

/** English for backups and restore: the Backups page, the settings, and restore at setup or on error. */
export const enBackups: Shape<typeof zhBackups> = {
  title: 'Backups',
  intro:
    'Liuke backs up by itself each time it opens, once a day and when it closes, into the data folder on this PC — and also into the backup folder set in Settings (a USB stick, say). Backups are encrypted: if this PC breaks or is lost, the backup on the stick and the recovery sheet bring the data back on a new one.',
  status: 'Backup status',
  lastAt: 'Last good backup',
  never: 'No backup yet',
  lastFile: 'Backup file',
  stale: 'No backup has succeeded for more than 3 days. Back up now, and check the USB stick is plugged in.',
  staleNever: 'No backup has succeeded yet. Back up now.',
  lastError: 'The backup at {{at}} failed — usually the USB stick is not plugged in or is full.',
  lastErrorDetail: 'Details: {{message}}',
  now: 'Back up now',
  nowFolder: 'Back up to folder',
  nowFolderHint: 'Leave empty to use {{folder}}. For a USB stick, give the whole path of a folder on it.',
  created: 'Backed up to {{file}}',
  list: 'Existing backups',
  listHint:
    'Backups in the data folder on this PC and in the backup folder from Settings, newest first. For backups in any other folder, use “Restore from another folder” below.',
  empty: 'No backups yet.',
  at: 'Made at',
  reason: 'Kind',
  size: 'Size',
  folder: 'Folder',
  sizeMb: '{{size}} MB',
  reasons: { manual: 'Manual', start: 'On opening', close: 'On closing', daily: 'Daily' },
  restore: 'Restore',
  fromFolder: 'Restore from another folder',
  fromFolderHint: 'A backup folder on a USB stick, say, or backups copied over from the old PC.',
  otherFolder: 'Folder with the backups',
  otherFolderPlaceholder: 'e.g. E:\\Liuke backups or /media/usb/liuke',
  show: 'Show',
  folderEmpty: 'There are no Liuke backups in this folder.',
  restoreTitle: 'Restore from a backup',
  restoreWhat:
    'All the shop’s current data is replaced by this backup ({{at}}). Anything registered or changed after it is lost.',
  restoreSafety: 'Before that, the current data is kept as a safety copy in {{folder}}; nothing is simply deleted.',
  restoreSignOut: 'Everyone is signed out afterwards: sign in again with the accounts and passwords in the backup.',
  file: 'Backup file',
  passphrase: 'Recovery passphrase',
  passphraseHint: 'As printed on the recovery sheet; case and dashes do not matter',
  restoreButton: 'Replace with this backup',
  restored: 'Restored from the backup. Please sign in again.',
  warning:
    'No backup has succeeded for more than 3 days (the last was {{at}}): if this PC fails, the data may be lost.',
  warningNever: 'No backup has succeeded yet: if this PC fails, the data may be lost.',
  warningLink: 'Go to Backups',
  settings: 'Backups',
  settingsFolder: 'Also put automatic backups in this folder (a USB stick, say)',
  settingsFolderHint:
    'The whole path, e.g. E:\\Liuke backups. Leave empty to keep backups only in the data folder on this PC. Keep the stick plugged in: without it backups fail and the Backups page says so.',
  settingsKeep: 'Backups to keep',
  settingsKeepHint: 'Each folder keeps this many of the newest backups; older ones are deleted (1–100)',
  atStart: {
    open: 'Restore from a backup',
    openHint: 'A new PC, or the data on the old one no longer opens? Restore it from the backup on your USB stick.',
    title: 'Restore from a backup',
    intro:
      'Find the backup folder (usually on a USB stick), give the whole path of one backup file in it, and type the recovery passphrase. Then sign in with the owner account from the backup.',
    introError:
      'If you have a backup (on a USB stick, say), you can restore the data from it. The files now in the data folder are kept as a safety copy first, not deleted.',
    file: 'Backup file',
    fileHint:
      'The file named liuke-backup-….db in the backup folder, e.g. E:\\Liuke backups\\liuke-backup-20260101-093000-daily.db. The same folder must also hold the key file liuke.key.json.',
    filePlaceholder: 'E:\\Liuke backups\\liuke-backup-….db',
    submit: 'Restore',
    newShop: 'Back: set up a new shop',
    done: 'Restored from the backup. Sign in with an account from the backup.',
  },
};
