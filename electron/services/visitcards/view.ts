import type { Selectable } from 'kysely';
import type { VisitcardProductsTable, VisitcardsTable } from '../../../db/schemaWallet.js';
import { appError } from '../../../shared/errors.js';
import type { PaymentMethod } from '../../../shared/points.js';
import { cardState } from '../../../shared/rules/visitcards.js';
import type { Validity, Visitcard, VisitcardProduct, VisitcardUse } from '../../../shared/visitcards.js';
import type { Ctx } from '../../context.js';
import { mustGetMember } from '../members/rows.js';
import { shopToday } from '../members/view.js';

export type CardRow = Selectable<VisitcardsTable>;
export type ProductRow = Selectable<VisitcardProductsTable>;

export function toProduct(r: ProductRow): VisitcardProduct {
  const validity: Validity =
    r.validity_kind === 'days'
      ? { kind: 'days', days: r.validity_days! }
      : r.validity_kind === 'until'
        ? { kind: 'until', until: r.valid_until! }
        : { kind: 'none' };
  return {
    id: r.id,
    name: r.name,
    services: JSON.parse(r.services) as string[],
    uses: r.uses,
    priceFen: r.price_fen,
    validity,
    perDayLimit: r.per_day_limit,
    weekdaysOnly: r.weekdays_only === 1,
    active: r.active === 1,
  };
}

export async function listProducts(ctx: Ctx): Promise<VisitcardProduct[]> {
  const rows = await ctx.db.selectFrom('visitcard_products').selectAll().orderBy('id').execute();
  return rows.map(toProduct);
}

export function toCard(r: CardRow, today: string, usedToday: number): Visitcard {
  return {
    id: r.id,
    memberId: r.member_id,
    productId: r.product_id,
    name: r.name,
    services: JSON.parse(r.services) as string[],
    usesTotal: r.uses_total,
    usesLeft: r.uses_left,
    priceFen: r.price_fen,
    perDayLimit: r.per_day_limit,
    weekdaysOnly: r.weekdays_only === 1,
    expiresOn: r.expires_on,
    state: cardState({ refunded: r.refunded_at !== null, usesLeft: r.uses_left, expiresOn: r.expires_on }, today),
    paymentMethod: r.payment_method as PaymentMethod,
    soldDay: r.day,
    soldAt: r.at,
    refundFen: r.refund_fen,
    refundedUses: r.refunded_uses,
    usedToday,
  };
}

export async function mustGetCard(ctx: Ctx, id: number): Promise<CardRow> {
  const row = await ctx.db.selectFrom('visitcards').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.visitcards.notFound');
  return row;
}

/**
 * Visits deducted on shop day `day` and not undone, per card: what the per-day limit counts. An
 * undo counts against the day of the visit it undoes, not the day it was made (the
 * `visitcard_uses_card` index).
 */
export async function usedOn(ctx: Ctx, cardIds: number[], day: string): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (cardIds.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('visitcard_uses as u')
    .select((eb) => ['u.visitcard_id', eb.fn.countAll<number>().as('n')])
    .where('u.visitcard_id', 'in', cardIds)
    .where('u.day', '=', day)
    .where('u.uses', '=', 1)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('visitcard_uses as r').select('r.id').whereRef('r.reverses_id', '=', 'u.id'))),
    )
    .groupBy('u.visitcard_id')
    .execute();
  for (const r of rows) out.set(r.visitcard_id, Number(r.n));
  return out;
}

/** Cards as the renderer sees them, with today's state and visits. */
export async function toCards(ctx: Ctx, rows: CardRow[]): Promise<Visitcard[]> {
  const today = shopToday(ctx);
  const used = await usedOn(
    ctx,
    rows.map((r) => r.id),
    today,
  );
  return rows.map((r) => toCard(r, today, used.get(r.id) ?? 0));
}

export async function cardView(ctx: Ctx, id: number): Promise<Visitcard> {
  return (await toCards(ctx, [await mustGetCard(ctx, id)]))[0]!;
}

/** A member's cards, newest first; only the usable ones unless ended ones are asked for. */
export async function listCards(ctx: Ctx, input: { memberId: number; includeEnded: boolean }): Promise<Visitcard[]> {
  await mustGetMember(ctx, input.memberId);
  const today = shopToday(ctx);
  let q = ctx.db.selectFrom('visitcards').selectAll().where('member_id', '=', input.memberId);
  if (!input.includeEnded)
    q = q
      .where('refunded_at', 'is', null)
      .where('uses_left', '>', 0)
      .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]));
  const cards = await toCards(ctx, await q.orderBy('id', 'desc').execute());
  // Usable cards first, each group newest first (the sort is stable).
  return cards.sort((a, b) => Number(b.state === 'active') - Number(a.state === 'active'));
}

/** A card's deductions and undos, newest first, with who made them and what undid each. */
export async function listUses(ctx: Ctx, input: { cardId: number }): Promise<VisitcardUse[]> {
  await mustGetCard(ctx, input.cardId);
  const rows = await ctx.db
    .selectFrom('visitcard_uses as u')
    .leftJoin('staff as s', 's.id', 'u.staff_id')
    .leftJoin('visitcard_uses as r', 'r.reverses_id', 'u.id')
    .select([
      'u.id',
      'u.visitcard_id',
      'u.uses',
      'u.service',
      'u.reverses_id',
      'u.note',
      'u.at',
      'u.day',
      's.display_name',
      'r.id as reversed_by',
    ])
    .where('u.visitcard_id', '=', input.cardId)
    .orderBy('u.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    visitcardId: r.visitcard_id,
    uses: r.uses,
    service: r.service,
    reversesId: r.reverses_id,
    reversedBy: r.reversed_by,
    note: r.note,
    staffName: r.display_name,
    at: r.at,
    day: r.day,
  }));
}
