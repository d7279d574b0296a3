import { refundShare } from '../../../shared/rules/earning.js';
import { purchaseGrowth } from '../../../shared/rules/tiers.js';
import type { TierOutcome } from '../../../shared/tiers.js';
import type { Ctx } from '../../context.js';
import { shopToday } from '../members/view.js';
import { addGrowth, purchaseGrowthSoFar } from './growth.js';
import { cachedTierBook, revertUpgrades, upgradeIfQualified, type TierBook } from './state.js';

interface PurchaseFigures {
  id: number;
  member_id: number;
  amount_fen: number;
  points_used_fen: number;
  coupon_fen: number;
  day: string;
  at: string;
}

/** A purchase's growth value, and the upgrade it brings, in the purchase's transaction. */
export async function growPurchase(ctx: Ctx, book: TierBook, p: PurchaseFigures): Promise<TierOutcome> {
  const growth = purchaseGrowth(p.amount_fen - p.points_used_fen - p.coupon_fen, book.settings.growthPerYuan);
  await addGrowth(ctx, {
    memberId: p.member_id,
    kind: 'purchase',
    growth,
    refType: 'purchase',
    refId: p.id,
    day: p.day,
  });
  const change =
    growth > 0 ? await upgradeIfQualified(ctx, book, p.member_id, { type: 'purchase', id: p.id }, growth) : null;
  return { growthDelta: growth, change };
}

/**
 * A refund takes back the purchase's growth in proportion to the money, on the running total (the
 * last refund settles it exactly), counted on the purchase's own day; then an upgrade that no longer
 * stands on its growth is reverted.
 */
export async function shrinkForRefund(ctx: Ctx, p: PurchaseFigures, refundedAfterFen: number): Promise<TierOutcome> {
  const book = await cachedTierBook(ctx);
  const { earned, taken } = await purchaseGrowthSoFar(ctx, p.member_id, p.id);
  const share = refundShare(earned, p.amount_fen, refundedAfterFen, taken);
  await addGrowth(ctx, {
    memberId: p.member_id,
    kind: 'refund',
    growth: -share,
    refType: 'purchase',
    refId: p.id,
    day: p.day,
  });
  const change = share > 0 ? await revertUpgrades(ctx, book, p.member_id, p) : null;
  return { growthDelta: -share, change };
}

/** Attending an activity earns growth when the shop says so (and may upgrade). */
export async function growForActivity(ctx: Ctx, memberId: number, activityId: number): Promise<void> {
  const book = await cachedTierBook(ctx);
  const growth = book.settings.activityGrowth;
  if (growth <= 0) return;
  await addGrowth(ctx, {
    memberId,
    kind: 'activity',
    growth,
    refType: 'activity',
    refId: activityId,
    day: shopToday(ctx),
  });
  await upgradeIfQualified(ctx, book, memberId, { type: 'activity', id: activityId }, growth);
}
