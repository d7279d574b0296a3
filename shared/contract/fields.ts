import { z } from 'zod';
import { isCalendarDate, isValidTimeZone } from '../rules/businessDay.js';

/**
 * Field schemas shared by several channels. Messages are i18n keys (see renderer/i18n) so the
 * main process can refuse bad input in the clerk's language without knowing it.
 */
/** No control or invisible formatting characters (NUL, right-to-left overrides): they garble lists. */
export const printable = (v: string) => !/[\p{Cc}\p{Cf}]/u.test(v);
export const personName = z.string().trim().max(40, 'errors.tooLong').refine(printable, 'errors.badCharacters');
export const displayName = z
  .string()
  .trim()
  .min(1, 'errors.required')
  .max(40, 'errors.tooLong')
  .refine(printable, 'errors.badCharacters');
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{3,32}$/, 'errors.username');
export const password = z.string().min(8, 'errors.passwordTooShort').max(128, 'errors.tooLong');
export const pin = z.string().regex(/^\d{4,6}$/, 'errors.pin');
export const passphrase = z.string().trim().min(1, 'errors.required').max(200, 'errors.tooLong');
/** Free text a person types: trimmed, at most `max` characters, no control characters. */
export const freeText = (max: number) =>
  z.string().trim().max(max, 'errors.tooLong').refine(printable, 'errors.badCharacters');
/** A whole number from `min` to `max`, each failure with its own message. */
export const wholeNumber = (min: number, max: number) =>
  z.number('errors.invalid').int('errors.integer').min(min, 'errors.range').max(max, 'errors.range');
export const calendarDate = z.string().refine(isCalendarDate, 'errors.date');
export const timeZone = z.string().refine(isValidTimeZone, 'errors.timeZone');
export const id = z.number().int().positive();
/** A folder on this PC: an absolute path (C:\… or D:\ on Windows, /… elsewhere) or nothing. */
export const backupFolder = z
  .string()
  .trim()
  .max(500, 'errors.tooLong')
  .refine((v) => v === '' || /^(?:[a-zA-Z]:[\\/]|\/)/.test(v), 'errors.backup.folderNotAbsolute');
export const pageInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
