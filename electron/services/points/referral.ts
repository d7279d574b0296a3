import type { PointsRules } from '../../../shared/points.js';
import type { Ctx } from '../../context.js';
import type { MemberRow } from '../members/rows.js';
import { addEvent } from '../timeline.js';
import { credit } from './ledger.js';

export type ReferralTrigger = 'register' | 'firstPurchase';

/**
 * The referrer's bonus when the member they brought registers, or makes a first purchase: once per
 * referred member and trigger (a unique index stands behind the check), and only when the shop
 * set points for that trigger. A purchase that is not the member's first earns the referrer nothing.
 */
export async function awardReferral(
  ctx: Ctx,
  rules: PointsRules,
  member: MemberRow,
  trigger: ReferralTrigger,
): Promise<void> {
  const points = trigger === 'register' ? rules.referral.onRegister : rules.referral.onFirstPurchase;
  if (points <= 0 || member.referrer_id === null) return;
  if (trigger === 'firstPurchase') {
    const earlier = await ctx.db
      .selectFrom('purchases')
      .select('id')
      .where('member_id', '=', member.id)
      .orderBy('id')
      .limit(2)
      .execute();
    if (earlier.length !== 1) return;
  }
  const referrer = await ctx.db
    .selectFrom('members')
    .select(['id', 'erased_at', 'merged_into'])
    .where('id', '=', member.referrer_id)
    .executeTakeFirst();
  if (!referrer || referrer.erased_at !== null || referrer.merged_into !== null) return;
  const done = await ctx.db
    .selectFrom('points_ledger')
    .select('id')
    .where('kind', '=', 'referral')
    .where('ref_type', '=', trigger)
    .where('ref_id', '=', member.id)
    .executeTakeFirst();
  if (done) return;
  await credit(ctx, rules, { memberId: referrer.id, kind: 'referral', refType: trigger, refId: member.id }, points, {
    freeze: true,
  });
  await addEvent(ctx, referrer.id, 'referralBonus', { referredId: member.id, trigger, points });
}
