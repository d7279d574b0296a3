import { appError } from '../../../shared/errors.js';
import { formatFen } from '../../../shared/rules/money.js';
import type { WalletSummary } from '../../../shared/wallet.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetWritable } from '../members/rows.js';
import { debit } from '../points/ledger.js';
import { addEvent } from '../timeline.js';
import { balanceOf, post } from './ledger.js';
import { walletSummary } from './summary.js';

/**
 * A mistaken top-up undone (owner, manager): a reversing entry takes back its principal and bonus,
 * and the bonus points are taken back as far as the member still has them. Only while the balance
 * still holds the whole top-up: money already spent is not a mistake to void but a card refund.
 */
export async function voidTopup(ctx: Ctx, input: { topupId: number; reason: string }): Promise<WalletSummary> {
  const me = requireStaff(ctx);
  const t = await ctx.db.selectFrom('wallet_topups').selectAll().where('id', '=', input.topupId).executeTakeFirst();
  if (!t) throw appError('NOT_FOUND', 'errors.wallet.topupNotFound');
  if (t.voided_at !== null) throw appError('CONFLICT', 'errors.wallet.topupVoided');
  await mustGetWritable(ctx, t.member_id);
  const balance = await balanceOf(ctx, t.member_id);
  if (balance.principalFen < t.paid_fen || balance.bonusFen < t.bonus_fen)
    throw appError('CONFLICT', 'errors.wallet.topupSpent', {
      params: { principal: formatFen(balance.principalFen), bonus: formatFen(balance.bonusFen) },
    });
  const entryId = await post(
    ctx,
    {
      memberId: t.member_id,
      kind: 'reversal',
      refType: 'topup',
      refId: t.id,
      reversesId: t.entry_id,
      note: input.reason,
    },
    { principalFen: -t.paid_fen, bonusFen: -t.bonus_fen },
  );
  let points = 0;
  if (t.bonus_points > 0) {
    const ref = { memberId: t.member_id, kind: 'topupBonus' as const, refType: 'topupVoid', refId: t.id };
    const taken = await debit(ctx, ref, t.bonus_points, {
      usableOnly: false,
      allowShort: true,
      ...(t.points_entry_id === null ? {} : { firstLot: t.points_entry_id }),
    });
    points = taken.taken;
  }
  await ctx.db
    .updateTable('wallet_topups')
    .set({ voided_at: ctx.nowIso, void_entry_id: entryId })
    .where('id', '=', t.id)
    .execute();
  const data = { topupId: t.id, entryId, paidFen: t.paid_fen, bonusFen: t.bonus_fen, points };
  await addEvent(ctx, t.member_id, 'walletTopupVoided', data, input.reason);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'wallet.topupVoided',
    details: { memberId: t.member_id, ...data, method: t.payment_method },
  });
  return walletSummary(ctx, t.member_id);
}
