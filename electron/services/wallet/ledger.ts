import { sql } from 'kysely';
import { appError, fieldError } from '../../../shared/errors.js';
import { formatFen } from '../../../shared/rules/money.js';
import { splitSpend } from '../../../shared/rules/wallet.js';
import type { Balance, WalletKind, WalletRefType } from '../../../shared/wallet.js';
import type { Ctx } from '../../context.js';
import { shopToday } from '../members/view.js';
import { loadWalletSettings } from './settings.js';

/**
 * The only code that writes `wallet_ledger` and `wallet_accounts`. Every function runs in the
 * caller's transaction, so an entry commits or rolls back with the act that caused it, and the
 * cached balances move with the ledger row that explains them.
 */
export interface WalletRef {
  memberId: number;
  kind: WalletKind;
  refType?: WalletRefType;
  refId?: number | null;
  reversesId?: number | null;
  note?: string;
}

const zero: Balance = { principalFen: 0, bonusFen: 0 };

export async function balanceOf(ctx: Ctx, memberId: number): Promise<Balance> {
  const row = await ctx.db
    .selectFrom('wallet_accounts')
    .select(['principal_fen', 'bonus_fen'])
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row ? { principalFen: row.principal_fen, bonusFen: row.bonus_fen } : zero;
}

/** The balances as the ledger sums them: what the cache must always equal (tests check it). */
export async function ledgerSums(ctx: Ctx, memberId: number): Promise<Balance> {
  const row = await ctx.db
    .selectFrom('wallet_ledger')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('principal_fen'), eb.lit(0)).as('p'),
      eb.fn.coalesce(eb.fn.sum<number>('bonus_fen'), eb.lit(0)).as('b'),
    ])
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return { principalFen: Number(row.p), bonusFen: Number(row.b) };
}

/**
 * One ledger row moving both parts by signed deltas, and the cached balances with it. A change
 * that would take either part below zero is refused before anything is written (the table's
 * checks would refuse it too).
 */
export async function post(ctx: Ctx, ref: WalletRef, delta: Balance): Promise<number> {
  if (delta.principalFen === 0 && delta.bonusFen === 0) throw new RangeError('empty wallet entry');
  const before = await balanceOf(ctx, ref.memberId);
  const after = { principalFen: before.principalFen + delta.principalFen, bonusFen: before.bonusFen + delta.bonusFen };
  if (after.principalFen < 0 || after.bonusFen < 0)
    throw appError('CONFLICT', 'errors.wallet.wouldGoNegative', {
      params: { principal: formatFen(before.principalFen), bonus: formatFen(before.bonusFen) },
    });
  const row = await ctx.db
    .insertInto('wallet_ledger')
    .values({
      member_id: ref.memberId,
      kind: ref.kind,
      principal_fen: delta.principalFen,
      bonus_fen: delta.bonusFen,
      ref_type: ref.refType ?? '',
      ref_id: ref.refId ?? null,
      reverses_id: ref.reversesId ?? null,
      note: ref.note ?? '',
      request_id: ctx.requestId,
      staff_id: ctx.staff?.id ?? null,
      at: ctx.nowIso,
      day: shopToday(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('wallet_accounts')
    .values({
      member_id: ref.memberId,
      principal_fen: after.principalFen,
      bonus_fen: after.bonusFen,
      updated_at: ctx.nowIso,
    })
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({
        principal_fen: sql<number>`principal_fen + ${delta.principalFen}`,
        bonus_fen: sql<number>`bonus_fen + ${delta.bonusFen}`,
        updated_at: ctx.nowIso,
      }),
    )
    .execute();
  return row.id;
}

/**
 * Pays `amountFen` from the member's stored value in the shop's draw order and records the parts
 * taken. Refused, naming `field`, when the balance does not cover it.
 */
export async function spend(
  ctx: Ctx,
  ref: Omit<WalletRef, 'kind'>,
  amountFen: number,
  field: string,
): Promise<{ entryId: number; parts: Balance }> {
  const balance = await balanceOf(ctx, ref.memberId);
  const total = balance.principalFen + balance.bonusFen;
  if (amountFen > total) throw fieldError(field, 'errors.wallet.notEnough', { balance: formatFen(total) });
  const { drawOrder } = await loadWalletSettings(ctx.db);
  const parts = splitSpend(balance, amountFen, drawOrder);
  const entryId = await post(
    ctx,
    { ...ref, kind: 'spend' },
    { principalFen: -parts.principalFen, bonusFen: -parts.bonusFen },
  );
  return { entryId, parts };
}

/**
 * Names the row an entry was written for once that row exists: a top-up or a card refund row
 * needs its entry's id (`entry_id` is not null), so the entry is posted first and pointed back here.
 */
export async function setEntryRef(ctx: Ctx, entryId: number, refId: number): Promise<void> {
  await ctx.db.updateTable('wallet_ledger').set({ ref_id: refId }).where('id', '=', entryId).execute();
}
