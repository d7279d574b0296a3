import { appError } from '../../../shared/errors.js';
import { refundFee } from '../../../shared/rules/wallet.js';
import type { PayoutResult, TillMethod } from '../../../shared/wallet.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { addEvent } from '../timeline.js';
import { balanceOf, post, setEntryRef } from './ledger.js';
import { loadWalletSettings } from './settings.js';
import { walletSummary } from './summary.js';

/**
 * 退余额 (owner, manager): the whole remaining principal is refunded, less the fee the published
 * terms allow (rounded down); the bonus is forfeited. Both parts leave the balance in one entry.
 * Bonus points once given with a top-up stay with the member. An archived member may still be paid
 * out: the shop owes them the money.
 */
export async function refundBalance(
  ctx: Ctx,
  input: { memberId: number; payoutMethod: TillMethod; reason: string },
): Promise<PayoutResult> {
  const me = requireStaff(ctx);
  const member = await mustGetWritable(ctx, input.memberId);
  const { principalFen, bonusFen } = await balanceOf(ctx, member.id);
  if (principalFen === 0 && bonusFen === 0) throw appError('CONFLICT', 'errors.wallet.nothingToRefund');
  const { refundFeePct } = await loadWalletSettings(ctx.db);
  const feeFen = refundFee(principalFen, refundFeePct);
  const payoutFen = principalFen - feeFen;
  const entryId = await post(
    ctx,
    { memberId: member.id, kind: 'payout', refType: 'payout' },
    { principalFen: -principalFen, bonusFen: -bonusFen },
  );
  const row = await ctx.db
    .insertInto('wallet_payouts')
    .values({
      member_id: member.id,
      principal_fen: principalFen,
      bonus_forfeited_fen: bonusFen,
      fee_fen: feeFen,
      payout_fen: payoutFen,
      payout_method: input.payoutMethod,
      entry_id: entryId,
      reason: input.reason,
      request_id: ctx.requestId,
      staff_id: me.id,
      at: ctx.nowIso,
      day: shopToday(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setEntryRef(ctx, entryId, row.id);
  const data = { payoutId: row.id, principalFen, bonusFen, feeFen, payoutFen, method: input.payoutMethod };
  await addEvent(ctx, member.id, 'walletPayout', data, input.reason);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'wallet.refunded',
    details: { memberId: member.id, entryId, ...data },
  });
  return {
    payoutId: row.id,
    principalFen,
    bonusForfeitedFen: bonusFen,
    feeFen,
    payoutFen,
    payoutMethod: input.payoutMethod,
    summary: await walletSummary(ctx, member.id),
  };
}
