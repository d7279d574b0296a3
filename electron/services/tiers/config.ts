import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { TiersConfigInput } from '../../../shared/contract/tiers.js';
import { appError, fieldError } from '../../../shared/errors.js';
import type { ServicePeriod, TierInfo, TierSettings, TiersConfig } from '../../../shared/tiers.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';

export const defaultTierSettings: TierSettings = {
  window: 'rolling12',
  dropMode: 'toQualified',
  growthPerYuan: 1,
  activityGrowth: 0,
};

export async function loadTierSettings(db: Kysely<DB>): Promise<TierSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'tiers').executeTakeFirst();
  return { ...defaultTierSettings, ...(row ? (JSON.parse(row.value) as Partial<TierSettings>) : {}) };
}

/** The active tiers, lowest first (index = rank), with their services; `members` is left at 0. */
export async function loadTiers(db: Kysely<DB>): Promise<TierInfo[]> {
  const rows = await db.selectFrom('tiers').selectAll().where('active', '=', 1).orderBy('rank').execute();
  const services = await db.selectFrom('tier_services').selectAll().where('active', '=', 1).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    color: r.color,
    rank: r.rank,
    threshold: r.threshold,
    retention: r.retention,
    multiplierPct: r.multiplier_pct,
    discountPct: r.discount_pct,
    birthdayPoints: r.birthday_points,
    complaintPriority: r.complaint_priority,
    services: services
      .filter((s) => s.tier_id === r.id)
      .map((s) => ({ id: s.id, name: s.name, quantity: s.quantity, period: s.period as ServicePeriod })),
    members: 0,
  }));
}

/** Members per tier: the base tier holds every current member without a row of their own. */
export async function tierCounts(db: Kysely<DB>, tiers: TierInfo[]): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('member_tiers as mt')
    .innerJoin('members as m', 'm.id', 'mt.member_id')
    .select(['mt.tier_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('m.archived_at', 'is', null)
    .where('m.erased_at', 'is', null)
    .where('m.merged_into', 'is', null)
    .groupBy('mt.tier_id')
    .execute();
  const all = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('archived_at', 'is', null)
    .where('erased_at', 'is', null)
    .where('merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  const counts = new Map(rows.map((r) => [r.tier_id, Number(r.n)]));
  const above = [...counts.entries()].filter(([id]) => id !== tiers[0]?.id).reduce((s, [, n]) => s + n, 0);
  if (tiers[0]) counts.set(tiers[0].id, Number(all.n) - above);
  return counts;
}

export async function tiersConfig(ctx: Ctx): Promise<TiersConfig> {
  const tiers = await loadTiers(ctx.db);
  const counts = await tierCounts(ctx.db, tiers);
  return {
    settings: await loadTierSettings(ctx.db),
    tiers: tiers.map((t) => ({ ...t, members: counts.get(t.id) ?? 0 })),
  };
}

/**
 * Saves the tier table. Tiers and services are matched by id; one left out is retired (history
 * still names it) — refused while members hold the tier or a reward is reserved for it. Nobody is
 * downgraded by a save; members that a lower threshold now qualifies are upgraded by the caller.
 */
export async function saveTiersConfig(ctx: Ctx, input: TiersConfigInput): Promise<void> {
  const me = requireStaff(ctx);
  const before = await loadTiers(ctx.db);
  // Members without a row of their own are in the base tier: it stays first, whatever else moves.
  if (before[0] && input.tiers[0]?.id !== before[0].id) throw fieldError('tiers.0.name', 'errors.tiers.baseFirst');
  const kept = new Set(input.tiers.map((t) => t.id).filter((id): id is number => id !== undefined));
  for (const [i, t] of input.tiers.entries())
    if (t.id !== undefined && !before.some((b) => b.id === t.id))
      throw fieldError(`tiers.${i}.name`, 'errors.tiers.notFound');
  for (const old of before.filter((b) => !kept.has(b.id))) {
    const held = await ctx.db
      .selectFrom('member_tiers')
      .select('member_id')
      .where('tier_id', '=', old.id)
      .executeTakeFirst();
    const reserved = await ctx.db
      .selectFrom('rewards')
      .select('id')
      .where('min_tier_id', '=', old.id)
      .executeTakeFirst();
    if (held || reserved)
      throw appError('CONFLICT', held ? 'errors.tiers.inUse' : 'errors.tiers.reserved', { params: { name: old.name } });
    await ctx.db.updateTable('tiers').set({ active: 0, updated_at: ctx.nowIso }).where('id', '=', old.id).execute();
    await ctx.db.updateTable('tier_services').set({ active: 0 }).where('tier_id', '=', old.id).execute();
  }
  // Ranks are unique among active tiers: park the kept ones out of the way before renumbering.
  await ctx.db
    .updateTable('tiers')
    .set((eb) => ({ rank: eb('rank', '+', 1000) }))
    .where('active', '=', 1)
    .execute();
  for (const [rank, t] of input.tiers.entries()) {
    const values = {
      name: t.name,
      color: t.color.toLowerCase(),
      rank,
      threshold: t.threshold,
      retention: t.retention,
      multiplier_pct: t.multiplierPct,
      discount_pct: t.discountPct,
      birthday_points: t.birthdayPoints,
      complaint_priority: t.complaintPriority,
      updated_at: ctx.nowIso,
    };
    let tierId = t.id;
    if (tierId === undefined)
      tierId = (
        await ctx.db
          .insertInto('tiers')
          .values({ ...values, created_at: ctx.nowIso })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    else await ctx.db.updateTable('tiers').set(values).where('id', '=', tierId).execute();
    await saveServices(ctx, tierId, t.services, before.find((b) => b.id === tierId)?.services ?? []);
  }
  const settings = JSON.stringify(input.settings);
  await ctx.db
    .insertInto('settings')
    .values({ key: 'tiers', value: settings })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: settings }))
    .execute();
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'tiers.save',
    details: {
      settings: input.settings,
      // Everything the owner set, so the log says what a member's benefits were on any day.
      tiers: input.tiers.map(({ id: _id, services, ...t }) => ({
        ...t,
        services: services.map(({ id: _s, ...v }) => v),
      })),
    },
  });
}

async function saveServices(
  ctx: Ctx,
  tierId: number,
  services: TiersConfigInput['tiers'][number]['services'],
  before: TierInfo['services'],
): Promise<void> {
  const kept = new Set(services.map((s) => s.id));
  for (const old of before.filter((b) => !kept.has(b.id)))
    await ctx.db.updateTable('tier_services').set({ active: 0 }).where('id', '=', old.id).execute();
  for (const s of services) {
    const values = { name: s.name, quantity: s.quantity, period: s.period };
    if (s.id !== undefined && before.some((b) => b.id === s.id))
      await ctx.db.updateTable('tier_services').set(values).where('id', '=', s.id).execute();
    else
      await ctx.db
        .insertInto('tier_services')
        .values({ ...values, tier_id: tierId })
        .execute();
  }
}
