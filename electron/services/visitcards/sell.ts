import { appError } from '../../../shared/errors.js';
import type { PaymentMethod } from '../../../shared/points.js';
import { expiresOn } from '../../../shared/rules/visitcards.js';
import type { SellResult } from '../../../shared/visitcards.js';
import { requireStaff, type Ctx } from '../../context.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { addEvent } from '../timeline.js';
import { spend } from '../wallet/ledger.js';
import { walletSummary } from '../wallet/summary.js';
import { cardView, toProduct } from './view.js';

export interface SellInput {
  memberId: number;
  productId: number;
  paymentMethod: PaymentMethod;
}

/**
 * Sells a count card at the counter: the product's terms are copied onto the card, so a later edit
 * of the product changes no card sold. Paid by any method; with stored value, the price is taken
 * from the member's balance in the shop's draw order and the parts are kept on the ledger row, so a
 * refund can return them. Selling a card earns no points and no tier growth (decision: the card is
 * paid in advance for visits, much like a top-up, not a purchase of goods).
 */
export async function sellCard(ctx: Ctx, input: SellInput): Promise<SellResult> {
  const me = requireStaff(ctx);
  const member = await mustGetWritable(ctx, input.memberId);
  if (member.archived_at !== null) throw appError('CONFLICT', 'errors.purchase.memberArchived');
  const row = await ctx.db
    .selectFrom('visitcard_products')
    .selectAll()
    .where('id', '=', input.productId)
    .executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.visitcards.productNotFound');
  if (row.active !== 1) throw appError('CONFLICT', 'errors.visitcards.productInactive');
  const product = toProduct(row);
  const day = shopToday(ctx);
  const expires = expiresOn(product.validity, day);
  // A fixed end date that has passed since the product was saved: the card would be dead on sale.
  if (expires !== null && expires < day)
    throw appError('CONFLICT', 'errors.visitcards.productEnded', { params: { day: expires } });

  const card = await ctx.db
    .insertInto('visitcards')
    .values({
      member_id: member.id,
      product_id: product.id,
      name: product.name,
      services: row.services,
      uses_total: product.uses,
      uses_left: product.uses,
      price_fen: product.priceFen,
      per_day_limit: product.perDayLimit,
      weekdays_only: product.weekdaysOnly ? 1 : 0,
      expires_on: expires,
      payment_method: input.paymentMethod,
      request_id: ctx.requestId,
      staff_id: me.id,
      at: ctx.nowIso,
      day,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const paidFromWallet = input.paymentMethod === 'storedValue';
  if (paidFromWallet && product.priceFen > 0) {
    const { entryId } = await spend(
      ctx,
      { memberId: member.id, refType: 'visitcard', refId: card.id },
      product.priceFen,
      'paymentMethod',
    );
    await ctx.db.updateTable('visitcards').set({ wallet_entry_id: entryId }).where('id', '=', card.id).execute();
  }
  await addEvent(ctx, member.id, 'visitcardSold', {
    cardId: card.id,
    name: product.name,
    uses: product.uses,
    priceFen: product.priceFen,
    method: input.paymentMethod,
  });
  return {
    card: await cardView(ctx, card.id),
    wallet: paidFromWallet ? await walletSummary(ctx, member.id) : null,
  };
}
