import { fieldError } from '../../../shared/errors.js';
import { formatFen } from '../../../shared/rules/money.js';
import { runningShare, splitSpend } from '../../../shared/rules/wallet.js';
import type { PaymentMethod } from '../../../shared/points.js';
import type { Balance, WalletSummary } from '../../../shared/wallet.js';
import type { Ctx } from '../../context.js';
import { balanceOf, post } from './ledger.js';
import { loadWalletSettings } from './settings.js';
import { walletSummary } from './summary.js';

/**
 * The stored-value part of a purchase (issue 8 §1): how much of it stored value pays, which parts
 * of the balance that takes, and how much of it earns no points. Figured before anything is
 * written, so a short balance refuses the purchase whole.
 */
export interface StoredValuePlan {
  storedValueFen: number;
  parts: Balance;
  /** The stored-value part that earns no points under the shop's setting. */
  unearnedFen: number;
  /** The method stored on the purchase: 'storedValue' when stored value paid all the money part. */
  paymentMethod: PaymentMethod;
}

export async function planStoredValue(
  ctx: Ctx,
  memberId: number,
  p: {
    amountFen: number;
    pointsUsedFen: number;
    couponFen: number;
    storedValueFen: number;
    paymentMethod: PaymentMethod;
  },
): Promise<StoredValuePlan> {
  const moneyFen = p.amountFen - p.pointsUsedFen - p.couponFen;
  // "Stored value" chosen as the method with no amount: it pays the whole money part.
  const storedValueFen = p.paymentMethod === 'storedValue' && p.storedValueFen === 0 ? moneyFen : p.storedValueFen;
  if (storedValueFen > moneyFen) throw fieldError('storedValueFen', 'errors.purchase.partsExceedAmount');
  if (p.paymentMethod === 'storedValue' && storedValueFen < moneyFen)
    throw fieldError('paymentMethod', 'errors.wallet.restNeedsMethod', { rest: formatFen(moneyFen - storedValueFen) });
  const paymentMethod = storedValueFen > 0 && storedValueFen === moneyFen ? 'storedValue' : p.paymentMethod;
  if (storedValueFen === 0)
    return { storedValueFen, parts: { principalFen: 0, bonusFen: 0 }, unearnedFen: 0, paymentMethod };
  const balance = await balanceOf(ctx, memberId);
  const total = balance.principalFen + balance.bonusFen;
  if (storedValueFen > total)
    throw fieldError('storedValueFen', 'errors.wallet.notEnough', { balance: formatFen(total) });
  const settings = await loadWalletSettings(ctx.db);
  const parts = splitSpend(balance, storedValueFen, settings.drawOrder);
  const unearnedFen =
    settings.pointsOnStoredValue === 'all'
      ? 0
      : settings.pointsOnStoredValue === 'principal'
        ? parts.bonusFen
        : storedValueFen;
  return { storedValueFen, parts, unearnedFen, paymentMethod };
}

/** Takes the planned part from the balance for the recorded purchase; the member's stored value after. */
export async function payStoredValue(
  ctx: Ctx,
  memberId: number,
  purchaseId: number,
  plan: StoredValuePlan,
): Promise<WalletSummary | null> {
  if (plan.storedValueFen === 0) return null;
  // The plan's parts, figured on this transaction's balance: no second read of it or the settings.
  const { principalFen, bonusFen } = plan.parts;
  await post(
    ctx,
    { memberId, kind: 'spend', refType: 'purchase', refId: purchaseId },
    { principalFen: -principalFen, bonusFen: -bonusFen },
  );
  return walletSummary(ctx, memberId);
}

/**
 * What a purchase refund gives back to stored value, figured on the running total like its points:
 * the stored-value share of the money refunded so far, less what earlier refunds gave, split into
 * the principal and bonus the purchase took in the same proportion. The refund that completes the
 * purchase returns exactly the rest of each part. No cap check: this money was the member's.
 */
export async function returnStoredValue(
  ctx: Ctx,
  purchase: { id: number; member_id: number; amount_fen: number; stored_value_fen: number },
  refundId: number,
  refundedAfter: number,
): Promise<Balance | null> {
  const sv = purchase.stored_value_fen;
  if (sv === 0) return null;
  const taken = await ctx.db
    .selectFrom('wallet_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('principal_fen'), eb.lit(0)).as('p'))
    .where('ref_type', '=', 'purchase')
    .where('ref_id', '=', purchase.id)
    .where('kind', '=', 'spend')
    .executeTakeFirstOrThrow();
  const before = await ctx.db
    .selectFrom('purchase_refunds')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('wallet_principal_fen'), eb.lit(0)).as('p'),
      eb.fn.coalesce(eb.fn.sum<number>('wallet_bonus_fen'), eb.lit(0)).as('b'),
    ])
    .where('purchase_id', '=', purchase.id)
    .where('id', '<>', refundId)
    .executeTakeFirstOrThrow();
  const principalBefore = Number(before.p);
  const svBefore = principalBefore + Number(before.b);
  const svBack = runningShare(sv, purchase.amount_fen, refundedAfter, svBefore);
  const principalFen = runningShare(-Number(taken.p), sv, svBefore + svBack, principalBefore);
  const back = { principalFen, bonusFen: svBack - principalFen };
  if (svBack > 0)
    await post(ctx, { memberId: purchase.member_id, kind: 'spendReturn', refType: 'refund', refId: refundId }, back);
  await ctx.db
    .updateTable('purchase_refunds')
    .set({ wallet_principal_fen: back.principalFen, wallet_bonus_fen: back.bonusFen })
    .where('id', '=', refundId)
    .execute();
  return back;
}
