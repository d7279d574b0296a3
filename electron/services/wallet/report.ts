import { sql } from 'kysely';
import { fillDays, shopDayBounds } from '../../../shared/rules/till.js';
import type { WalletDayRow, WalletReport } from '../../../shared/wallet.js';
import type { Ctx } from '../../context.js';
import { shopToday } from '../members/view.js';
import { tillTotalsOf } from './tillMovements.js';

const n = (v: unknown) => Number(v ?? 0);

/**
 * The stored-value and count-card report for the shop days from–to (issue 8 §3). Every figure is
 * a grouped read on the `day` indexes, except the two "now" figures (outstanding balances, visits
 * left on usable cards), which sum the small cache tables whole.
 * - Days, in the day close's terms so that every table adds up to the same totals: top-ups whole
 *   (gross), bonus less what voids took back, stored value spent net of returns, and refunds = the
 *   money paid back that day (balance refunds, voided top-ups' principal, count-card refunds paid
 *   in money; a count-card refund back to stored value is no money out).
 * - Staff and payment methods: the day close's lines over the whole period.
 * - Count cards: sold, visits used (net of undos) and refunded in the period; visits left on the
 *   cards usable today and their pro-rata value, per product too.
 */
export async function walletReport(ctx: Ctx, input: { from: string; to: string }): Promise<WalletReport> {
  const { from, to } = input;
  const db = ctx.db;
  const today = shopToday(ctx);
  const outstanding = db
    .selectFrom('wallet_accounts')
    .select([
      sql<number>`coalesce(sum(principal_fen), 0)`.as('principal'),
      sql<number>`coalesce(sum(bonus_fen), 0)`.as('bonus'),
      sql<number>`count(*) filter (where principal_fen + bonus_fen > 0)`.as('members'),
    ])
    .executeTakeFirstOrThrow();
  const topups = db
    .selectFrom('wallet_topups')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('day')
    .select(['day', sql<number>`sum(paid_fen)`.as('paid'), sql<number>`sum(bonus_fen)`.as('bonus')])
    .execute();
  // Voids (negative parts: a refund of the principal, bonus taken back), spending and its returns,
  // by the ledger's own day.
  const ledger = db
    .selectFrom('wallet_ledger')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where((eb) =>
      eb.or([
        eb('kind', 'in', ['spend', 'spendReturn']),
        eb.and([eb('kind', '=', 'reversal'), eb('ref_type', '=', 'topup')]),
      ]),
    )
    .groupBy('day')
    .select([
      'day',
      sql<number>`sum(case when kind = 'reversal' then principal_fen else 0 end)`.as('voidPrincipal'),
      sql<number>`sum(case when kind = 'reversal' then bonus_fen else 0 end)`.as('voidBonus'),
      sql<number>`-sum(case when kind = 'reversal' then 0 else principal_fen + bonus_fen end)`.as('spent'),
    ])
    .execute();
  const payouts = db
    .selectFrom('wallet_payouts')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('day')
    .select(['day', sql<number>`sum(payout_fen)`.as('fen')])
    .execute();
  const cardRefunds = db
    .selectFrom('visitcards')
    .where('refund_day', '>=', from)
    .where('refund_day', '<=', to)
    .where('refunded_at', 'is not', null)
    .where('refund_method', '!=', 'storedValue')
    .groupBy('refund_day')
    .select(['refund_day', sql<number>`sum(refund_fen)`.as('fen')])
    .execute();
  const sold = db
    .selectFrom('visitcards')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('product_id')
    .select(['product_id', sql<number>`count(*)`.as('count'), sql<number>`sum(price_fen)`.as('fen')])
    .execute();
  const uses = db
    .selectFrom('visitcard_uses as u')
    .innerJoin('visitcards as c', 'c.id', 'u.visitcard_id')
    .where('u.day', '>=', from)
    .where('u.day', '<=', to)
    .groupBy('c.product_id')
    .select(['c.product_id', sql<number>`sum(u.uses)`.as('uses')])
    .execute();
  const refunded = db
    .selectFrom('visitcards')
    .where('refund_day', '>=', from)
    .where('refund_day', '<=', to)
    .select([sql<number>`count(*)`.as('count'), sql<number>`coalesce(sum(refund_fen), 0)`.as('fen')])
    .executeTakeFirstOrThrow();
  // Usable today: not refunded, visits left, not expired. Integer division: each card's value rounds down.
  const unused = db
    .selectFrom('visitcards')
    .where('refunded_at', 'is', null)
    .where('uses_left', '>', 0)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]))
    .groupBy('product_id')
    .select([
      'product_id',
      sql<number>`sum(uses_left)`.as('visits'),
      sql<number>`sum(price_fen * uses_left / uses_total)`.as('fen'),
    ])
    .execute();
  const s = ctx.backend.settings!;
  const start = shopDayBounds(from, s.timeZone, s.dayStartHour).from;
  const end = shopDayBounds(to, s.timeZone, s.dayStartHour).to;
  const totals = tillTotalsOf(ctx, { dayFrom: from, dayTo: to }, start, end);

  const days = new Map<string, WalletDayRow>();
  const dayRow = (day: string) => {
    let r = days.get(day);
    if (!r) days.set(day, (r = { day, topupFen: 0, bonusFen: 0, spentFen: 0, refundsFen: 0 }));
    return r;
  };
  for (const r of await topups) {
    const d = dayRow(r.day);
    d.topupFen += n(r.paid);
    d.bonusFen += n(r.bonus);
  }
  for (const r of await ledger) {
    const d = dayRow(r.day);
    d.refundsFen -= n(r.voidPrincipal);
    d.bonusFen += n(r.voidBonus);
    d.spentFen += n(r.spent);
  }
  for (const r of await payouts) dayRow(r.day).refundsFen += n(r.fen);
  for (const r of await cardRefunds) if (r.refund_day) dayRow(r.refund_day).refundsFen += n(r.fen);

  const soldRows = await sold;
  const useRows = await uses;
  const unusedRows = await unused;
  const ids = [...new Set([...soldRows, ...useRows, ...unusedRows].map((r) => r.product_id))].sort((a, b) => a - b);
  const names = ids.length
    ? new Map(
        (await db.selectFrom('visitcard_products').select(['id', 'name']).where('id', 'in', ids).execute()).map((p) => [
          p.id,
          p.name,
        ]),
      )
    : new Map<number, string>();
  const soldBy = new Map(soldRows.map((r) => [r.product_id, r]));
  const usesBy = new Map(useRows.map((r) => [r.product_id, n(r.uses)]));
  const unusedBy = new Map(unusedRows.map((r) => [r.product_id, r]));
  const byProduct = ids.map((productId) => ({
    productId,
    name: names.get(productId) ?? String(productId),
    sold: n(soldBy.get(productId)?.count),
    soldFen: n(soldBy.get(productId)?.fen),
    uses: usesBy.get(productId) ?? 0,
    unusedVisits: n(unusedBy.get(productId)?.visits),
  }));
  const o = await outstanding;
  const r = await refunded;
  const t = await totals;
  return {
    outstanding: { principalFen: n(o.principal), bonusFen: n(o.bonus), members: n(o.members) },
    days: fillDays(from, to, [...days.values()]),
    byStaff: t.lines,
    byMethod: t.byMethod,
    visitcards: {
      soldCount: byProduct.reduce((s, p) => s + p.sold, 0),
      soldFen: byProduct.reduce((s, p) => s + p.soldFen, 0),
      usesCount: byProduct.reduce((s, p) => s + p.uses, 0),
      refundedCount: n(r.count),
      refundedFen: n(r.fen),
      unusedVisits: byProduct.reduce((s, p) => s + p.unusedVisits, 0),
      unusedFen: unusedRows.reduce((s, u) => s + n(u.fen), 0),
      byProduct,
    },
  };
}
