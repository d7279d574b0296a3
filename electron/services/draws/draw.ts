import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { DrawOutcome, DrawResult, MemberDrawStatus } from '../../../shared/draws.js';
import { appError } from '../../../shared/errors.js';
import { effectiveOdds, pickSlot } from '../../../shared/rules/draws.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetMember, mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { credit, debit, usableOf } from '../points/ledger.js';
import { loadPointsRules } from '../points/rules.js';
import { pointsSummary } from '../points/summary.js';
import { grantReward } from '../rewards/redeem.js';
import { addEvent } from '../timeline.js';
import { activePrizes, exhaustedPrizes, loadDrawSettings, toOddsPrizes } from './config.js';
import { getDraw } from './list.js';

async function drawsToday(ctx: Ctx, memberId: number): Promise<number> {
  const r = await ctx.db
    .selectFrom('draws')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .where('day', '=', shopToday(ctx))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function memberDrawStatus(ctx: Ctx, input: { memberId: number }): Promise<MemberDrawStatus> {
  const member = await mustGetMember(ctx, input.memberId);
  const settings = await loadDrawSettings(ctx.db);
  const prizes = await activePrizes(ctx);
  return {
    ...settings,
    odds: effectiveOdds(toOddsPrizes(prizes, await exhaustedPrizes(ctx, prizes))),
    usable: await usableOf(ctx, member.id),
    drawsToday: await drawsToday(ctx, member.id),
  };
}

/**
 * One lucky draw at the counter, in the call's one transaction: the member, today's limit and the
 * usable balance are checked; the cost comes off the soonest-expiring lots (kind `draw`); the
 * prize is picked with `crypto.randomInt` over the configured chances; a prize that has run out
 * pays "thank you" instead; stock goes down; a points prize is a new lot (`drawPrize`), a catalog
 * reward is issued at no cost. The draw row names its ledger entries and redemption.
 */
export async function drawOnce(ctx: Ctx, input: { memberId: number }): Promise<DrawResult> {
  const me = requireStaff(ctx);
  const settings = await loadDrawSettings(ctx.db);
  if (!settings.enabled) throw appError('CONFLICT', 'errors.draws.off');
  const member = await mustGetWritable(ctx, input.memberId);
  if (member.archived_at !== null) throw appError('CONFLICT', 'errors.purchase.memberArchived');
  const before = await drawsToday(ctx, member.id);
  if (before >= settings.dailyLimit)
    throw appError('CONFLICT', 'errors.draws.dailyLimit', { params: { limit: settings.dailyLimit } });
  const usable = await usableOf(ctx, member.id);
  if (usable < settings.cost)
    throw appError('CONFLICT', 'errors.draws.notEnough', { params: { usable, cost: settings.cost } });
  const prizes = await activePrizes(ctx);
  if (prizes.length === 0) throw appError('CONFLICT', 'errors.draws.off');
  const exhausted = await exhaustedPrizes(ctx, prizes);

  const prize =
    prizes[
      pickSlot(
        prizes.map((p) => p.probability_bp),
        randomInt,
      )
    ]!;
  const fellBack = exhausted.has(prize.id);
  const outcome: DrawOutcome = fellBack ? 'thanks' : prize.kind;
  const points = outcome === 'points' ? prize.points : 0;
  const today = shopToday(ctx);
  const { id } = await ctx.db
    .insertInto('draws')
    .values({
      member_id: member.id,
      prize_id: prize.id,
      prize_name: prize.name,
      prize_kind: prize.kind,
      outcome,
      fell_back: fellBack ? 1 : 0,
      cost: settings.cost,
      points,
      request_id: ctx.requestId,
      at: ctx.nowIso,
      day: today,
      staff_id: me.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const ref = { memberId: member.id, refType: 'draw', refId: id, note: prize.name };
  // The cost first, so a points prize cannot pay for the draw that won it.
  const cost =
    settings.cost > 0 ? await debit(ctx, { ...ref, kind: 'draw' }, settings.cost, { usableOnly: true }) : null;
  if (!fellBack && prize.stock !== null) {
    const took = await ctx.db
      .updateTable('draw_prizes')
      .set({ stock: sql`stock - 1` })
      .where('id', '=', prize.id)
      .where('stock', '>', 0)
      .executeTakeFirst();
    if (Number(took.numUpdatedRows) !== 1) throw new Error(`draw: prize ${prize.id} had no stock left`);
  }
  let prizeEntryId: number | null = null;
  let granted: { redemptionId: number; code: string | null } | null = null;
  if (outcome === 'points')
    prizeEntryId = await credit(ctx, await loadPointsRules(ctx.db), { ...ref, kind: 'drawPrize' }, points, {
      freeze: false,
    });
  else if (outcome === 'reward')
    granted = await grantReward(ctx, { memberId: member.id, rewardId: prize.reward_id!, source: 'draw', sourceId: id });
  await ctx.db
    .updateTable('draws')
    .set({
      cost_entry_id: cost?.entryId ?? null,
      prize_entry_id: prizeEntryId,
      redemption_id: granted?.redemptionId ?? null,
      code: granted?.code ?? null,
    })
    .where('id', '=', id)
    .execute();

  const data = { drawId: id, cost: settings.cost, prize: prize.name, outcome, points, fellBack };
  await addEvent(ctx, member.id, fellBack || outcome === 'thanks' ? 'luckyDrawThanks' : 'luckyDraw', data);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'draws.drawn',
    details: { ...data, memberId: member.id, prizeId: prize.id, redemptionId: granted?.redemptionId ?? null },
  });
  return {
    draw: await getDraw(ctx, id),
    summary: await pointsSummary(ctx, member.id),
    drawsToday: before + 1,
    dailyLimit: settings.dailyLimit,
  };
}
