import { periodKey, reviewRank, windowFrom } from '../../../shared/rules/tiers.js';
import type { MemberTier, ServicePeriod, TierChange, TierChangeKind } from '../../../shared/tiers.js';
import type { Ctx } from '../../context.js';
import { mustGetMember } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { growthOf } from './growth.js';
import { loadTierBook, tierStateOf } from './state.js';

/**
 * Everything the member page and the counter say about a member's tier: growth in the window, how
 * much the next tier needs, when the tier is reviewed and what keeps it, a manual tier's end, and
 * the free services left this period.
 */
export async function memberTier(ctx: Ctx, memberId: number): Promise<MemberTier> {
  await mustGetMember(ctx, memberId);
  const book = await loadTierBook(ctx.db);
  const { tiers, settings } = book;
  const today = shopToday(ctx);
  const { row, tier } = await tierStateOf(ctx.db, tiers, memberId);
  const growth = await growthOf(ctx.db, settings, memberId, today);
  const lifetimeGrowth =
    settings.window === 'lifetime'
      ? growth
      : await growthOf(ctx.db, { ...settings, window: 'lifetime' }, memberId, today);
  const nextTier = tiers[tier.rank + 1];
  let review: MemberTier['review'] = null;
  if (row?.review_on && !row.manual_until) {
    // Growth now that will still be in the window on the review day.
    const atReview = await growthOf(ctx.db, settings, memberId, row.review_on);
    const dropsTo = tiers[reviewRank(tiers, tier.rank, atReview, settings.dropMode)]!;
    review = {
      on: row.review_on,
      retention: tier.retention,
      counted: atReview,
      missing: Math.max(0, tier.retention - atReview),
      dropsTo,
    };
  }
  const manualBy = row?.manual_by
    ? await ctx.db.selectFrom('staff').select('display_name').where('id', '=', row.manual_by).executeTakeFirst()
    : undefined;
  const services = [];
  for (const s of tier.services) {
    const key = periodKey(today, s.period as ServicePeriod);
    const used = await ctx.db
      .selectFrom('tier_service_uses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('member_id', '=', memberId)
      .where('service_id', '=', s.id)
      .where('period_key', '=', key)
      .where('undone_at', 'is', null)
      .executeTakeFirstOrThrow();
    services.push({ ...s, periodKey: key, used: Number(used.n), left: Math.max(0, s.quantity - Number(used.n)) });
  }
  return {
    memberId,
    tier,
    growth,
    lifetimeGrowth,
    window: settings.window,
    windowFrom: windowFrom(today, settings.window),
    next: nextTier ? { tier: nextTier, missing: Math.max(0, nextTier.threshold - growth) } : null,
    review,
    since: row?.since ?? null,
    manual:
      row?.manual_until != null
        ? {
            until: row.manual_until,
            reason: row.manual_reason,
            byName: manualBy?.display_name ?? null,
            at: row.manual_at ?? '',
          }
        : null,
    services,
  };
}

/** Tier changes with names, for the member's history and the changes report. */
export function changeQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('tier_changes as c')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .innerJoin('tiers as t', 't.id', 'c.to_tier_id')
    .leftJoin('tiers as f', 'f.id', 'c.from_tier_id')
    .leftJoin('staff as s', 's.id', 'c.staff_id')
    .select([
      'c.id',
      'c.member_id',
      'm.name as member_name',
      'm.member_no',
      'c.kind',
      'f.name as from_name',
      't.name as to_name',
      'c.growth',
      'c.reason',
      's.display_name as staff_name',
      'c.at',
      'c.day',
    ]);
}

type ChangeRow = Awaited<ReturnType<ReturnType<typeof changeQuery>['execute']>>[number];

export function toChange(r: ChangeRow): TierChange {
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    memberNo: r.member_no,
    kind: r.kind as TierChangeKind,
    fromTier: r.from_name,
    toTier: r.to_name,
    growth: r.growth,
    reason: r.reason,
    staffName: r.staff_name,
    at: r.at,
    day: r.day,
  };
}

export async function tierHistory(ctx: Ctx, memberId: number): Promise<TierChange[]> {
  await mustGetMember(ctx, memberId);
  const rows = await changeQuery(ctx).where('c.member_id', '=', memberId).orderBy('c.id', 'desc').limit(200).execute();
  return rows.map(toChange);
}
