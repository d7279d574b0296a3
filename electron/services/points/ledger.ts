import { sql } from 'kysely';
import type { LedgerKind, PointsRules } from '../../../shared/points.js';
import { addDays, lotExpiresOn } from '../../../shared/rules/earning.js';
import type { Ctx } from '../../context.js';
import { shopToday } from '../members/view.js';

/**
 * The only code that writes `points_ledger` and `points_allocations`. Every function runs in the
 * caller's transaction, so an entry commits or rolls back with the act that caused it.
 */
export interface EntryRef {
  memberId: number;
  kind: LedgerKind;
  refType?: string;
  refId?: number | null;
  reversesId?: number | null;
  note?: string;
}

async function insertEntry(
  ctx: Ctx,
  e: EntryRef,
  points: number,
  lot: { usableOn: string; expiresOn: string | null } | null,
): Promise<number> {
  const row = await ctx.db
    .insertInto('points_ledger')
    .values({
      member_id: e.memberId,
      kind: e.kind,
      points,
      ref_type: e.refType ?? '',
      ref_id: e.refId ?? null,
      reverses_id: e.reversesId ?? null,
      note: e.note ?? '',
      request_id: ctx.requestId,
      staff_id: ctx.staff?.id ?? null,
      at: ctx.nowIso,
      day: shopToday(ctx),
      usable_on: lot?.usableOn ?? null,
      expires_on: lot?.expiresOn ?? null,
      remaining: lot ? points : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * New points as a lot: usable after the freeze period (earnings only; a manual adjustment or a
 * bonus the shop grants by hand is usable at once), expiring by the shop's policy from today.
 */
export async function credit(
  ctx: Ctx,
  rules: PointsRules,
  e: EntryRef,
  points: number,
  options: { freeze: boolean },
): Promise<number> {
  const today = shopToday(ctx);
  return insertEntry(ctx, e, points, {
    usableOn: options.freeze ? addDays(today, rules.freezeDays) : today,
    expiresOn: lotExpiresOn(rules.expiry, today),
  });
}

type Plan = { lot: number; points: number }[];

/**
 * Records which lots an entry moved points on and keeps each lot's `remaining` in step: a debit
 * (`sign` −1) takes from them, a restore (+1) gives back; the allocation is stored with the
 * opposite sign, so a lot's remaining is always its points less its allocations.
 */
async function allocate(ctx: Ctx, entryId: number, plan: Plan, sign: 1 | -1): Promise<void> {
  await ctx.db
    .insertInto('points_allocations')
    .values(plan.map((p) => ({ entry_id: entryId, lot_id: p.lot, points: -sign * p.points })))
    .execute();
  for (const p of plan)
    await ctx.db
      .updateTable('points_ledger')
      .set({ remaining: sql`remaining + ${sign * p.points}` })
      .where('id', '=', p.lot)
      .execute();
}

interface OpenLot {
  id: number;
  remaining: number;
}

export interface Taken {
  entryId: number | null;
  taken: number;
  /** Asked for but not there (only when the caller allowed a short debit). */
  shortfall: number;
}

/**
 * Takes points from the member's open lots: `firstLot` first (a refund takes back its purchase's
 * own lot), then the soonest-expiring, never-expiring last. `usableOnly` leaves frozen lots alone
 * (spending); a refund or a void may take frozen points too. Without `allowShort`, too few points
 * is the caller's error to raise before calling; with it, the debit takes what there is.
 */
export async function debit(
  ctx: Ctx,
  e: EntryRef,
  points: number,
  options: { usableOnly: boolean; firstLot?: number; allowShort?: boolean },
): Promise<Taken> {
  const today = shopToday(ctx);
  let q = ctx.db
    .selectFrom('points_ledger')
    .select(['id', 'remaining'])
    .where('member_id', '=', e.memberId)
    .where('remaining', '>', 0);
  if (options.usableOnly)
    q = q
      .where('usable_on', '<=', today)
      .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]));
  const lots = (await q
    .orderBy(sql`id = ${options.firstLot ?? 0}`, 'desc')
    .orderBy(sql`expires_on is null`)
    .orderBy('expires_on')
    .orderBy('id')
    .execute()) as OpenLot[];
  const plan: Plan = [];
  let left = points;
  for (const lot of lots) {
    if (left === 0) break;
    const n = Math.min(left, lot.remaining);
    plan.push({ lot: lot.id, points: n });
    left -= n;
  }
  if (left > 0 && !options.allowShort) throw new Error(`ledger: debit of ${points} exceeds the open lots`);
  const taken = points - left;
  if (taken === 0) return { entryId: null, taken: 0, shortfall: left };
  const entryId = await insertEntry(ctx, e, -taken, null);
  await allocate(ctx, entryId, plan, -1);
  return { entryId, taken, shortfall: left };
}

/**
 * Gives back (part of) a debit to the lots it came from, keeping their expiry: a cancelled
 * redemption, a voided deduction, the points a refunded purchase was paid with. What earlier
 * restores of the same debit gave back is not given twice. A partial restore fills the
 * latest-expiring lots first, so the member loses as little as possible to a near expiry.
 */
export async function restore(ctx: Ctx, debitId: number, points: number, e: EntryRef): Promise<number | null> {
  if (points === 0) return null;
  const owed = await ctx.db
    .selectFrom('points_allocations as a')
    .innerJoin('points_ledger as lot', 'lot.id', 'a.lot_id')
    .select(['a.lot_id', (eb) => eb.fn.sum<number>('a.points').as('owed')])
    .where((eb) =>
      eb.or([
        eb('a.entry_id', '=', debitId),
        eb('a.entry_id', 'in', eb.selectFrom('points_ledger').select('id').where('reverses_id', '=', debitId)),
      ]),
    )
    .groupBy('a.lot_id')
    .orderBy(sql`lot.expires_on is null`, 'desc')
    .orderBy('lot.expires_on', 'desc')
    .orderBy('a.lot_id', 'desc')
    .execute();
  const plan: Plan = [];
  let left = points;
  for (const o of owed) {
    if (left === 0) break;
    const n = Math.min(left, Number(o.owed));
    if (n <= 0) continue;
    plan.push({ lot: o.lot_id, points: n });
    left -= n;
  }
  if (left > 0) throw new Error(`ledger: restore of ${points} exceeds what entry ${debitId} took`);
  const entryId = await insertEntry(ctx, { ...e, reversesId: debitId }, points, null);
  await allocate(ctx, entryId, plan, 1);
  return entryId;
}

export async function balanceOf(ctx: Ctx, memberId: number): Promise<number> {
  const r = await ctx.db
    .selectFrom('points_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), eb.lit(0)).as('balance'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return Number(r.balance);
}

export async function usableOf(ctx: Ctx, memberId: number): Promise<number> {
  const r = await ctx.db
    .selectFrom('points_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('remaining'), eb.lit(0)).as('usable'))
    .where('member_id', '=', memberId)
    .where('remaining', '>', 0)
    .where('usable_on', '<=', shopToday(ctx))
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', shopToday(ctx))]))
    .executeTakeFirstOrThrow();
  return Number(r.usable);
}
