import type { Page } from '../../../shared/domain.js';
import type { WalletEntry, WalletKind, WalletRefType } from '../../../shared/wallet.js';
import type { Ctx } from '../../context.js';
import { mustGetMember } from '../members/rows.js';

/** A member's stored-value ledger, newest first, each entry with the one that reversed it (if any). */
export async function listEntries(
  ctx: Ctx,
  input: { memberId: number; page: number; pageSize: number },
): Promise<Page<WalletEntry>> {
  await mustGetMember(ctx, input.memberId);
  const rows = await ctx.db
    .selectFrom('wallet_ledger as l')
    .leftJoin('staff as s', 's.id', 'l.staff_id')
    .leftJoin('wallet_ledger as r', 'r.reverses_id', 'l.id')
    .select([
      'l.id',
      'l.kind',
      'l.principal_fen',
      'l.bonus_fen',
      'l.ref_type',
      'l.ref_id',
      'l.reverses_id',
      'l.note',
      'l.at',
      'l.day',
      's.display_name',
      'r.id as reversed_by',
    ])
    .where('l.member_id', '=', input.memberId)
    .orderBy('l.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const { total } = await ctx.db
    .selectFrom('wallet_ledger')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('member_id', '=', input.memberId)
    .executeTakeFirstOrThrow();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind as WalletKind,
      principalFen: r.principal_fen,
      bonusFen: r.bonus_fen,
      refType: r.ref_type as WalletRefType,
      refId: r.ref_id,
      reversesId: r.reverses_id,
      reversedBy: r.reversed_by,
      note: r.note,
      staffName: r.display_name,
      at: r.at,
      day: r.day,
    })),
  };
}
