import { sql } from 'kysely';
import {
  builtInCategories,
  severities,
  type BuiltInCategory,
  type ComplaintReport,
  type CsatPoint,
  type Severity,
} from '../../../shared/complaints.js';
import { businessDay } from '../../../shared/rules/businessDay.js';
import { csatAverage, npsFigures, percentOf, shopDayEnd } from '../../../shared/rules/complaints.js';
import { addDays } from '../../../shared/rules/earning.js';
import type { Ctx } from '../../context.js';

/** YYYY-MM of every month the shop days from–to touch, in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) return out;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

const mean = (totalMs: number | null, n: number) =>
  n === 0 || totalMs === null ? null : Math.round(totalMs / n / 60_000);

/**
 * The complaints and satisfaction report for the shop days from–to:
 * - complaints logged in the period by category (those used) and by severity (all four);
 * - mean minutes from logging to the first response and to resolution, over those that have them;
 * - breach %: of the complaints logged in the period whose target has passed or was met, those that
 *   met it late or not at all (a target still ahead and unmet is not counted either way);
 * - CSAT average and response % over the complaints closed in the period, and by month of closing;
 * - NPS over the answers given in the period; its response % is answered / asked over the surveys
 *   created in the period.
 */
export async function complaintReport(ctx: Ctx, input: { from: string; to: string }): Promise<ComplaintReport> {
  const { from, to } = input;
  const s = ctx.backend.settings!;
  // The period as instants, for what is stored as a time (closing, a survey's creation).
  const start = shopDayEnd(addDays(from, -1), s.timeZone, s.dayStartHour);
  const end = shopDayEnd(to, s.timeZone, s.dayStartHour);
  const now = ctx.nowIso;
  const logged = ctx.db.selectFrom('complaints as c').where('c.day', '>=', from).where('c.day', '<=', to);

  const [totals, categories, bySeverity, closed, nps, asked] = await Promise.all([
    logged
      .select([
        sql<number>`count(*)`.as('total'),
        sql<number>`count(c.first_response_at)`.as('responded'),
        sql<number | null>`sum((julianday(c.first_response_at) - julianday(c.created_at)) * 86400000)`.as('responseMs'),
        sql<number>`count(c.resolved_at)`.as('resolved'),
        sql<number | null>`sum((julianday(c.resolved_at) - julianday(c.created_at)) * 86400000)`.as('resolutionMs'),
        sql<number>`coalesce(sum(c.first_response_at is not null or c.first_response_due < ${now}), 0)`.as(
          'responseDue',
        ),
        sql<number>`coalesce(sum(coalesce(c.first_response_at > c.first_response_due, c.first_response_due < ${now})), 0)`.as(
          'responseMissed',
        ),
        sql<number>`coalesce(sum(c.resolved_at is not null or c.resolution_due < ${now}), 0)`.as('resolutionDue'),
        sql<number>`coalesce(sum(coalesce(c.resolved_at > c.resolution_due, c.resolution_due < ${now})), 0)`.as(
          'resolutionMissed',
        ),
      ])
      .executeTakeFirstOrThrow(),
    logged
      .innerJoin('complaint_categories as k', 'k.id', 'c.category_id')
      .groupBy('k.id')
      .select(['k.id', 'k.key', 'k.name', 'k.active', 'k.rank', sql<number>`count(*)`.as('n')])
      .orderBy('k.rank')
      .orderBy('k.id')
      .execute(),
    logged
      .groupBy('c.severity')
      .select(['c.severity', sql<number>`count(*)`.as('n')])
      .execute(),
    // A shop closes tens of complaints a month: reading their scores costs less than a query a month.
    ctx.db
      .selectFrom('complaints')
      .select(['closed_at', 'csat_score'])
      .where('closed_at', '>=', start)
      .where('closed_at', '<', end)
      .execute(),
    ctx.db
      .selectFrom('survey_members')
      .where('responded_day', '>=', from)
      .where('responded_day', '<=', to)
      .where('score', 'is not', null)
      .select([
        sql<number>`coalesce(sum(score >= 9), 0)`.as('promoters'),
        sql<number>`coalesce(sum(score between 7 and 8), 0)`.as('passives'),
        sql<number>`coalesce(sum(score <= 6), 0)`.as('detractors'),
      ])
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('survey_members as sm')
      .innerJoin('surveys as v', 'v.id', 'sm.survey_id')
      .where('v.created_at', '>=', start)
      .where('v.created_at', '<', end)
      .select([sql<number>`count(*)`.as('asked'), sql<number>`count(sm.score)`.as('answered')])
      .executeTakeFirstOrThrow(),
  ]);

  const severityCounts = new Map(bySeverity.map((r) => [r.severity, Number(r.n)]));
  const scores = closed.flatMap((r) => (r.csat_score === null ? [] : [r.csat_score]));
  const byMonth = new Map<string, number[]>();
  for (const r of closed) {
    if (r.csat_score === null) continue;
    const month = businessDay(r.closed_at!, s.timeZone, s.dayStartHour).slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), r.csat_score]);
  }
  const csatTrend: CsatPoint[] = monthsOf(from, to).map((month) => {
    const m = byMonth.get(month) ?? [];
    return { month, average: csatAverage(m), responses: m.length };
  });

  return {
    from,
    to,
    total: Number(totals.total),
    byCategory: categories.map((k) => ({
      category: {
        id: k.id,
        key: builtInCategories.includes(k.key as BuiltInCategory) ? (k.key as BuiltInCategory) : null,
        name: k.name,
        active: k.active === 1,
      },
      count: Number(k.n),
    })),
    bySeverity: severities.map((severity: Severity) => ({ severity, count: severityCounts.get(severity) ?? 0 })),
    meanFirstResponseMinutes: mean(totals.responseMs, Number(totals.responded)),
    meanResolutionMinutes: mean(totals.resolutionMs, Number(totals.resolved)),
    firstResponseBreachPct: percentOf(Number(totals.responseMissed), Number(totals.responseDue)),
    resolutionBreachPct: percentOf(Number(totals.resolutionMissed), Number(totals.resolutionDue)),
    csatAverage: csatAverage(scores),
    csatResponsePct: percentOf(scores.length, closed.length),
    csatTrend,
    nps: npsFigures(Number(nps.promoters), Number(nps.passives), Number(nps.detractors)),
    npsResponsePct: percentOf(Number(asked.answered), Number(asked.asked)),
  };
}
