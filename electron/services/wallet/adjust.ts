import { appError } from '../../../shared/errors.js';
import type { WalletSummary } from '../../../shared/wallet.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetWritable } from '../members/rows.js';
import { addEvent } from '../timeline.js';
import { post } from './ledger.js';
import { walletSummary } from './summary.js';

/**
 * A correction by the owner, with a reason: signed changes of either part. It may not take a part
 * below zero (the ledger refuses); the cap does not apply, since no money came in.
 */
export async function adjustWallet(
  ctx: Ctx,
  input: { memberId: number; principalFen: number; bonusFen: number; reason: string },
): Promise<WalletSummary> {
  const me = requireStaff(ctx);
  const member = await mustGetWritable(ctx, input.memberId);
  const delta = { principalFen: input.principalFen, bonusFen: input.bonusFen };
  const entryId = await post(ctx, { memberId: member.id, kind: 'adjust', note: input.reason }, delta);
  const data = { entryId, ...delta };
  await addEvent(ctx, member.id, 'walletAdjusted', data, input.reason);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'wallet.adjusted',
    details: { memberId: member.id, ...data },
  });
  return walletSummary(ctx, member.id);
}

/**
 * A mistaken adjustment undone by a reversing entry (owner), once: a unique index on `reverses_id`
 * stands behind the check. Other entries are undone by their own acts (a top-up is voided, a
 * purchase refunded), so only an adjustment is reversed here.
 */
export async function reverseEntry(ctx: Ctx, input: { entryId: number; reason: string }): Promise<WalletSummary> {
  const me = requireStaff(ctx);
  const e = await ctx.db.selectFrom('wallet_ledger').selectAll().where('id', '=', input.entryId).executeTakeFirst();
  if (!e) throw appError('NOT_FOUND', 'errors.wallet.entryNotFound');
  if (e.kind !== 'adjust') throw appError('CONFLICT', 'errors.wallet.notReversible');
  const already = await ctx.db
    .selectFrom('wallet_ledger')
    .select('id')
    .where('reverses_id', '=', e.id)
    .executeTakeFirst();
  if (already) throw appError('CONFLICT', 'errors.wallet.alreadyReversed');
  await mustGetWritable(ctx, e.member_id);
  const delta = { principalFen: -e.principal_fen, bonusFen: -e.bonus_fen };
  const entryId = await post(
    ctx,
    { memberId: e.member_id, kind: 'reversal', reversesId: e.id, note: input.reason },
    delta,
  );
  const data = { entryId, reversed: e.id, ...delta };
  await addEvent(ctx, e.member_id, 'walletReversed', data, input.reason);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'wallet.reversed',
    details: { memberId: e.member_id, ...data },
  });
  return walletSummary(ctx, e.member_id);
}
