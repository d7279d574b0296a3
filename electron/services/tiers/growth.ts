import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { windowFrom } from '../../../shared/rules/tiers.js';
import type { TierSettings } from '../../../shared/tiers.js';
import type { Ctx } from '../../context.js';

/**
 * A member's growth value in the window that ends on `day`: the growth ledger plus the lifetime
 * spend an import brought in as an opening balance (counted on the import day, whole yuan).
 */
export async function growthOf(db: Kysely<DB>, settings: TierSettings, memberId: number, day: string): Promise<number> {
  return growthBetween(db, settings, memberId, windowFrom(day, settings.window), day);
}

/** Growth counted on shop days from `from` (null: the beginning) through `day`. */
export async function growthBetween(
  db: Kysely<DB>,
  settings: TierSettings,
  memberId: number,
  from: string | null,
  day: string,
): Promise<number> {
  let ledger = db
    .selectFrom('growth_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('growth'), eb.lit(0)).as('g'))
    .where('member_id', '=', memberId)
    .where('day', '<=', day);
  let opening = db
    .selectFrom('member_opening_balances')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(eb('spend_fen', '/', eb.lit(100))), eb.lit(0)).as('g'))
    .where('member_id', '=', memberId)
    .where('day', '<=', day);
  if (from !== null) {
    ledger = ledger.where('day', '>=', from);
    opening = opening.where('day', '>=', from);
  }
  const [a, b] = await Promise.all([ledger.executeTakeFirstOrThrow(), opening.executeTakeFirstOrThrow()]);
  return Number(a.g) + Number(b.g) * settings.growthPerYuan;
}

export interface GrowthEntry {
  memberId: number;
  kind: 'purchase' | 'refund' | 'activity';
  growth: number;
  refType: 'purchase' | 'activity';
  refId: number;
  /** The day it counts on: a refund's is its purchase's. */
  day: string;
}

export async function addGrowth(ctx: Ctx, e: GrowthEntry): Promise<void> {
  if (e.growth === 0) return;
  await ctx.db
    .insertInto('growth_ledger')
    .values({
      member_id: e.memberId,
      kind: e.kind,
      growth: e.growth,
      ref_type: e.refType,
      ref_id: e.refId,
      day: e.day,
      at: ctx.nowIso,
    })
    .execute();
}

/** Growth a purchase earned, and what its refunds have taken back so far (a positive number). */
export async function purchaseGrowthSoFar(
  ctx: Ctx,
  memberId: number,
  purchaseId: number,
): Promise<{ earned: number; taken: number }> {
  const rows = await ctx.db
    .selectFrom('growth_ledger')
    .select(['kind', (eb) => eb.fn.sum<number>('growth').as('g')])
    // By member (an index the ledger has anyway): one index fewer to write with every purchase.
    .where('member_id', '=', memberId)
    .where('ref_type', '=', 'purchase')
    .where('ref_id', '=', purchaseId)
    .groupBy('kind')
    .execute();
  const of = (kind: string) => Number(rows.find((r) => r.kind === kind)?.g ?? 0);
  return { earned: of('purchase'), taken: -of('refund') };
}
