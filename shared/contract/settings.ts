import { z } from 'zod';
import { channel, type FileDownload } from './channel.js';
import type { AuditEntry, Page, ShopSettings } from '../domain.js';
import { backupFolder, pageInput, timeZone } from './fields.js';
import { shopName } from './app.js';

export const settingsInput = z.object({
  shopName,
  timeZone,
  dayStartHour: z.number().int().min(0, 'errors.range').max(6, 'errors.range'),
  memberNoPrefix: z
    .string()
    .trim()
    .toUpperCase()
    // Member and card numbers are matched in capitals: a lower-case prefix could never be found.
    .regex(/^[A-Z0-9]{0,6}$/, 'errors.memberNoPrefix'),
  idleLockMinutes: z.number().int().min(1, 'errors.range').max(240, 'errors.range'),
  reconfirmMonths: z.number().int().min(1, 'errors.range').max(60, 'errors.range'),
  backupFolder: backupFolder.default(''),
  backupKeep: z.number().int().min(1, 'errors.range').max(100, 'errors.range').default(10),
});

export const settingsChannels = {
  'settings.get': channel<ShopSettings>()({ input: z.object({}), access: 'session', idempotent: false }),
  'settings.update': channel<ShopSettings>()({ input: settingsInput, access: 'settings.manage', idempotent: true }),
  /** The diagnostic log, for support. It holds events and ids, never keys or member details. */
  'support.downloadLog': channel<FileDownload>()({
    input: z.object({}),
    access: 'settings.manage',
    idempotent: false,
    file: 'download',
  }),
  'audit.list': channel<Page<AuditEntry>>()({ input: pageInput, access: 'audit.read', idempotent: false }),
};
