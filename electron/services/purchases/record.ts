import type { PaymentMethod, PurchaseResult } from '../../../shared/points.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { earnedPoints } from '../../../shared/rules/earning.js';
import { requireStaff, type Ctx } from '../../context.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { credit, debit, usableOf } from '../points/ledger.js';
import { awardReferral } from '../points/referral.js';
import { loadPointsRules } from '../points/rules.js';
import { pointsSummary } from '../points/summary.js';
import { growPurchase } from '../tiers/earnGrowth.js';
import { bringTierUpToDate } from '../tiers/review.js';
import { cachedTierBook } from '../tiers/state.js';
import { addEvent } from '../timeline.js';
import { payStoredValue, planStoredValue } from '../wallet/purchasePart.js';
import { toPurchase } from './view.js';

export interface PurchaseInput {
  memberId: number;
  amountFen: number;
  pointsUsed: number;
  couponFen: number;
  /** The part paid from stored value; 0 with method 'storedValue' means all the money part. */
  storedValueFen?: number;
  receiptNo: string;
  category: string;
  items: string;
  paymentMethod: PaymentMethod;
}

/**
 * A purchase at the counter, in one transaction: the purchase row, the points it was paid with
 * (taken from the soonest-expiring usable lots), the points it earns (a new lot), the referrer's
 * first-purchase bonus, the stored value it was paid with (both parts, in the shop's draw order;
 * the shop's setting decides whether that part earns points), and the timeline event. Liuke
 * records the sale; the till takes the money.
 */
export async function recordPurchase(ctx: Ctx, input: PurchaseInput): Promise<PurchaseResult> {
  const me = requireStaff(ctx);
  const member = await mustGetWritable(ctx, input.memberId);
  if (member.archived_at !== null) throw appError('CONFLICT', 'errors.purchase.memberArchived');
  const rules = await loadPointsRules(ctx.db);
  const pointsUsedFen = input.pointsUsed * rules.pointValueFen;
  if (input.couponFen > input.amountFen) throw fieldError('couponFen', 'errors.purchase.partsExceedAmount');
  if (pointsUsedFen + input.couponFen > input.amountFen)
    throw fieldError('pointsUsed', 'errors.purchase.partsExceedAmount');
  if (input.pointsUsed > 0) {
    const usable = await usableOf(ctx, member.id);
    if (usable < input.pointsUsed) throw fieldError('pointsUsed', 'errors.points.notEnough', { usable });
  }
  const sv = await planStoredValue(ctx, member.id, {
    amountFen: input.amountFen,
    pointsUsedFen,
    couponFen: input.couponFen,
    storedValueFen: input.storedValueFen ?? 0,
    paymentMethod: input.paymentMethod,
  });
  const day = shopToday(ctx);
  const book = await cachedTierBook(ctx);
  // The tier held when buying, after any review or manual end that was due: it sets the multiplier.
  const held = await bringTierUpToDate(ctx, book, member.id);
  const earned = earnedPoints(rules, {
    amountFen: input.amountFen,
    pointsUsedFen,
    couponFen: input.couponFen,
    unearnedFen: sv.unearnedFen,
    category: input.category,
    day,
    tierPct: held.tier.multiplierPct,
  });

  const row = await ctx.db
    .insertInto('purchases')
    .values({
      member_id: member.id,
      amount_fen: input.amountFen,
      points_used: input.pointsUsed,
      points_used_fen: pointsUsedFen,
      coupon_fen: input.couponFen,
      receipt_no: input.receiptNo,
      category: input.category,
      items: input.items,
      payment_method: sv.paymentMethod,
      stored_value_fen: sv.storedValueFen,
      points_earned: earned.points,
      request_id: ctx.requestId,
      at: ctx.nowIso,
      day,
      staff_id: me.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const ref = { memberId: member.id, refType: 'purchase', refId: row.id };
  if (input.pointsUsed > 0) await debit(ctx, { ...ref, kind: 'pay' }, input.pointsUsed, { usableOnly: true });
  const wallet = await payStoredValue(ctx, member.id, row.id, sv);
  if (earned.points > 0) await credit(ctx, rules, { ...ref, kind: 'purchase' }, earned.points, { freeze: true });
  await awardReferral(ctx, rules, member, 'firstPurchase');
  const tier = await growPurchase(ctx, book, row);
  await addEvent(ctx, member.id, 'purchase', {
    purchaseId: row.id,
    amountFen: row.amount_fen,
    points: earned.points,
    pointsUsed: input.pointsUsed,
    storedValueFen: sv.storedValueFen,
    promotion: earned.promotion,
    growth: tier.growthDelta,
  });
  return { purchase: await toPurchase(ctx, row), summary: await pointsSummary(ctx, member.id), tier, wallet };
}
