import type { WalletSummary } from '../../../shared/wallet.js';
import type { Ctx } from '../../context.js';
import { shopToday } from '../members/view.js';
import { balanceOf } from './ledger.js';
import { loadWalletSettings } from './settings.js';

/**
 * The counter's stored-value card: the two cached balances (a primary-key lookup) and how many of
 * the member's count cards can still be used today (the `visitcards_member` index, a handful of
 * rows per member). Nothing here grows with the number of members.
 */
export async function walletSummary(ctx: Ctx, memberId: number): Promise<WalletSummary> {
  const balance = await balanceOf(ctx, memberId);
  const today = shopToday(ctx);
  const cards = await ctx.db
    .selectFrom('visitcards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .where('refunded_at', 'is', null)
    .where('uses_left', '>', 0)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]))
    .executeTakeFirstOrThrow();
  const { capFen } = await loadWalletSettings(ctx.db);
  return {
    memberId,
    ...balance,
    totalFen: balance.principalFen + balance.bonusFen,
    capFen,
    activeVisitcards: Number(cards.n),
  };
}
