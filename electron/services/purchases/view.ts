import type { Selectable } from 'kysely';
import type { PurchasesTable } from '../../../db/schema.js';
import type { PaymentMethod, PurchaseInfo } from '../../../shared/points.js';
import { appError } from '../../../shared/errors.js';
import type { Ctx } from '../../context.js';

export type PurchaseRow = Selectable<PurchasesTable>;

export async function mustGetPurchase(ctx: Ctx, id: number): Promise<PurchaseRow> {
  const row = await ctx.db.selectFrom('purchases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.purchase.notFound');
  return row;
}

/** Purchases as the counter shows them, with what their refunds took back so far. */
export async function toPurchases(ctx: Ctx, rows: PurchaseRow[]): Promise<PurchaseInfo[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const reversed = await ctx.db
    .selectFrom('purchase_refunds')
    .select(['purchase_id', (eb) => eb.fn.sum<number>('points_reversed').as('points')])
    .where('purchase_id', 'in', ids)
    .groupBy('purchase_id')
    .execute();
  const staffIds = [...new Set(rows.map((r) => r.staff_id).filter((s): s is number => s !== null))];
  const staff = staffIds.length
    ? await ctx.db.selectFrom('staff').select(['id', 'display_name']).where('id', 'in', staffIds).execute()
    : [];
  const names = new Map(staff.map((s) => [s.id, s.display_name]));
  const taken = new Map(reversed.map((r) => [r.purchase_id, Number(r.points)]));
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    amountFen: r.amount_fen,
    pointsUsed: r.points_used,
    pointsUsedFen: r.points_used_fen,
    couponFen: r.coupon_fen,
    receiptNo: r.receipt_no,
    category: r.category,
    items: r.items,
    paymentMethod: r.payment_method as PaymentMethod,
    storedValueFen: r.stored_value_fen,
    pointsEarned: r.points_earned,
    refundedFen: r.refunded_fen,
    pointsReversed: taken.get(r.id) ?? 0,
    at: r.at,
    day: r.day,
    staff: r.staff_id === null ? null : (names.get(r.staff_id) ?? null),
  }));
}

export async function toPurchase(ctx: Ctx, row: PurchaseRow): Promise<PurchaseInfo> {
  return (await toPurchases(ctx, [row]))[0]!;
}
