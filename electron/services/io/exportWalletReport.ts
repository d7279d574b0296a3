import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { JobStatus } from '../../../shared/domain.js';
import type { PaymentMethod } from '../../../shared/points.js';
import {
  tillFigureNames,
  tillMethodNames,
  walletReportFields,
  walletReportHeaders,
  walletReportItemNames,
  walletReportSectionNames,
  tillExportTitles,
  type TillFigure,
  type WalletReportField,
  type WalletReportItem,
  type WalletReportSection,
} from '../../../shared/io/walletFields.js';
import type { TillLine, WalletReport } from '../../../shared/wallet.js';
import type { Ctx } from '../../context.js';
import { shopToday } from '../members/view.js';
import { walletReport } from '../wallet/report.js';
import { startExport, type ExportColumn, type Language, type ListExport } from './exportList.js';

/** What a row's figure is: one of the report page's labels, or a column of the till tables. */
type Figure = { kind: 'item'; item: WalletReportItem } | { kind: 'till'; figure: TillFigure };

/** One figure of the report: its section, what it is about (a day, a clerk, a product) and its numbers. */
export interface WalletReportRow {
  key: number;
  section: WalletReportSection;
  item: string | null;
  method: PaymentMethod | null;
  figure: Figure;
  count: number | null;
  /** Fen. */
  amount: number | null;
}

/** A till line's figures as rows: each money figure with its count beside it where it has one. */
const lineFigures: [TillFigure, keyof TillLine | null][] = [
  ['topupFen', 'topupCount'],
  ['bonusFen', null],
  ['cardSalesFen', 'cardSalesCount'],
  ['refundsFen', 'refundsCount'],
  ['storedValueSpentFen', null],
  ['netFen', null],
];

/** The report flattened to rows, in the order the report page shows it. */
export function walletReportRows(r: WalletReport, period: { from: string; to: string }): WalletReportRow[] {
  const rows: Omit<WalletReportRow, 'key'>[] = [];
  const item = (
    section: WalletReportSection,
    about: string | null,
    it: WalletReportItem,
    count: number | null,
    amount: number | null,
  ) => rows.push({ section, item: about, method: null, figure: { kind: 'item', item: it }, count, amount });
  const v = r.visitcards;
  const sum = (k: 'topupFen' | 'bonusFen' | 'spentFen' | 'refundsFen') => r.days.reduce((s, d) => s + d[k], 0);
  item('summary', `${period.from} ~ ${period.to}`, 'period', null, null);
  item('summary', null, 'outstandingPrincipal', null, r.outstanding.principalFen);
  item('summary', null, 'outstandingBonus', null, r.outstanding.bonusFen);
  item('summary', null, 'membersWithBalance', r.outstanding.members, null);
  item('summary', null, 'topups', null, sum('topupFen'));
  item('summary', null, 'bonus', null, sum('bonusFen'));
  item('summary', null, 'spent', null, sum('spentFen'));
  item('summary', null, 'refunds', null, sum('refundsFen'));
  item('summary', null, 'cardsSold', v.soldCount, v.soldFen);
  item('summary', null, 'cardsUsed', v.usesCount, null);
  item('summary', null, 'cardsRefunded', v.refundedCount, v.refundedFen);
  item('summary', null, 'cardsUnused', v.unusedVisits, v.unusedFen);
  for (const d of r.days) {
    item('days', d.day, 'topups', null, d.topupFen);
    item('days', d.day, 'bonus', null, d.bonusFen);
    item('days', d.day, 'spent', null, d.spentFen);
    item('days', d.day, 'refunds', null, d.refundsFen);
  }
  const line = (section: WalletReportSection, l: TillLine) => {
    for (const [money, count] of lineFigures)
      rows.push({
        section,
        item: l.staffName,
        method: l.method,
        figure: { kind: 'till', figure: money },
        count: count === null ? null : (l[count] as number),
        amount: l[money],
      });
  };
  for (const l of r.byStaff) line('staff', l);
  for (const l of r.byMethod) line('method', l);
  for (const p of v.byProduct) {
    item('product', p.name, 'cardsSold', p.sold, p.soldFen);
    item('product', p.name, 'cardsUsed', p.uses, null);
    item('product', p.name, 'cardsUnused', p.unusedVisits, null);
  }
  return rows.map((row, i) => ({ ...row, key: i + 1 }));
}

const figureName = (f: Figure, lang: Language) =>
  f.kind === 'item' ? walletReportItemNames[lang][f.item] : tillFigureNames[lang][f.figure];

export function walletReportExport(
  report: WalletReport,
  period: { from: string; to: string },
): ListExport<WalletReportRow> {
  const rows = walletReportRows(report, period);
  const col = (
    field: WalletReportField,
    kind: ExportColumn<WalletReportRow>['kind'],
    value: ExportColumn<WalletReportRow>['value'],
    width?: number,
  ): ExportColumn<WalletReportRow> => ({
    header: { zh: walletReportHeaders.zh[field], en: walletReportHeaders.en[field] },
    kind,
    value,
    ...(width ? { width } : {}),
  });
  const columns: Record<WalletReportField, ExportColumn<WalletReportRow>> = {
    section: col('section', 'text', (r, lang) => walletReportSectionNames[lang][r.section], 14),
    item: col('item', 'text', (r) => r.item, 24),
    method: col('method', 'text', (r, lang) => (r.method ? tillMethodNames[lang][r.method] : null), 12),
    figure: col('figure', 'text', (r, lang) => figureName(r.figure, lang), 18),
    count: col('count', 'integer', (r) => r.count, 10),
    amount: col('amount', 'money', (r) => r.amount, 14),
  };
  return {
    list: 'walletReport',
    title: { zh: tillExportTitles.zh.report, en: tillExportTitles.en.report },
    // Named after the period it covers, not the day it is exported.
    fileName: {
      zh: `${tillExportTitles.zh.report}-${period.from}-${period.to}`,
      en: `${tillExportTitles.en.report}-${period.from}-${period.to}`,
    },
    columns: walletReportFields.map((f) => columns[f]),
    maxKey: () => rows.length,
    page(after, limit) {
      const out = rows.slice(after, after + limit);
      return { rows: out, last: out.length ? out[out.length - 1]!.key : after };
    },
  };
}

/** The report of the shop days from–to; an open start is the first top-up's or count card's day, or today. */
export async function exportWalletReport(ctx: Ctx, input: ParsedInputOf<'io.exportWalletReport'>): Promise<JobStatus> {
  const to = input.to ?? shopToday(ctx);
  let from = input.from;
  if (from === null) {
    const [t, c] = await Promise.all([
      ctx.db
        .selectFrom('wallet_topups')
        .select((eb) => eb.fn.min('day').as('day'))
        .executeTakeFirst(),
      ctx.db
        .selectFrom('visitcards')
        .select((eb) => eb.fn.min('day').as('day'))
        .executeTakeFirst(),
    ]);
    const firsts = [t?.day, c?.day].filter((d): d is string => typeof d === 'string');
    from = firsts.length ? firsts.sort()[0]! : to;
  }
  if (from > to) from = to;
  const report = await walletReport(ctx, { from, to });
  return startExport(ctx, walletReportExport(report, { from, to }), input, { from, to });
}
