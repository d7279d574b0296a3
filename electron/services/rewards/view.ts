import type { Page } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import { can } from '../../../shared/permissions.js';
import type { RedemptionInfo, RedemptionSource, RewardKind } from '../../../shared/rewards.js';
import type { Ctx } from '../../context.js';
import { mustGetMember } from '../members/rows.js';
import { shopToday } from '../members/view.js';

/** After the day of redemption, cancelling is a manager's act (see cancelRedemption). */
export const canCancelLater = (ctx: Ctx) => ctx.staff !== null && can(ctx.staff.role, 'points.adjust');

function redemptionQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('redemptions as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .leftJoin('staff as s', 's.id', 'r.staff_id')
    .selectAll('r')
    .select(['m.member_no', 'm.name as member_name', 's.display_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof redemptionQuery>['executeTakeFirstOrThrow']>>;

function toRedemption(r: Row, today: string, manager: boolean): RedemptionInfo {
  return {
    id: r.id,
    memberId: r.member_id,
    memberNo: r.member_no,
    memberName: r.member_name,
    rewardId: r.reward_id,
    rewardName: r.reward_name,
    kind: r.kind as RewardKind,
    valueFen: r.value_fen,
    discountPct: r.discount_pct,
    source: r.source as RedemptionSource,
    points: r.points,
    code: r.code,
    validUntil: r.valid_until,
    status: r.status,
    expired: r.status === 'issued' && r.valid_until !== null && r.valid_until < today,
    cancellable: (r.status === 'issued' || (r.status === 'used' && r.kind === 'goods')) && (r.day === today || manager),
    usedAt: r.used_at,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    at: r.at,
    day: r.day,
    staff: r.display_name,
  };
}

export async function getRedemption(ctx: Ctx, id: number): Promise<RedemptionInfo> {
  const r = await redemptionQuery(ctx).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw appError('NOT_FOUND', 'errors.rewards.redemptionNotFound');
  return toRedemption(r, shopToday(ctx), canCancelLater(ctx));
}

export async function redemptionByCode(ctx: Ctx, code: string): Promise<RedemptionInfo> {
  const r = await redemptionQuery(ctx).where('r.code', '=', code).executeTakeFirst();
  if (!r)
    throw appError('NOT_FOUND', 'errors.rewards.codeNotFound', {
      fields: { code: { messageKey: 'errors.rewards.codeNotFound' } },
    });
  return toRedemption(r, shopToday(ctx), canCancelLater(ctx));
}

/** A member's rewards, or the whole shop's, newest first. */
export async function listRedemptions(
  ctx: Ctx,
  input: { memberId?: number | undefined; page: number; pageSize: number },
): Promise<Page<RedemptionInfo>> {
  if (input.memberId !== undefined) await mustGetMember(ctx, input.memberId);
  let q = redemptionQuery(ctx);
  let count = ctx.db.selectFrom('redemptions').select((eb) => eb.fn.countAll<number>().as('total'));
  if (input.memberId !== undefined) {
    q = q.where('r.member_id', '=', input.memberId);
    count = count.where('member_id', '=', input.memberId);
  }
  const rows = await q
    .orderBy('r.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const today = shopToday(ctx);
  return {
    total: Number((await count.executeTakeFirstOrThrow()).total),
    rows: rows.map((r) => toRedemption(r, today, canCancelLater(ctx))),
  };
}
