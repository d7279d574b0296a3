import type { Kysely, Selectable } from 'kysely';
import type { DB, MemberTiersTable } from '../../../db/schema.js';
import { nextReview, qualifiedRank, upgradeRank } from '../../../shared/rules/tiers.js';
import type { TierChangeKind, TierInfo, TierOutcome, TierSettings } from '../../../shared/tiers.js';
import type { Ctx } from '../../context.js';
import { shopToday } from '../members/view.js';
import { addEvent } from '../timeline.js';
import { loadTiers, loadTierSettings } from './config.js';
import { growthOf } from './growth.js';

export type MemberTierRow = Selectable<MemberTiersTable>;

export interface TierState {
  row: MemberTierRow | undefined;
  tier: TierInfo;
}

/** The tier table and settings one operation works with. */
export interface TierBook {
  tiers: TierInfo[];
  settings: TierSettings;
}

export async function loadTierBook(db: Kysely<DB>): Promise<TierBook> {
  const [tiers, settings] = await Promise.all([loadTiers(db), loadTierSettings(db)]);
  return { tiers, settings };
}

/** The counter's copy, per open database (a restore opens a new one); only `tiers.save` changes it. */
const books = new WeakMap<Kysely<DB>, TierBook>();

/** The tier table for the purchase path, read once and kept until the owner saves it. */
export async function cachedTierBook(ctx: Ctx): Promise<TierBook> {
  const key = ctx.backend.db;
  const cached = books.get(key);
  if (cached) return cached;
  const book = await loadTierBook(ctx.db);
  books.set(key, book);
  return book;
}

export function forgetTierBook(ctx: Ctx): void {
  books.delete(ctx.backend.db);
}

/** A member without a row is in the base tier. */
export async function tierStateOf(db: Kysely<DB>, tiers: TierInfo[], memberId: number): Promise<TierState> {
  const row = await db.selectFrom('member_tiers').selectAll().where('member_id', '=', memberId).executeTakeFirst();
  return { row, tier: (row && tiers.find((t) => t.id === row.tier_id)) || tiers[0]! };
}

export interface ChangeRecord {
  kind: TierChangeKind;
  from: TierInfo;
  to: TierInfo;
  growth: number;
  reason?: string;
  ref?: { type: string; id: number };
  /** The member's row this change replaces, kept so the change can be undone exactly. */
  prev?: MemberTierRow | undefined;
  /** The shop day it took effect, if not today (a review: its review date). */
  day?: string;
  /** Extra details for the timeline (an automatic end, the end date of a manual tier). */
  data?: Record<string, unknown>;
}

/** One tier change: its history row and its timeline event, in the caller's transaction. */
export async function recordChange(ctx: Ctx, memberId: number, c: ChangeRecord): Promise<number> {
  const row = await ctx.db
    .insertInto('tier_changes')
    .values({
      member_id: memberId,
      kind: c.kind,
      from_tier_id: c.from.id,
      to_tier_id: c.to.id,
      growth: c.growth,
      reason: c.reason ?? '',
      ref_type: c.ref?.type ?? '',
      ref_id: c.ref?.id ?? null,
      prev_state: c.prev ? JSON.stringify(c.prev) : null,
      staff_id: ctx.staff?.id ?? null,
      at: ctx.nowIso,
      day: c.day ?? shopToday(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addEvent(
    ctx,
    memberId,
    'tierChange',
    {
      kind: c.kind,
      from: c.from.name,
      to: c.to.name,
      growth: c.growth,
      ...c.data,
    },
    c.reason ?? '',
  );
  return row.id;
}

/** Puts a member on a tier from `since`, reviewed a year later; the base tier needs no row. */
async function placeMember(ctx: Ctx, memberId: number, tier: TierInfo, since: string): Promise<void> {
  if (tier.rank === 0) {
    await ctx.db.deleteFrom('member_tiers').where('member_id', '=', memberId).execute();
    return;
  }
  const values = {
    tier_id: tier.id,
    since,
    review_on: nextReview(since),
    manual_until: null,
    manual_reason: '',
    manual_by: null,
    manual_at: null,
  };
  await ctx.db
    .insertInto('member_tiers')
    .values({ member_id: memberId, ...values })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(values))
    .execute();
}

/** Puts the member on `c.to` from `since` and records the change: every tier move goes through here. */
export async function moveMember(ctx: Ctx, memberId: number, since: string, c: ChangeRecord): Promise<number> {
  await placeMember(ctx, memberId, c.to, since);
  return recordChange(ctx, memberId, c);
}

/**
 * Upgrades the member at once when their growth now reaches a higher tier (in the caller's
 * transaction: the purchase's). A manual tier holds against growth the member already had when
 * the owner set it: only growth just earned (`earned`) that crosses a threshold above the manual
 * tier upgrades, and ends it. The change keeps the row it replaced, so a refund can revert it.
 */
export async function upgradeIfQualified(
  ctx: Ctx,
  book: TierBook,
  memberId: number,
  ref: { type: string; id: number } | undefined,
  earned = 0,
): Promise<TierOutcome['change']> {
  const today = shopToday(ctx);
  const state = await tierStateOf(ctx.db, book.tiers, memberId);
  const growth = await growthOf(ctx.db, book.settings, memberId, today);
  const rank = upgradeRank(book.tiers, state.tier.rank, growth);
  if (rank === null) return null;
  if (state.row?.manual_until && qualifiedRank(book.tiers, growth - earned) >= rank) return null;
  const to = book.tiers[rank]!;
  await moveMember(ctx, memberId, today, {
    kind: 'upgrade',
    from: state.tier,
    to,
    growth,
    ...(ref ? { ref } : {}),
    prev: state.row,
    data: { threshold: to.threshold },
  });
  return { kind: 'upgrade', from: state.tier.name, to: to.name, color: to.color };
}

/**
 * After a refund: an upgrade stands only on the growth that earned it. While the latest change is
 * an upgrade made at or after the refunded purchase and the growth no longer reaches its tier, it
 * is reverted — the member's tier row is what it replaced (tier, since-day, review date, a manual
 * tier's end). A review, a downgrade or a manual change in between stops this: those stand.
 */
export async function revertUpgrades(
  ctx: Ctx,
  book: TierBook,
  memberId: number,
  purchase: { id: number; at: string },
): Promise<TierOutcome['change']> {
  const { id: purchaseId, at: purchaseAt } = purchase;
  const today = shopToday(ctx);
  const growth = await growthOf(ctx.db, book.settings, memberId, today);
  let outcome: TierOutcome['change'] = null;
  for (;;) {
    const last = await ctx.db
      .selectFrom('tier_changes')
      .selectAll()
      .where('member_id', '=', memberId)
      .where('reverted', '=', 0)
      .where('kind', '<>', 'upgradeReverted')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last || last.kind !== 'upgrade' || last.at < purchaseAt) return outcome;
    const to = book.tiers.find((t) => t.id === last.to_tier_id);
    const from = book.tiers.find((t) => t.id === last.from_tier_id) ?? book.tiers[0]!;
    if (!to || growth >= to.threshold) return outcome;
    const prev = last.prev_state ? (JSON.parse(last.prev_state) as MemberTierRow) : null;
    await ctx.db.deleteFrom('member_tiers').where('member_id', '=', memberId).execute();
    if (prev) await ctx.db.insertInto('member_tiers').values(prev).execute();
    await ctx.db.updateTable('tier_changes').set({ reverted: 1 }).where('id', '=', last.id).execute();
    await recordChange(ctx, memberId, { kind: 'upgradeReverted', from: to, to: from, growth });
    outcome = { kind: 'upgradeReverted', from: to.name, to: from.name, color: from.color };
    // What is left may still reach a tier between the two (a partial refund): that upgrade is its own.
    if (!prev?.manual_until) {
      const again = await upgradeIfQualified(ctx, book, memberId, { type: 'purchase', id: purchaseId });
      if (again) return { kind: 'upgradeReverted', from: to.name, to: again.to, color: again.color };
    }
  }
}
