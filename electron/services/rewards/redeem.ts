import { sql } from 'kysely';
import { appError } from '../../../shared/errors.js';
import { addDays } from '../../../shared/rules/earning.js';
import { codedKinds, type RedemptionResult, type RedemptionSource, type RewardKind } from '../../../shared/rewards.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { debit, restore, usableOf } from '../points/ledger.js';
import { pointsSummary } from '../points/summary.js';
import { loadTierBook, tierStateOf } from '../tiers/state.js';
import { addEvent } from '../timeline.js';
import { mustGetReward, redeemBlock, tierAllows, type RewardRow } from './catalog.js';
import { newCode } from './codes.js';
import { canCancelLater, getRedemption } from './view.js';

/** Takes one from stock (if counted) and writes the redemption row with its code. */
async function issue(
  ctx: Ctx,
  reward: RewardRow,
  memberId: number,
  points: number,
  source: RedemptionSource,
  sourceId: number | null,
): Promise<{ id: number; code: string | null }> {
  if (reward.stock !== null) {
    const took = await ctx.db
      .updateTable('rewards')
      .set({ stock: sql`stock - 1` })
      .where('id', '=', reward.id)
      .where('stock', '>', 0)
      .executeTakeFirst();
    if (Number(took.numUpdatedRows) !== 1) throw appError('CONFLICT', 'errors.rewards.block.outOfStock');
  }
  const today = shopToday(ctx);
  const coded = codedKinds.includes(reward.kind as RewardKind);
  const code = coded ? await newCode(ctx) : null;
  const row = await ctx.db
    .insertInto('redemptions')
    .values({
      member_id: memberId,
      reward_id: reward.id,
      reward_name: reward.name,
      kind: reward.kind,
      value_fen: reward.value_fen,
      discount_pct: reward.discount_pct,
      source,
      source_id: sourceId,
      points,
      code,
      valid_until: coded && reward.code_valid_days !== null ? addDays(today, reward.code_valid_days - 1) : null,
      // Goods leave the shop with the member; a code is used later at the counter.
      status: coded ? 'issued' : 'used',
      used_at: coded ? null : ctx.nowIso,
      used_by: coded ? null : (ctx.staff?.id ?? null),
      request_id: ctx.requestId,
      at: ctx.nowIso,
      day: today,
      staff_id: ctx.staff?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, code };
}

/**
 * A member exchanges points for a reward, in one transaction: availability, stock, the member's
 * tier (a reward may be reserved for a tier and above), limit and usable balance are checked, the
 * points come off the soonest-expiring lots, stock goes down by one and a coupon or voucher gets
 * its code.
 */
export async function redeemReward(ctx: Ctx, input: { memberId: number; rewardId: number }): Promise<RedemptionResult> {
  const me = requireStaff(ctx);
  const member = await mustGetWritable(ctx, input.memberId);
  if (member.archived_at !== null) throw appError('CONFLICT', 'errors.purchase.memberArchived');
  const reward = await mustGetReward(ctx, input.rewardId);
  const mine = await ctx.db
    .selectFrom('redemptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', member.id)
    .where('reward_id', '=', reward.id)
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  const usable = await usableOf(ctx, member.id);
  const { tiers } = await loadTierBook(ctx.db);
  const { rank } = (await tierStateOf(ctx.db, tiers, member.id)).tier;
  const { block } = redeemBlock(reward, shopToday(ctx), Number(mine.n), usable, tierAllows(reward, tiers, rank));
  if (block) {
    const tier = reward.min_tier_id === null ? undefined : tiers.find((t) => t.id === reward.min_tier_id);
    throw appError('CONFLICT', `errors.rewards.block.${block}`, {
      params: { usable, cost: reward.points_cost, limit: reward.per_member_limit ?? 0, tier: tier?.name ?? '' },
    });
  }
  const { id, code } = await issue(ctx, reward, member.id, reward.points_cost, 'redeem', null);
  const ref = { memberId: member.id, kind: 'redeem' as const, refType: 'redemption', refId: id, note: reward.name };
  const { entryId } = await debit(ctx, ref, reward.points_cost, { usableOnly: true });
  await ctx.db.updateTable('redemptions').set({ entry_id: entryId }).where('id', '=', id).execute();
  const data = { redemptionId: id, reward: reward.name, points: reward.points_cost };
  await addEvent(ctx, member.id, 'rewardRedeemed', data);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'rewards.redeemed',
    details: { ...data, memberId: member.id, rewardId: reward.id, code: code !== null },
  });
  return { redemption: await getRedemption(ctx, id), summary: await pointsSummary(ctx, member.id) };
}

/**
 * A reward given rather than bought (a lucky-draw prize, a complaint's compensation): no points,
 * but stock and the active flag still count. Runs in the caller's transaction.
 * The tier reservation is not checked: it limits a member's own redemption, not what the shop gives.
 */
export async function grantReward(
  ctx: Ctx,
  input: { memberId: number; rewardId: number; source: Exclude<RedemptionSource, 'redeem'>; sourceId: number | null },
): Promise<{ redemptionId: number; code: string | null }> {
  const reward = await mustGetReward(ctx, input.rewardId);
  if (reward.active !== 1) throw appError('CONFLICT', 'errors.rewards.block.inactive');
  const { id, code } = await issue(ctx, reward, input.memberId, 0, input.source, input.sourceId);
  await addEvent(ctx, input.memberId, 'rewardGranted', { redemptionId: id, reward: reward.name, source: input.source });
  return { redemptionId: id, code };
}

/**
 * Undoes a redemption: the points go back to the very lots they came from (keeping their expiry)
 * and the item back to stock. A used code cannot be cancelled (the member had the benefit); goods
 * can, when they come back. The clerk may cancel on the day of redemption; later, a manager.
 */
export async function cancelRedemption(
  ctx: Ctx,
  input: { redemptionId: number; reason: string },
): Promise<RedemptionResult> {
  const me = requireStaff(ctx);
  const r = await ctx.db.selectFrom('redemptions').selectAll().where('id', '=', input.redemptionId).executeTakeFirst();
  if (!r) throw appError('NOT_FOUND', 'errors.rewards.redemptionNotFound');
  if (r.status === 'cancelled') throw appError('CONFLICT', 'errors.rewards.alreadyCancelled');
  if (r.status === 'used' && r.kind !== 'goods') throw appError('CONFLICT', 'errors.rewards.usedCannotCancel');
  if (r.day !== shopToday(ctx) && !canCancelLater(ctx))
    throw appError('FORBIDDEN', 'errors.rewards.cancelNeedsManager');
  await mustGetWritable(ctx, r.member_id);
  const ref = { memberId: r.member_id, kind: 'redeemCancel' as const, refType: 'redemption', refId: r.id };
  const entryId = r.entry_id === null ? null : await restore(ctx, r.entry_id, r.points, { ...ref, note: input.reason });
  await ctx.db
    .updateTable('rewards')
    .set({ stock: sql`stock + 1` })
    .where('id', '=', r.reward_id)
    .where('stock', 'is not', null)
    .execute();
  await ctx.db
    .updateTable('redemptions')
    .set({
      status: 'cancelled',
      cancelled_at: ctx.nowIso,
      cancelled_by: me.id,
      cancel_reason: input.reason,
      cancel_entry_id: entryId,
    })
    .where('id', '=', r.id)
    .execute();
  const data = { redemptionId: r.id, reward: r.reward_name, points: r.points };
  await addEvent(ctx, r.member_id, 'rewardCancelled', data, input.reason);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'rewards.cancelled',
    details: { ...data, memberId: r.member_id, reason: input.reason },
  });
  return { redemption: await getRedemption(ctx, r.id), summary: await pointsSummary(ctx, r.member_id) };
}
