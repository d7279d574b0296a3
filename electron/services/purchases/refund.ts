import type { RefundResult } from '../../../shared/points.js';
import { fieldError } from '../../../shared/errors.js';
import { formatFen } from '../../../shared/rules/money.js';
import { refundShare } from '../../../shared/rules/earning.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { shopToday } from '../members/view.js';
import { debit, restore } from '../points/ledger.js';
import { pointsSummary } from '../points/summary.js';
import { shrinkForRefund } from '../tiers/earnGrowth.js';
import { addEvent } from '../timeline.js';
import { returnStoredValue } from '../wallet/purchasePart.js';
import { walletSummary } from '../wallet/summary.js';
import { mustGetPurchase, toPurchase } from './view.js';

/** The purchase's own ledger entry of a kind: its earning lot, or the points it was paid with. */
async function entryOf(ctx: Ctx, kind: 'pay' | 'purchase', purchaseId: number): Promise<number | undefined> {
  const row = await ctx.db
    .selectFrom('points_ledger')
    .select('id')
    .where('kind', '=', kind)
    .where('ref_type', '=', 'purchase')
    .where('ref_id', '=', purchaseId)
    .executeTakeFirst();
  return row?.id;
}

export interface RefundInput {
  purchaseId: number;
  amountFen: number;
  reason: string;
}

/**
 * A full or partial refund of one purchase. Points move in proportion to the money: the share of
 * the points the purchase paid with comes back to the lots it came from, and the share it earned
 * is taken back — its own lot first, then the soonest-expiring. Shares are figured on the running
 * total, so refunds never take back more than the purchase earned and the last one settles it
 * exactly. Points the member has already spent are not taken (a balance never goes below zero):
 * the refund records them as its shortfall, and the clerk sees it. Stored value the purchase was
 * paid with goes back the same way, on the running total, to the principal and bonus it came from.
 */
export async function refundPurchase(ctx: Ctx, input: RefundInput): Promise<RefundResult> {
  const me = requireStaff(ctx);
  const purchase = await mustGetPurchase(ctx, input.purchaseId);
  const refundable = purchase.amount_fen - purchase.refunded_fen;
  if (refundable === 0) throw fieldError('amountFen', 'errors.purchase.fullyRefunded');
  if (input.amountFen > refundable)
    throw fieldError('amountFen', 'errors.purchase.refundTooLarge', { max: formatFen(refundable) });

  const before = await ctx.db
    .selectFrom('purchase_refunds')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('points_reversed'), eb.lit(0)).as('reversed'),
      eb.fn.coalesce(eb.fn.sum<number>('points_shortfall'), eb.lit(0)).as('shortfall'),
      eb.fn.coalesce(eb.fn.sum<number>('points_returned'), eb.lit(0)).as('returned'),
    ])
    .where('purchase_id', '=', purchase.id)
    .executeTakeFirstOrThrow();
  const refundedAfter = purchase.refunded_fen + input.amountFen;
  // What earlier refunds were due to take back, including what they could not.
  const dueBefore = Number(before.reversed) + Number(before.shortfall);
  const due = refundShare(purchase.points_earned, purchase.amount_fen, refundedAfter, dueBefore);
  const giveBack = refundShare(purchase.points_used, purchase.amount_fen, refundedAfter, Number(before.returned));

  const refund = await ctx.db
    .insertInto('purchase_refunds')
    .values({
      purchase_id: purchase.id,
      member_id: purchase.member_id,
      amount_fen: input.amountFen,
      points_reversed: 0,
      reason: input.reason,
      request_id: ctx.requestId,
      at: ctx.nowIso,
      day: shopToday(ctx),
      staff_id: me.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ref = { memberId: purchase.member_id, refType: 'refund', refId: refund.id };
  // Returned first: points the member paid with can cover what the refund takes back.
  if (giveBack > 0)
    await restore(ctx, (await entryOf(ctx, 'pay', purchase.id))!, giveBack, { ...ref, kind: 'payReturn' });
  const taken = await debit(ctx, { ...ref, kind: 'refund' }, due, {
    usableOnly: false,
    firstLot: await entryOf(ctx, 'purchase', purchase.id),
    allowShort: true,
  });
  await ctx.db
    .updateTable('purchase_refunds')
    .set({ points_reversed: taken.taken, points_shortfall: taken.shortfall, points_returned: giveBack })
    .where('id', '=', refund.id)
    .execute();
  const wallet = await returnStoredValue(ctx, purchase, refund.id, refundedAfter);
  const updated = await ctx.db
    .updateTable('purchases')
    .set({ refunded_fen: refundedAfter })
    .where('id', '=', purchase.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const data = {
    purchaseId: purchase.id,
    refundId: refund.id,
    amountFen: input.amountFen,
    points: taken.taken,
    shortfall: taken.shortfall,
    pointsReturned: giveBack,
    ...(wallet ? { walletPrincipalFen: wallet.principalFen, walletBonusFen: wallet.bonusFen } : {}),
  };
  await addEvent(ctx, purchase.member_id, 'refund', data, input.reason);
  const tier = await shrinkForRefund(ctx, purchase, refundedAfter);
  await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: 'purchases.refunded', details: data });
  return {
    refundId: refund.id,
    purchase: await toPurchase(ctx, updated),
    pointsReversed: taken.taken,
    shortfall: taken.shortfall,
    pointsReturned: giveBack,
    summary: await pointsSummary(ctx, purchase.member_id),
    tier,
    wallet: wallet && { ...wallet, summary: await walletSummary(ctx, purchase.member_id) },
  };
}
