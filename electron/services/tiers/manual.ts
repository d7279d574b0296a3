import { appError, fieldError } from '../../../shared/errors.js';
import { addMonths, qualifiedRank } from '../../../shared/rules/tiers.js';
import type { TierInfo } from '../../../shared/tiers.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { growthOf } from './growth.js';
import { loadTierBook, moveMember, recordChange, tierStateOf, type TierBook } from './state.js';

/** The longest a manual tier may last: it must end, and within sight. */
const maxManualMonths = 36;

/**
 * The owner puts a member on a tier by hand — a courtesy, a complaint settled, a VIP brought over —
 * always with a reason and an end date. While it lasts the member is not reviewed; it ends on its
 * own the day after `until` (or earlier by the owner), and is never a hidden floor.
 */
export async function setManualTier(
  ctx: Ctx,
  input: { memberId: number; tierId: number; until: string; reason: string },
): Promise<void> {
  const me = requireStaff(ctx);
  await mustGetWritable(ctx, input.memberId);
  const today = shopToday(ctx);
  if (input.until < today) throw fieldError('until', 'errors.tiers.untilPast');
  if (input.until > addMonths(today, maxManualMonths))
    throw fieldError('until', 'errors.tiers.untilTooFar', { months: maxManualMonths });
  const book = await loadTierBook(ctx.db);
  const to = book.tiers.find((t) => t.id === input.tierId);
  if (!to) throw fieldError('tierId', 'errors.tiers.notFound');
  const state = await tierStateOf(ctx.db, book.tiers, input.memberId);
  const values = {
    tier_id: to.id,
    since: today,
    review_on: null,
    manual_until: input.until,
    manual_reason: input.reason,
    manual_by: me.id,
    manual_at: ctx.nowIso,
  };
  await ctx.db
    .insertInto('member_tiers')
    .values({ member_id: input.memberId, ...values })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(values))
    .execute();
  const growth = await growthOf(ctx.db, book.settings, input.memberId, today);
  await recordChange(ctx, input.memberId, {
    kind: 'manualSet',
    from: state.tier,
    to,
    growth,
    reason: input.reason,
    prev: state.row,
    data: { until: input.until },
  });
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'tiers.setManual',
    details: { memberId: input.memberId, from: state.tier.name, to: to.name, until: input.until, reason: input.reason },
  });
}

/**
 * Ends a manual tier: the member is placed by their growth — the tier it qualifies for, or the tier
 * they held before the manual one if the growth still keeps it — and reviewed a year from today.
 */
export async function endManualTier(
  ctx: Ctx,
  book: TierBook,
  memberId: number,
  reason: string,
  auto: boolean,
): Promise<void> {
  const state = await tierStateOf(ctx.db, book.tiers, memberId);
  if (!state.row?.manual_until) throw appError('CONFLICT', 'errors.tiers.notManual');
  const today = shopToday(ctx);
  const growth = await growthOf(ctx.db, book.settings, memberId, today);
  const setBy = await ctx.db
    .selectFrom('tier_changes')
    .select('from_tier_id')
    .where('member_id', '=', memberId)
    .where('kind', '=', 'manualSet')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const before: TierInfo | undefined = book.tiers.find((t) => t.id === setBy?.from_tier_id);
  let rank = qualifiedRank(book.tiers, growth);
  if (before && growth >= before.retention) rank = Math.max(rank, before.rank);
  const to = book.tiers[rank]!;
  await moveMember(ctx, memberId, today, {
    kind: 'manualEnd',
    from: state.tier,
    to,
    growth,
    reason,
    data: { auto, until: state.row.manual_until },
  });
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: ctx.staff?.id ?? null,
    action: 'tiers.endManual',
    details: { memberId, from: state.tier.name, to: to.name, auto, reason },
  });
}

export async function endManualByOwner(ctx: Ctx, input: { memberId: number; reason: string }): Promise<void> {
  requireStaff(ctx);
  await mustGetWritable(ctx, input.memberId);
  await endManualTier(ctx, await loadTierBook(ctx.db), input.memberId, input.reason, false);
}
