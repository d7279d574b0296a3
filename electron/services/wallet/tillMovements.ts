import { sql, type ExpressionBuilder } from 'kysely';
import type { PaymentMethod } from '../../../shared/points.js';
import { tillTotals, type TillMovement } from '../../../shared/rules/till.js';
import type { TillTotals } from '../../../shared/wallet.js';
import type { Ctx } from '../../context.js';

/**
 * Which movements a till sums: the shop days from–to (by the rows' own `day`, on their indexes),
 * optionally only one clerk's and only those at instants in [atFrom, atTo) (a shift).
 */
export interface TillWindow {
  dayFrom: string;
  dayTo: string;
  staffId?: number;
  atFrom?: string;
  atTo?: string;
}

const n = (v: unknown) => Number(v ?? 0);

/** The window as a filter on a source's own day, clerk and time columns. */
function inWindow(w: TillWindow, day: string, staff: string, at: string) {
  return <D, T extends keyof D>(eb: ExpressionBuilder<D, T>) => {
    const terms = [eb(sql.ref(day), '>=', w.dayFrom), eb(sql.ref(day), '<=', w.dayTo)];
    if (w.staffId !== undefined) terms.push(eb(sql.ref(staff), '=', w.staffId));
    if (w.atFrom !== undefined) terms.push(eb(sql.ref(at), '>=', w.atFrom));
    if (w.atTo !== undefined) terms.push(eb(sql.ref(at), '<', w.atTo));
    return eb.and(terms);
  };
}

/**
 * The counter's movements in the window, summed in SQL per clerk and payment method (one grouped
 * read per source, never a row-by-row walk): top-ups, voided top-ups, card refunds, count-card
 * sales and refunds, stored value spent net of what came back.
 */
export async function tillMovements(ctx: Ctx, w: TillWindow): Promise<TillMovement[]> {
  const db = ctx.db;
  const topups = db
    .selectFrom('wallet_topups')
    .where(inWindow(w, 'day', 'staff_id', 'at'))
    .groupBy(['staff_id', 'payment_method'])
    .select([
      'staff_id',
      'payment_method',
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(paid_fen)`.as('paid'),
      sql<number>`sum(bonus_fen)`.as('bonus'),
    ])
    .execute();
  // A void is the reversal of the top-up's own entry: the clerk, time and day are the void's.
  // Found by day: the reference index would match every top-up's own entry, not just the voids
  // (the unary + keeps SQLite off it). The void names its top-up by id.
  const voids = db
    .selectFrom('wallet_ledger as l')
    .innerJoin('wallet_topups as t', 't.id', 'l.ref_id')
    .where('l.kind', '=', 'reversal')
    .where(sql`+l.ref_type`, '=', 'topup')
    .where(inWindow(w, 'l.day', 'l.staff_id', 'l.at'))
    .groupBy(['l.staff_id', 't.payment_method'])
    .select([
      'l.staff_id',
      't.payment_method',
      sql<number>`count(*)`.as('count'),
      sql<number>`-sum(l.principal_fen)`.as('principal'),
      sql<number>`-sum(l.bonus_fen)`.as('bonus'),
    ])
    .execute();
  const payouts = db
    .selectFrom('wallet_payouts')
    .where(inWindow(w, 'day', 'staff_id', 'at'))
    .groupBy(['staff_id', 'payout_method'])
    .select(['staff_id', 'payout_method', sql<number>`count(*)`.as('count'), sql<number>`sum(payout_fen)`.as('fen')])
    .execute();
  const cardSales = db
    .selectFrom('visitcards')
    .where(inWindow(w, 'day', 'staff_id', 'at'))
    .groupBy(['staff_id', 'payment_method'])
    .select(['staff_id', 'payment_method', sql<number>`count(*)`.as('count'), sql<number>`sum(price_fen)`.as('fen')])
    .execute();
  const cardRefunds = db
    .selectFrom('visitcards')
    .where('refunded_at', 'is not', null)
    .where(inWindow(w, 'refund_day', 'refund_staff_id', 'refunded_at'))
    .groupBy(['refund_staff_id', 'refund_method'])
    .select([
      'refund_staff_id',
      'refund_method',
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(refund_fen)`.as('fen'),
    ])
    .execute();
  const spent = db
    .selectFrom('wallet_ledger')
    .where('kind', 'in', ['spend', 'spendReturn'])
    .where(inWindow(w, 'day', 'staff_id', 'at'))
    .groupBy('staff_id')
    .select(['staff_id', sql<number>`-sum(principal_fen + bonus_fen)`.as('fen')])
    .execute();

  const out: TillMovement[] = [];
  const method = (m: string | null) => (m ?? 'other') as PaymentMethod;
  for (const r of await topups)
    out.push({
      kind: 'topup',
      staffId: r.staff_id,
      method: method(r.payment_method),
      count: n(r.count),
      paidFen: n(r.paid),
      bonusFen: n(r.bonus),
    });
  for (const r of await voids)
    out.push({
      kind: 'topupVoid',
      staffId: r.staff_id,
      method: method(r.payment_method),
      count: n(r.count),
      principalFen: n(r.principal),
      bonusFen: n(r.bonus),
    });
  for (const r of await payouts)
    out.push({
      kind: 'payout',
      staffId: r.staff_id,
      method: method(r.payout_method),
      count: n(r.count),
      payoutFen: n(r.fen),
    });
  for (const r of await cardSales)
    out.push({
      kind: 'cardSale',
      staffId: r.staff_id,
      method: method(r.payment_method),
      count: n(r.count),
      priceFen: n(r.fen),
    });
  for (const r of await cardRefunds)
    out.push({
      kind: 'cardRefund',
      staffId: r.refund_staff_id,
      method: method(r.refund_method),
      count: n(r.count),
      refundFen: n(r.fen),
    });
  for (const r of await spent) out.push({ kind: 'storedValue', staffId: r.staff_id, spentFen: n(r.fen) });
  return out;
}

/** Every staff member's display name by id (a handful of rows). */
export async function staffNames(ctx: Ctx): Promise<Map<number, string>> {
  const rows = await ctx.db.selectFrom('staff').select(['id', 'display_name']).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The window's totals: lines per clerk × method, per method, and the grand total. */
export async function tillTotalsOf(ctx: Ctx, w: TillWindow, from: string, to: string): Promise<TillTotals> {
  const [moves, names] = await Promise.all([tillMovements(ctx, w), staffNames(ctx)]);
  return tillTotals(from, to, moves, names);
}
