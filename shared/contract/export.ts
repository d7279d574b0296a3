import { z } from 'zod';
import { channel, type FileDownload } from './channel.js';
import type { JobStatus } from '../domain.js';
import { calendarDate } from './fields.js';
import { memberFilterInput } from './members.js';

/** Excel workbook with typed cells, or CSV for other programs: UTF-8 with a BOM, or GB18030 for old tools. */
export const exportFormats = ['xlsx', 'csvUtf8', 'csvGb18030'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The lists that can be exported; each is a column definition on the main side. */
export const exportLists = [
  'members',
  'audit',
  'purchases',
  'ledger',
  'complaints',
  'complaintReport',
  'walletReport',
  'tillClose',
] as const;
export type ExportList = (typeof exportLists)[number];

/** What a finished export job returns (its `result`); the file itself is fetched with `io.downloadExport`. */
export interface ExportResult {
  rows: number;
  fileName: string;
}

const format = z.enum(exportFormats, 'errors.choice');
/** Headers and words (gender) in the requester's language, so the importer maps its own file back. */
const language = z.enum(['zh', 'en'], 'errors.choice').default('zh');

const inOrder = (v: { from: string | null; to: string | null }) => !v.from || !v.to || v.from <= v.to;
/** Shop days from–to (either open), the file format and the language of its headers. */
const dayRange = z.object({
  from: calendarDate.nullable().default(null),
  to: calendarDate.nullable().default(null),
  format,
  language,
});
const ordered = { message: 'errors.member.dateRange', path: ['to'] };

/**
 * Lists out to a file (issue 4 §2). An export starts a job that writes a temporary file; the
 * starter downloads it once it is done. Starting is request-id idempotent so a double click or a
 * retried call follows the one job instead of writing the file (and its audit row) twice.
 */
export const exportChannels = {
  /** The members the list page shows (its filters; the order is by member id). */
  'io.exportMembers': channel<JobStatus>()({
    input: z.object({
      filter: memberFilterInput,
      format,
      /** Whole phone numbers instead of masked ones: the owner's choice only. */
      fullPhones: z.boolean().default(false),
      language,
    }),
    access: 'io.export',
    idempotent: true,
  }),
  /** The staff audit log, optionally only the shop days from–to. */
  'io.exportAudit': channel<JobStatus>()({
    input: dayRange.refine(inOrder, ordered),
    access: 'io.export',
    idempotent: true,
  }),
  /**
   * Purchases of the shop days from–to (issue 5 §10), oldest first, with the member, the money in
   * yuan and the points; masked phones unless the owner asks for whole ones.
   */
  'io.exportPurchases': channel<JobStatus>()({
    input: dayRange.extend({ fullPhones: z.boolean().default(false) }).refine(inOrder, ordered),
    access: 'io.export',
    idempotent: true,
  }),
  /** The points ledger of the shop days from–to, every entry with its member, kind and lot expiry. */
  'io.exportLedger': channel<JobStatus>()({
    input: dayRange.refine(inOrder, ordered),
    access: 'io.export',
    idempotent: true,
  }),
  /** Complaints logged on the shop days from–to, with their SLA, resolution, compensation and CSAT. */
  'io.exportComplaints': channel<JobStatus>()({
    input: dayRange.extend({ fullPhones: z.boolean().default(false) }).refine(inOrder, ordered),
    access: 'complaints.manage',
    idempotent: true,
  }),
  /** The complaints report's tables (by category, severity, month) for the shop days from–to. */
  'io.exportComplaintReport': channel<JobStatus>()({
    input: dayRange.refine(inOrder, ordered),
    access: 'complaints.manage',
    idempotent: true,
  }),
  /**
   * The stored-value and count-card report's tables for the shop days from–to: outstanding
   * balances, days, staff, payment methods, card products.
   */
  'io.exportWalletReport': channel<JobStatus>()({
    input: dayRange.refine(inOrder, ordered),
    access: 'wallet.report',
    idempotent: true,
  }),
  /**
   * A business day's close: every clerk's totals per payment method, and the day's totals, live as
   * the day-close page shows them; or, with `closeId`, a recorded handover or day close of that day
   * as it was printed (a close of another day is not found).
   */
  'io.exportTillClose': channel<JobStatus>()({
    input: z.object({ day: calendarDate, closeId: z.number().int().positive().optional(), format, language }),
    access: 'wallet.report',
    idempotent: true,
  }),
  /** The finished export's file, once, for the staff member who started it. */
  'io.downloadExport': channel<FileDownload>()({
    input: z.object({ jobId: z.uuid() }),
    access: 'io.export',
    idempotent: false,
    file: 'download',
  }),
};
