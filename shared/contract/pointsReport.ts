import { z } from 'zod';
import { channel } from './channel.js';
import type { PointsReport } from '../pointsReport.js';

/** The owner's points view (issue 5 §10). Its exports are `io.exportPurchases` and `io.exportLedger`. */
export const pointsReportChannels = {
  /**
   * Liability and monthly flows: a calendar year, or (null) the last 12 business months. It reads
   * the whole ledger, in short steps so the counter keeps working meanwhile: not in one transaction.
   */
  'points.report': channel<PointsReport>()({
    input: z.object({
      year: z
        .number('errors.invalid')
        .int('errors.integer')
        .min(2000, 'errors.range')
        .max(2100, 'errors.range')
        .nullable()
        .default(null),
    }),
    access: 'points.report',
    idempotent: false,
    transaction: false,
  }),
};
