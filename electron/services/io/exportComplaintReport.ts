import type { ComplaintReport } from '../../../shared/complaints.js';
import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { JobStatus } from '../../../shared/domain.js';
import {
  builtInCategoryNames,
  complaintReportFields,
  complaintReportHeaders,
  complaintReportItemNames,
  complaintReportSectionNames,
  severityNames,
  type ComplaintReportField,
  type ComplaintReportItem,
  type ComplaintReportSection,
} from '../../../shared/io/complaintFields.js';
import type { Ctx } from '../../context.js';
import { complaintReport } from '../complaints/report.js';
import { shopToday } from '../members/view.js';
import { startExport, type ExportColumn, type Language, type ListExport } from './exportList.js';

/** One figure of the report: its section, what it is (an item key, a name or a month) and its numbers. */
export interface ReportRow {
  key: number;
  section: ComplaintReportSection;
  item: { kind: 'item'; item: ComplaintReportItem } | { kind: 'text'; text: Record<Language, string> };
  count: number | null;
  /** A number, or a decimal as the page shows it ("3.0"): written as that number with its decimals. */
  value: number | string | null;
}

/** A CSAT average with the one decimal the report page shows (3.0, 3.7). */
const oneDecimal = (v: number | null) => (v === null ? null : v.toFixed(1));

/** The report flattened to rows, in the order the report page shows it. */
export function reportRows(r: ComplaintReport): ReportRow[] {
  const rows: Omit<ReportRow, 'key'>[] = [];
  const figure = (item: ComplaintReportItem, count: number | null, value: ReportRow['value']) =>
    rows.push({ section: 'summary', item: { kind: 'item', item }, count, value });
  const period = (lang: Language) => `${complaintReportItemNames[lang].period} ${r.from} ~ ${r.to}`;
  rows.push({
    section: 'summary',
    item: { kind: 'text', text: { zh: period('zh'), en: period('en') } },
    count: null,
    value: null,
  });
  figure('total', r.total, null);
  figure('meanFirstResponseMinutes', null, r.meanFirstResponseMinutes);
  figure('meanResolutionMinutes', null, r.meanResolutionMinutes);
  figure('firstResponseBreachPct', null, r.firstResponseBreachPct);
  figure('resolutionBreachPct', null, r.resolutionBreachPct);
  figure('csatAverage', null, oneDecimal(r.csatAverage));
  figure('csatResponsePct', null, r.csatResponsePct);
  // The score is a value, not a count; how many answered is its own row in the NPS section.
  figure('nps', null, r.nps.nps);
  figure('npsResponsePct', null, r.npsResponsePct);
  for (const { category, count } of r.byCategory) {
    const name = (lang: Language) =>
      category.name ?? (category.key ? builtInCategoryNames[lang][category.key] : String(category.id));
    rows.push({
      section: 'category',
      item: { kind: 'text', text: { zh: name('zh'), en: name('en') } },
      count,
      value: null,
    });
  }
  for (const { severity, count } of r.bySeverity)
    rows.push({
      section: 'severity',
      item: { kind: 'text', text: { zh: severityNames.zh[severity], en: severityNames.en[severity] } },
      count,
      value: null,
    });
  for (const p of r.csatTrend)
    rows.push({
      section: 'csatTrend',
      item: { kind: 'text', text: { zh: p.month, en: p.month } },
      count: p.responses,
      value: oneDecimal(p.average),
    });
  rows.push({ section: 'nps', item: { kind: 'item', item: 'answered' }, count: r.nps.responses, value: null });
  for (const item of ['promoters', 'passives', 'detractors'] as const)
    rows.push({ section: 'nps', item: { kind: 'item', item }, count: r.nps[item], value: null });
  return rows.map((row, i) => ({ ...row, key: i + 1 }));
}

/** The report's rows as a list export: worked out when the export starts, then written like any list. */
export function complaintReportExport(report: ComplaintReport): ListExport<ReportRow> {
  const rows = reportRows(report);
  const col = (
    field: ComplaintReportField,
    kind: ExportColumn<ReportRow>['kind'],
    value: ExportColumn<ReportRow>['value'],
    width?: number,
  ): ExportColumn<ReportRow> => ({
    header: { zh: complaintReportHeaders.zh[field], en: complaintReportHeaders.en[field] },
    kind,
    value,
    ...(width ? { width } : {}),
  });
  const columns: Record<ComplaintReportField, ExportColumn<ReportRow>> = {
    section: col('section', 'text', (r, lang) => complaintReportSectionNames[lang][r.section], 14),
    item: col(
      'item',
      'text',
      (r, lang) => (r.item.kind === 'item' ? complaintReportItemNames[lang][r.item.item] : r.item.text[lang]),
      28,
    ),
    count: col('count', 'integer', (r) => r.count, 10),
    // Numbers a spreadsheet can chart: averages keep their decimals, CSAT ones as the page shows them.
    value: col('value', 'number', (r) => r.value, 12),
  };
  return {
    list: 'complaintReport',
    title: { zh: '投诉报表', en: 'complaint-report' },
    columns: complaintReportFields.map((f) => columns[f]),
    maxKey: () => rows.length,
    page(after, limit) {
      const out = rows.slice(after, after + limit);
      return { rows: out, last: out.length ? out[out.length - 1]!.key : after };
    },
  };
}

/** The report of the shop days from–to; an open end is the first complaint's day, or today. */
export async function exportComplaintReport(
  ctx: Ctx,
  input: ParsedInputOf<'io.exportComplaintReport'>,
): Promise<JobStatus> {
  const to = input.to ?? shopToday(ctx);
  let from = input.from;
  if (from === null) {
    const first = await ctx.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.min('day').as('day'))
      .executeTakeFirst();
    from = first?.day ?? to;
  }
  if (from > to) from = to;
  const report = await complaintReport(ctx, { from, to });
  return startExport(ctx, complaintReportExport(report), input, { from, to });
}
