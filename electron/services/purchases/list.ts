import type { Page } from '../../../shared/domain.js';
import type { PurchaseInfo } from '../../../shared/points.js';
import type { Ctx } from '../../context.js';
import { mustGetMember } from '../members/rows.js';
import { toPurchases } from './view.js';

export async function listPurchases(
  ctx: Ctx,
  input: { memberId: number; page: number; pageSize: number },
): Promise<Page<PurchaseInfo>> {
  await mustGetMember(ctx, input.memberId);
  const rows = await ctx.db
    .selectFrom('purchases')
    .selectAll()
    .where('member_id', '=', input.memberId)
    .orderBy('id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const { total } = await ctx.db
    .selectFrom('purchases')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('member_id', '=', input.memberId)
    .executeTakeFirstOrThrow();
  return { total, rows: await toPurchases(ctx, rows) };
}
