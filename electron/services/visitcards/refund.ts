import { appError } from '../../../shared/errors.js';
import { refundFee, runningShare, unusedValue } from '../../../shared/rules/wallet.js';
import type { VisitcardRefundResult } from '../../../shared/visitcards.js';
import type { TillMethod } from '../../../shared/wallet.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { addEvent } from '../timeline.js';
import { post } from '../wallet/ledger.js';
import { loadWalletSettings } from '../wallet/settings.js';
import { walletSummary } from '../wallet/summary.js';
import { cardView, mustGetCard } from './view.js';

/**
 * Refunds a card's unused visits pro rata (owner, manager): price × unused ÷ total, rounded down,
 * less the fee the terms allow. A card bought with stored value is refunded to stored value, into
 * the parts it was paid from (principal first on the running share, so a full refund returns
 * exactly what was taken); any other card is paid out by the method given. Expired cards may be
 * refunded too: their unused visits are still the member's. A card with no visits left has nothing
 * to refund and is refused.
 */
export async function refundCard(
  ctx: Ctx,
  input: { cardId: number; payoutMethod: TillMethod; reason: string },
): Promise<VisitcardRefundResult> {
  const me = requireStaff(ctx);
  const card = await mustGetCard(ctx, input.cardId);
  await mustGetWritable(ctx, card.member_id);
  if (card.refunded_at !== null) throw appError('CONFLICT', 'errors.visitcards.refunded');
  const unused = card.uses_left;
  if (unused === 0) throw appError('CONFLICT', 'errors.visitcards.nothingToRefund');
  const settings = await loadWalletSettings(ctx.db);
  const value = unusedValue(card.price_fen, card.uses_total, unused);
  const feeFen = refundFee(value, settings.visitcardRefundFeePct);
  const refundFen = value - feeFen;

  const toWallet = card.payment_method === 'storedValue';
  let entryId: number | null = null;
  if (toWallet && card.wallet_entry_id !== null && refundFen > 0) {
    const sale = await ctx.db
      .selectFrom('wallet_ledger')
      .select(['principal_fen'])
      .where('id', '=', card.wallet_entry_id)
      .executeTakeFirstOrThrow();
    const principalFen = runningShare(-sale.principal_fen, card.price_fen, refundFen, 0);
    entryId = await post(
      ctx,
      { memberId: card.member_id, kind: 'spendReturn', refType: 'visitcardRefund', refId: card.id },
      { principalFen, bonusFen: refundFen - principalFen },
    );
  }
  const refundMethod = toWallet ? 'storedValue' : input.payoutMethod;
  await ctx.db
    .updateTable('visitcards')
    .set({
      refunded_at: ctx.nowIso,
      refunded_uses: unused,
      uses_left: 0,
      refund_fen: refundFen,
      refund_method: refundMethod,
      refund_entry_id: entryId,
      refund_reason: input.reason,
      refund_staff_id: me.id,
      refund_day: shopToday(ctx),
    })
    .where('id', '=', card.id)
    .execute();
  const data = { cardId: card.id, name: card.name, unused, refundFen, feeFen, method: refundMethod };
  await addEvent(ctx, card.member_id, 'visitcardRefunded', data, input.reason);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'visitcards.refunded',
    details: { cardId: card.id, memberId: card.member_id, unused, refundFen, feeFen, method: refundMethod },
  });
  return {
    card: await cardView(ctx, card.id),
    refundFen,
    feeFen,
    refundMethod,
    wallet: toWallet ? await walletSummary(ctx, card.member_id) : null,
  };
}
