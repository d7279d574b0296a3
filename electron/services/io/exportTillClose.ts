import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { JobStatus } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import {
  fileNamePart,
  tillCloseFields,
  tillCloseHeaders,
  tillCloseSectionNames,
  tillExportTitles,
  tillMethodNames,
  type TillCloseField,
  type TillCloseSection,
} from '../../../shared/io/walletFields.js';
import { tillFigures } from '../../../shared/rules/till.js';
import type { TillClose, TillLine, TillSums } from '../../../shared/wallet.js';
import type { Ctx } from '../../context.js';
import { dayClose, recordedClose } from '../wallet/till.js';
import { startExport, type ExportColumn, type ListExport } from './exportList.js';

/** One row of the day-close file: a clerk's line, a method's line or the day's total. */
export interface TillCloseRow {
  key: number;
  section: TillCloseSection;
  day: string;
  sums: TillSums & Partial<Pick<TillLine, 'staffName' | 'method'>>;
}

/** A day close or handover flattened to rows, in the order the day-close page shows its tables. */
export function tillCloseRows(c: TillClose): TillCloseRow[] {
  const rows: Omit<TillCloseRow, 'key'>[] = [
    ...c.totals.lines.map((sums) => ({ section: 'lines' as const, day: c.day, sums })),
    ...c.totals.byMethod.map((sums) => ({ section: 'byMethod' as const, day: c.day, sums })),
    { section: 'total', day: c.day, sums: c.totals.total },
  ];
  return rows.map((r, i) => ({ ...r, key: i + 1 }));
}

export function tillCloseExport(c: TillClose): ListExport<TillCloseRow> {
  const rows = tillCloseRows(c);
  const col = (
    field: TillCloseField,
    kind: ExportColumn<TillCloseRow>['kind'],
    value: ExportColumn<TillCloseRow>['value'],
    width?: number,
  ): ExportColumn<TillCloseRow> => ({
    header: { zh: tillCloseHeaders.zh[field], en: tillCloseHeaders.en[field] },
    kind,
    value,
    ...(width ? { width } : {}),
  });
  const figure = (f: (typeof tillFigures)[number]) =>
    col(f, f.endsWith('Count') ? 'integer' : 'money', (r) => r.sums[f], 12);
  const columns: Record<TillCloseField, ExportColumn<TillCloseRow>> = {
    day: col('day', 'date', (r) => r.day, 12),
    section: col('section', 'text', (r, lang) => tillCloseSectionNames[lang][r.section], 18),
    staff: col('staff', 'text', (r) => r.sums.staffName ?? null, 14),
    method: col('method', 'text', (r, lang) => (r.sums.method ? tillMethodNames[lang][r.sums.method] : null), 12),
    ...(Object.fromEntries(tillFigures.map((f) => [f, figure(f)])) as Record<
      (typeof tillFigures)[number],
      ExportColumn<TillCloseRow>
    >),
  };
  // Named after the business day (and a handover after its clerk), not the day it is exported.
  const name = (lang: 'zh' | 'en') =>
    c.kind === 'shift'
      ? `${tillExportTitles[lang].shift}-${fileNamePart(c.staffName ?? '')}-${c.day}`
      : `${tillExportTitles[lang].day}-${c.day}`;
  return {
    list: 'tillClose',
    title: { zh: tillExportTitles.zh[c.kind], en: tillExportTitles.en[c.kind] },
    fileName: { zh: name('zh'), en: name('en') },
    columns: tillCloseFields.map((f) => columns[f]),
    maxKey: () => rows.length,
    page(after, limit) {
      const out = rows.slice(after, after + limit);
      return { rows: out, last: out.length ? out[out.length - 1]!.key : after };
    },
  };
}

/**
 * A shop day's close (live totals, as the page shows them) to a file; or, with `closeId`, a
 * recorded handover or day close of that day with the totals it printed. A record of another day
 * is not found: the day names what the file is about, so it must not quietly say something else.
 */
export async function exportTillClose(ctx: Ctx, input: ParsedInputOf<'io.exportTillClose'>): Promise<JobStatus> {
  const { day, closeId } = input;
  if (closeId === undefined) return startExport(ctx, tillCloseExport(await dayClose(ctx, { day })), input, { day });
  const close = await recordedClose(ctx, closeId, day);
  if (!close) throw appError('NOT_FOUND', 'errors.till.closeNotFound');
  return startExport(ctx, tillCloseExport(close), input, { day, closeId, kind: close.kind });
}
