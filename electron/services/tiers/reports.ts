import { sql } from 'kysely';
import type { Page } from '../../../shared/domain.js';
import { addDays } from '../../../shared/rules/earning.js';
import { reviewRank, windowFrom } from '../../../shared/rules/tiers.js';
import type { AtRiskMember, TierChange, TierDistributionRow } from '../../../shared/tiers.js';
import type { Ctx } from '../../context.js';
import { listedPhone, shopToday } from '../members/view.js';
import { tierCounts } from './config.js';
import { loadTierBook } from './state.js';
import { changeQuery, toChange } from './view.js';

/**
 * Members reviewed within `days` whose growth that will still count on the review day misses
 * their tier's retention: unless they buy, they drop. Soonest review first, then most missing.
 * Growth is summed per review day (at most `days` + 1 queries), each over that day's own window.
 */
export async function atRisk(
  ctx: Ctx,
  input: { days: number; page: number; pageSize: number },
): Promise<Page<AtRiskMember>> {
  const { tiers, settings } = await loadTierBook(ctx.db);
  const today = shopToday(ctx);
  const reviewDays = await ctx.db
    .selectFrom('member_tiers')
    .select('review_on')
    .distinct()
    .where('review_on', '>=', today)
    .where('review_on', '<=', addDays(today, input.days))
    .where('manual_until', 'is', null)
    .orderBy('review_on')
    .execute();
  const found: AtRiskMember[] = [];
  for (const { review_on: reviewOn } of reviewDays) {
    const from = windowFrom(reviewOn!, settings.window) ?? '0000-01-01';
    const rows = await sql<{
      member_id: number;
      name: string;
      member_no: string;
      phone: string;
      tier_id: number;
      growth: number;
    }>`select mt.member_id, m.name, m.member_no, m.phone, mt.tier_id,
        coalesce((select sum(g.growth) from growth_ledger g
          where g.member_id = mt.member_id and g.day >= ${from} and g.day <= ${reviewOn}), 0)
        + coalesce((select sum(o.spend_fen / 100) from member_opening_balances o
          where o.member_id = mt.member_id and o.day >= ${from} and o.day <= ${reviewOn}), 0) * ${settings.growthPerYuan}
          as growth
      from member_tiers mt join members m on m.id = mt.member_id
      where mt.review_on = ${reviewOn} and mt.manual_until is null
        and m.archived_at is null and m.erased_at is null and m.merged_into is null`.execute(ctx.db);
    for (const r of rows.rows) {
      const tier = tiers.find((t) => t.id === r.tier_id);
      if (!tier || r.growth >= tier.retention) continue;
      found.push({
        memberId: r.member_id,
        memberName: r.name,
        memberNo: r.member_no,
        phone: listedPhone(ctx, r.phone),
        tier: tier.name,
        tierColor: tier.color,
        reviewOn: reviewOn!,
        growth: r.growth,
        retention: tier.retention,
        missing: tier.retention - r.growth,
        dropsTo: tiers[reviewRank(tiers, tier.rank, r.growth, settings.dropMode)]!.name,
      });
    }
  }
  found.sort((a, b) => a.reviewOn.localeCompare(b.reviewOn) || b.missing - a.missing || a.memberId - b.memberId);
  const start = (input.page - 1) * input.pageSize;
  return { rows: found.slice(start, start + input.pageSize), total: found.length };
}

/** Tier changes between two shop days; up and down compare the tiers' current ranks. */
export async function tierChanges(
  ctx: Ctx,
  input: { from: string; to: string; direction: 'all' | 'up' | 'down'; page: number; pageSize: number },
): Promise<Page<TierChange>> {
  let q = changeQuery(ctx).where('c.day', '>=', input.from).where('c.day', '<=', input.to);
  if (input.direction === 'up') q = q.whereRef('t.rank', '>', 'f.rank');
  if (input.direction === 'down') q = q.whereRef('t.rank', '<', 'f.rank');
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('c.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows: rows.map(toChange), total: Number(total.n) };
}

export async function tierDistribution(ctx: Ctx): Promise<TierDistributionRow[]> {
  const { tiers } = await loadTierBook(ctx.db);
  const counts = await tierCounts(ctx.db, tiers);
  return tiers.map((t) => ({ tierId: t.id, name: t.name, color: t.color, members: counts.get(t.id) ?? 0 }));
}
