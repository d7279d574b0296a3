import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { JobStatus } from '../../../shared/domain.js';
import {
  tillCloseFields,
  tillCloseHeaders,
  tillCloseSectionNames,
  tillMethodNames,
  type TillCloseField,
  type TillCloseSection,
} from '../../../shared/io/walletFields.js';
import { tillFigures } from '../../../shared/rules/till.js';
import type { TillClose, TillLine, TillSums } from '../../../shared/wallet.js';
import type { Ctx } from '../../context.js';
import { dayClose } from '../wallet/till.js';
import { startExport, type ExportColumn, type ListExport } from './exportList.js';

/** One row of the day-close file: a clerk's line, a method's line or the day's total. */
export interface TillCloseRow {
  key: number;
  section: TillCloseSection;
  day: string;
  sums: TillSums & Partial<Pick<TillLine, 'staffName' | 'method'>>;
}

/** The day close flattened to rows, in the order the day-close page shows its tables. */
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
  return {
    list: 'tillClose',
    title: { zh: '日结', en: 'day-close' },
    columns: tillCloseFields.map((f) => columns[f]),
    maxKey: () => rows.length,
    page(after, limit) {
      const out = rows.slice(after, after + limit);
      return { rows: out, last: out.length ? out[out.length - 1]!.key : after };
    },
  };
}

/** A shop day's close (live totals, as the page shows them) to a file. */
export async function exportTillClose(ctx: Ctx, input: ParsedInputOf<'io.exportTillClose'>): Promise<JobStatus> {
  const close = await dayClose(ctx, { day: input.day });
  return startExport(ctx, tillCloseExport(close), input, { day: input.day });
}
