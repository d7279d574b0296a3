import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { PointsRules, Rounding, StreakBonus } from '../points.js';

dayjs.extend(utc);

/** a × b / c rounded as the shop chose, in BigInt so no product ever loses a unit. */
function mulDiv(a: bigint, b: bigint, c: bigint, rounding: Rounding): number {
  const n = a * b;
  let q = n / c;
  const r = n % c;
  if (r !== 0n && (rounding === 'up' || (rounding === 'nearest' && 2n * r >= c))) q += 1n;
  return Number(q);
}

export interface EarnInput {
  amountFen: number;
  /** Parts settled by points and by a coupon: excluded from the base unless the rules say otherwise. */
  pointsUsedFen: number;
  couponFen: number;
  /** A part paid that earns nothing (stored value, by the shop's setting); always off the base. */
  unearnedFen?: number;
  category: string;
  /** The purchase's business day (promotions are by business day). */
  day: string;
  /** The member's tier multiplier in percent (100 until tiers supply one). */
  tierPct: number;
}

export interface Earned {
  points: number;
  baseFen: number;
  /** Tier × promotion, in percent of the base rate. */
  multiplierPct: number;
  promotion: string | null;
  excluded: boolean;
}

/**
 * Points a purchase earns: the base (what was paid in money, unless the shop also rewards the
 * points or coupon part, less any part that earns nothing) × the base rate × the tier multiplier
 * × the best promotion running that day for the category, rounded once at the end. Promotions do
 * not stack: the highest applies.
 */
export function earnedPoints(rules: PointsRules, p: EarnInput): Earned {
  const paidFen = rules.earnOnPointsAndCoupons ? p.amountFen : p.amountFen - p.pointsUsedFen - p.couponFen;
  const baseFen = paidFen - (p.unearnedFen ?? 0);
  const excluded = p.category !== '' && rules.excludedCategories.includes(p.category);
  let promoPct = 100;
  let promotion: string | null = null;
  for (const promo of rules.promotions) {
    if (p.day < promo.from || p.day > promo.to) continue;
    if (promo.categories.length > 0 && !promo.categories.includes(p.category)) continue;
    if (promo.multiplierPct > promoPct) {
      promoPct = promo.multiplierPct;
      promotion = promo.name;
    }
  }
  const multiplierPct = Math.round((p.tierPct * promoPct) / 100);
  if (excluded || baseFen <= 0) return { points: 0, baseFen: Math.max(baseFen, 0), multiplierPct, promotion, excluded };
  const points = mulDiv(
    BigInt(baseFen) * BigInt(rules.earnPoints),
    BigInt(p.tierPct) * BigInt(promoPct),
    BigInt(rules.perFen) * 10000n,
    rules.rounding,
  );
  return { points, baseFen, multiplierPct, promotion, excluded };
}

/**
 * What a refund takes back. Computed on the running total, so partial refunds never add up to
 * more than the purchase earned, and the refund that completes the purchase takes back exactly
 * the rest: floor(earned × refunded so far / amount) − what earlier refunds took.
 */
export function refundShare(total: number, amountFen: number, refundedAfterFen: number, takenBefore: number): number {
  if (refundedAfterFen >= amountFen) return total - takenBefore;
  const due = Number((BigInt(total) * BigInt(refundedAfterFen)) / BigInt(amountFen));
  return Math.max(0, due - takenBefore);
}

export function addDays(day: string, days: number): string {
  return dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD');
}

/** Whole days from one business day to another. */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

/** The last business day a lot earned on `day` can be spent, or null when points never expire. */
export function lotExpiresOn(policy: PointsRules['expiry'], day: string): string | null {
  switch (policy.kind) {
    case 'never':
      return null;
    case 'rolling':
      return dayjs.utc(day).add(policy.months, 'month').subtract(1, 'day').format('YYYY-MM-DD');
    case 'annual': {
      const [m, d] = policy.monthDay.split('-').map(Number) as [number, number];
      const year = Number(day.slice(0, 4)) + 1;
      // dayjs rolls 02-30 into March; clamp to the month's last day instead.
      const first = dayjs.utc(`${year}-${String(m).padStart(2, '0')}-01`);
      return first.date(Math.min(d, first.daysInMonth())).format('YYYY-MM-DD');
    }
  }
}

/** The bonus a check-in on this day of a streak pays (the largest bonus whose day divides the streak). */
export function streakBonus(bonuses: StreakBonus[], streak: number): number {
  let best = 0;
  for (const b of bonuses) if (streak % b.day === 0 && b.points > best) best = b.points;
  return best;
}
