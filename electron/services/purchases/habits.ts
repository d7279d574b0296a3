import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { ConsumptionHabits } from '../../../shared/points.js';
import { daysBetween } from '../../../shared/rules/earning.js';
import type { Ctx } from '../../context.js';
import { mustGetMember } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { loadPointsRules } from '../points/rules.js';

dayjs.extend(utc);

/**
 * Consumption habits over the last 12 business months, from the member's purchases: visits (days
 * with a purchase) per month, average ticket and spend net of refunds, the shop's spend band, the
 * top three categories by spend, and the last visit ever.
 */
export async function consumptionHabits(ctx: Ctx, memberId: number): Promise<ConsumptionHabits> {
  await mustGetMember(ctx, memberId);
  const today = shopToday(ctx);
  const first = dayjs.utc(today).startOf('month').subtract(11, 'month');
  const from = first.format('YYYY-MM-DD');
  const rows = await ctx.db
    .selectFrom('purchases')
    .select(['day', 'amount_fen', 'refunded_fen', 'category'])
    .where('member_id', '=', memberId)
    .where('day', '>=', from)
    .execute();
  const months = Array.from({ length: 12 }, (_, i) => first.add(i, 'month').format('YYYY-MM'));
  const days = new Map<string, Set<string>>(months.map((m) => [m, new Set()]));
  const byCategory = new Map<string, number>();
  let spendFen = 0;
  let purchases = 0;
  for (const r of rows) {
    const net = r.amount_fen - r.refunded_fen;
    // A purchase refunded in full was not a visit that bought anything.
    if (net <= 0) continue;
    purchases += 1;
    spendFen += net;
    days.get(r.day.slice(0, 7))?.add(r.day);
    if (r.category) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + net);
  }
  const last = await ctx.db
    .selectFrom('purchases')
    .select((eb) => eb.fn.max<string>('day').as('day'))
    .where('member_id', '=', memberId)
    .whereRef('refunded_fen', '<', 'amount_fen')
    .executeTakeFirst();
  const rules = await loadPointsRules(ctx.db);
  const band = [...rules.spendBands].sort((a, b) => b.fromFen - a.fromFen).find((b) => spendFen >= b.fromFen);
  const lastVisit = last?.day ?? null;
  return {
    visitsByMonth: months.map((month) => ({ month, visits: days.get(month)!.size })),
    purchases,
    spendFen,
    averageTicketFen: purchases ? Math.round(spendFen / purchases) : null,
    spendBand: band?.name ?? null,
    topCategories: [...byCategory]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([category, fen]) => ({ category, spendFen: fen })),
    lastVisit,
    daysSinceLastVisit: lastVisit ? daysBetween(lastVisit, today) : null,
  };
}
