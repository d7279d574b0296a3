import { sql } from 'kysely';
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

/**
 * The counter's movements in the window, summed in SQL per clerk and payment method (one grouped
 * read per source, never a row-by-row walk): top-ups, voided top-ups, card refunds, count-card
 * sales and refunds, stored value spent net of what came back.
 */
export async function tillMovements(ctx: Ctx, w: TillWindow): Promise<TillMovement[]> {
  const db = ctx.db;
  const staff = w.staffId;
  const topups = db
    .selectFrom('wallet_topups')
    .where('day', '>=', w.dayFrom)
    .where('day', '<=', w.dayTo)
    .$if(staff !== undefined, (q) => q.where('staff_id', '=', staff!))
    .$if(w.atFrom !== undefined, (q) => q.where('at', '>=', w.atFrom!))
    .$if(w.atTo !== undefined, (q) => q.where('at', '<', w.atTo!))
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
  const voids = db
    .selectFrom('wallet_ledger as l')
    .innerJoin('wallet_topups as t', 't.entry_id', 'l.reverses_id')
    .where('l.kind', '=', 'reversal')
    .where('l.ref_type', '=', 'topup')
    .where('l.day', '>=', w.dayFrom)
    .where('l.day', '<=', w.dayTo)
    .$if(staff !== undefined, (q) => q.where('l.staff_id', '=', staff!))
    .$if(w.atFrom !== undefined, (q) => q.where('l.at', '>=', w.atFrom!))
    .$if(w.atTo !== undefined, (q) => q.where('l.at', '<', w.atTo!))
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
    .where('day', '>=', w.dayFrom)
    .where('day', '<=', w.dayTo)
    .$if(staff !== undefined, (q) => q.where('staff_id', '=', staff!))
    .$if(w.atFrom !== undefined, (q) => q.where('at', '>=', w.atFrom!))
    .$if(w.atTo !== undefined, (q) => q.where('at', '<', w.atTo!))
    .groupBy(['staff_id', 'payout_method'])
    .select(['staff_id', 'payout_method', sql<number>`count(*)`.as('count'), sql<number>`sum(payout_fen)`.as('fen')])
    .execute();
  const cardSales = db
    .selectFrom('visitcards')
    .where('day', '>=', w.dayFrom)
    .where('day', '<=', w.dayTo)
    .$if(staff !== undefined, (q) => q.where('staff_id', '=', staff!))
    .$if(w.atFrom !== undefined, (q) => q.where('at', '>=', w.atFrom!))
    .$if(w.atTo !== undefined, (q) => q.where('at', '<', w.atTo!))
    .groupBy(['staff_id', 'payment_method'])
    .select(['staff_id', 'payment_method', sql<number>`count(*)`.as('count'), sql<number>`sum(price_fen)`.as('fen')])
    .execute();
  const cardRefunds = db
    .selectFrom('visitcards')
    .where('refund_day', '>=', w.dayFrom)
    .where('refund_day', '<=', w.dayTo)
    .where('refunded_at', 'is not', null)
    .$if(staff !== undefined, (q) => q.where('refund_staff_id', '=', staff!))
    .$if(w.atFrom !== undefined, (q) => q.where('refunded_at', '>=', w.atFrom!))
    .$if(w.atTo !== undefined, (q) => q.where('refunded_at', '<', w.atTo!))
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
    .where('day', '>=', w.dayFrom)
    .where('day', '<=', w.dayTo)
    .$if(staff !== undefined, (q) => q.where('staff_id', '=', staff!))
    .$if(w.atFrom !== undefined, (q) => q.where('at', '>=', w.atFrom!))
    .$if(w.atTo !== undefined, (q) => q.where('at', '<', w.atTo!))
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
