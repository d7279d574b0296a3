import type { Selectable } from 'kysely';
import type { RewardsTable } from '../../../db/schema.js';
import type { ParsedInputOf } from '../../../shared/contract/index.js';
import { appError, fieldError } from '../../../shared/errors.js';
import type { RedeemBlock, RewardInfo, RewardKind, RewardOffer } from '../../../shared/rewards.js';
import type { TierInfo } from '../../../shared/tiers.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetMember } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { usableOf } from '../points/ledger.js';
import { loadTierBook, tierStateOf } from '../tiers/state.js';

export type RewardRow = Selectable<RewardsTable>;

/** Every tier's name by id, retired ones included, for the catalog's "tier and above" badge. */
async function tierNames(ctx: Ctx): Promise<Map<number, string>> {
  const rows = await ctx.db.selectFrom('tiers').select(['id', 'name']).execute();
  return new Map(rows.map((t) => [t.id, t.name]));
}

function toReward(r: RewardRow, redeemed: number, names: Map<number, string>): RewardInfo {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as RewardKind,
    description: r.description,
    pointsCost: r.points_cost,
    valueFen: r.value_fen,
    discountPct: r.discount_pct,
    stock: r.stock,
    perMemberLimit: r.per_member_limit,
    availableFrom: r.available_from,
    availableTo: r.available_to,
    codeValidDays: r.code_valid_days,
    active: r.active === 1,
    image: r.image,
    minTierId: r.min_tier_id,
    minTierName: r.min_tier_id === null ? null : (names.get(r.min_tier_id) ?? null),
    redeemed,
  };
}

async function redeemedCounts(ctx: Ctx, memberId?: number): Promise<Map<number, number>> {
  let q = ctx.db
    .selectFrom('redemptions')
    .select(['reward_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '<>', 'cancelled');
  if (memberId !== undefined) q = q.where('member_id', '=', memberId);
  const rows = await q.groupBy('reward_id').execute();
  return new Map(rows.map((r) => [r.reward_id, Number(r.n)]));
}

export async function listRewards(ctx: Ctx, input: { includeInactive: boolean }): Promise<RewardInfo[]> {
  let q = ctx.db.selectFrom('rewards').selectAll();
  if (!input.includeInactive) q = q.where('active', '=', 1);
  const rows = await q.orderBy('active', 'desc').orderBy('points_cost').orderBy('id').execute();
  const [counts, names] = [await redeemedCounts(ctx), await tierNames(ctx)];
  return rows.map((r) => toReward(r, counts.get(r.id) ?? 0, names));
}

export async function mustGetReward(ctx: Ctx, id: number): Promise<RewardRow> {
  const r = await ctx.db.selectFrom('rewards').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw appError('NOT_FOUND', 'errors.rewards.notFound');
  return r;
}

export async function saveReward(ctx: Ctx, input: ParsedInputOf<'rewards.save'>): Promise<RewardInfo> {
  const me = requireStaff(ctx);
  if (input.minTierId !== null) {
    const tier = await ctx.db
      .selectFrom('tiers')
      .select('id')
      .where('id', '=', input.minTierId)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!tier) throw fieldError('minTierId', 'errors.rewards.tierNotFound');
  }
  const values = {
    name: input.name,
    kind: input.kind,
    description: input.description,
    points_cost: input.pointsCost,
    value_fen: input.valueFen,
    discount_pct: input.discountPct,
    stock: input.stock,
    per_member_limit: input.perMemberLimit,
    available_from: input.availableFrom,
    available_to: input.availableTo,
    code_valid_days: input.codeValidDays,
    active: input.active ? 1 : 0,
    image: input.image,
    min_tier_id: input.minTierId,
    updated_at: ctx.nowIso,
  };
  let id = input.id;
  if (id === undefined) {
    const row = await ctx.db
      .insertInto('rewards')
      .values({ ...values, created_at: ctx.nowIso, created_by: me.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  } else {
    await mustGetReward(ctx, id);
    await ctx.db.updateTable('rewards').set(values).where('id', '=', id).execute();
  }
  const { image, ...logged } = input;
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: input.id === undefined ? 'rewards.created' : 'rewards.updated',
    details: { ...logged, id, image: image !== null },
  });
  const counts = await redeemedCounts(ctx);
  return toReward(await mustGetReward(ctx, id), counts.get(id) ?? 0, await tierNames(ctx));
}

/**
 * Whether a reward reserved for a tier is open to a member of `memberRank`. A reserved tier that is
 * no longer active (saving the tier table refuses to retire it) opens it to nobody.
 */
export function tierAllows(r: RewardRow, tiers: TierInfo[], memberRank: number): boolean {
  if (r.min_tier_id === null) return true;
  const needed = tiers.find((t) => t.id === r.min_tier_id);
  return needed !== undefined && memberRank >= needed.rank;
}

/** Why a member cannot redeem this reward today, in the order a clerk would check. */
export function redeemBlock(
  r: RewardRow,
  today: string,
  mine: number,
  usable: number,
  tierOk: boolean,
): { block: RedeemBlock | null; left: number | null } {
  const left = r.per_member_limit === null ? null : Math.max(0, r.per_member_limit - mine);
  let block: RedeemBlock | null = null;
  if (r.active !== 1) block = 'inactive';
  else if (r.available_from !== null && today < r.available_from) block = 'notYet';
  else if (r.available_to !== null && today > r.available_to) block = 'ended';
  else if (r.stock !== null && r.stock <= 0) block = 'outOfStock';
  else if (!tierOk) block = 'tierTooLow';
  else if (left === 0) block = 'limitReached';
  else if (usable < r.points_cost) block = 'notEnoughPoints';
  return { block, left };
}

export async function listOffers(ctx: Ctx, input: { memberId: number }): Promise<RewardOffer[]> {
  await mustGetMember(ctx, input.memberId);
  const today = shopToday(ctx);
  const rows = await ctx.db
    .selectFrom('rewards')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('points_cost')
    .orderBy('id')
    .execute();
  const [all, mine, usable, names, { tiers }] = [
    await redeemedCounts(ctx),
    await redeemedCounts(ctx, input.memberId),
    await usableOf(ctx, input.memberId),
    await tierNames(ctx),
    await loadTierBook(ctx.db),
  ];
  const { rank } = (await tierStateOf(ctx.db, tiers, input.memberId)).tier;
  return rows.map((r) => {
    const { block, left } = redeemBlock(r, today, mine.get(r.id) ?? 0, usable, tierAllows(r, tiers, rank));
    return { ...toReward(r, all.get(r.id) ?? 0, names), leftForMember: left, block };
  });
}
