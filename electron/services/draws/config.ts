import type { Kysely, Selectable } from 'kysely';
import type { DB, DrawPrizesTable } from '../../../db/schema.js';
import type { DrawPrizeInput } from '../../../shared/contract/draws.js';
import type { DrawConfig, DrawPrize, DrawSettings } from '../../../shared/draws.js';
import { drawTotalBp } from '../../../shared/draws.js';
import { fieldError } from '../../../shared/errors.js';
import { bpToPercent, effectiveOdds, type OddsPrize } from '../../../shared/rules/draws.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { shopToday } from '../members/view.js';

export type PrizeRow = Selectable<DrawPrizesTable>;

/** Off until the owner sets it up; 10 points a draw, once a day, when they do. */
export const defaultDrawSettings: DrawSettings = { enabled: false, cost: 10, dailyLimit: 1 };

export async function loadDrawSettings(db: Kysely<DB>): Promise<DrawSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'draws').executeTakeFirst();
  return { ...defaultDrawSettings, ...(row ? (JSON.parse(row.value) as Partial<DrawSettings>) : {}) };
}

/** The prizes on offer, in the owner's order. */
export function activePrizes(ctx: Ctx): Promise<PrizeRow[]> {
  return ctx.db
    .selectFrom('draw_prizes')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/**
 * Which prizes cannot be won right now: their own stock is used up, or their catalog reward is
 * off, outside its dates or out of stock. Such a prize's chance pays "thank you".
 */
export async function exhaustedPrizes(ctx: Ctx, prizes: PrizeRow[]): Promise<Set<number>> {
  const out = new Set(prizes.filter((p) => p.stock === 0).map((p) => p.id));
  const rewardIds = prizes.filter((p) => p.reward_id !== null).map((p) => p.reward_id!);
  if (rewardIds.length === 0) return out;
  const today = shopToday(ctx);
  const rewards = await ctx.db
    .selectFrom('rewards')
    .select(['id', 'active', 'stock', 'available_from', 'available_to'])
    .where('id', 'in', rewardIds)
    .execute();
  const usable = new Set(
    rewards
      .filter(
        (r) =>
          r.active === 1 &&
          (r.stock === null || r.stock > 0) &&
          (r.available_from === null || r.available_from <= today) &&
          (r.available_to === null || r.available_to >= today),
      )
      .map((r) => r.id),
  );
  for (const p of prizes) if (p.reward_id !== null && !usable.has(p.reward_id)) out.add(p.id);
  return out;
}

export function toOddsPrizes(prizes: PrizeRow[], exhausted: Set<number>): OddsPrize[] {
  return prizes.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    points: p.points,
    probabilityBp: p.probability_bp,
    outOfStock: exhausted.has(p.id),
  }));
}

export async function currentOdds(ctx: Ctx) {
  const prizes = await activePrizes(ctx);
  return effectiveOdds(toOddsPrizes(prizes, await exhaustedPrizes(ctx, prizes)));
}

export async function drawConfig(ctx: Ctx): Promise<DrawConfig> {
  const settings = await loadDrawSettings(ctx.db);
  const rows = await ctx.db
    .selectFrom('draw_prizes as p')
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('draws as d')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('d.prize_id', '=', 'p.id')
        .where('d.fell_back', '=', 0)
        .as('won'),
    )
    .where('p.active', '=', 1)
    .orderBy('p.position')
    .orderBy('p.id')
    .execute();
  const prizes: DrawPrize[] = rows.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    points: p.points,
    rewardId: p.reward_id,
    probabilityBp: p.probability_bp,
    stock: p.stock,
    won: Number(p.won ?? 0),
  }));
  return { ...settings, prizes, odds: await currentOdds(ctx) };
}

/**
 * Saves the draw. Prizes sent with an id are updated, new ones added, and prizes left off the list
 * retired (past draws keep naming them). The chances must add up to exactly 10,000 basis points.
 */
export async function saveDrawConfig(
  ctx: Ctx,
  input: DrawSettings & { prizes: DrawPrizeInput[] },
): Promise<DrawConfig> {
  const me = requireStaff(ctx);
  const total = input.prizes.reduce((a, p) => a + p.probabilityBp, 0);
  if (total !== drawTotalBp) throw fieldError('prizes', 'errors.draws.probabilitySum', { total: bpToPercent(total) });
  const current = new Set((await activePrizes(ctx)).map((p) => p.id));
  const seen = new Set<number>();
  for (const [i, p] of input.prizes.entries()) {
    if (p.id !== undefined && (!current.has(p.id) || seen.has(p.id)))
      throw fieldError(`prizes.${i}.id`, 'errors.draws.prizeNotFound');
    if (p.id !== undefined) seen.add(p.id);
    if (p.kind === 'reward') {
      const reward = await ctx.db.selectFrom('rewards').select('id').where('id', '=', p.rewardId).executeTakeFirst();
      if (!reward) throw fieldError(`prizes.${i}.rewardId`, 'errors.draws.rewardNotFound');
    }
  }
  const retired = [...current].filter((id) => !seen.has(id));
  if (retired.length)
    await ctx.db
      .updateTable('draw_prizes')
      .set({ active: 0, updated_at: ctx.nowIso })
      .where('id', 'in', retired)
      .execute();
  for (const [position, p] of input.prizes.entries()) {
    const values = {
      name: p.name,
      kind: p.kind,
      points: p.kind === 'points' ? p.points : 0,
      reward_id: p.kind === 'reward' ? p.rewardId : null,
      probability_bp: p.probabilityBp,
      stock: p.stock,
      position,
      updated_at: ctx.nowIso,
    };
    if (p.id === undefined)
      await ctx.db
        .insertInto('draw_prizes')
        .values({ ...values, active: 1, created_at: ctx.nowIso })
        .execute();
    else await ctx.db.updateTable('draw_prizes').set(values).where('id', '=', p.id).execute();
  }
  const settings: DrawSettings = { enabled: input.enabled, cost: input.cost, dailyLimit: input.dailyLimit };
  const value = JSON.stringify(settings);
  await ctx.db
    .insertInto('settings')
    .values({ key: 'draws', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'draws.configSaved',
    details: {
      ...settings,
      prizes: input.prizes.map((p) => ({ name: p.name, kind: p.kind, probabilityBp: p.probabilityBp, stock: p.stock })),
      retired,
    },
  });
  return drawConfig(ctx);
}
