import type { Page } from '../../../shared/domain.js';
import type { DrawInfo } from '../../../shared/draws.js';
import type { Ctx } from '../../context.js';
import { mustGetMember } from '../members/rows.js';

function baseQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('draws as d')
    .innerJoin('members as m', 'm.id', 'd.member_id')
    .leftJoin('staff as s', 's.id', 'd.staff_id')
    .selectAll('d')
    .select(['m.member_no', 'm.name as member_name', 's.display_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toDraw(r: Row): DrawInfo {
  return {
    id: r.id,
    memberId: r.member_id,
    memberNo: r.member_no,
    memberName: r.member_name,
    prizeId: r.prize_id,
    prizeName: r.prize_name,
    prizeKind: r.prize_kind,
    outcome: r.outcome,
    fellBack: r.fell_back === 1,
    cost: r.cost,
    points: r.points,
    redemptionId: r.redemption_id,
    code: r.code,
    at: r.at,
    day: r.day,
    staff: r.display_name,
  };
}

export async function getDraw(ctx: Ctx, id: number): Promise<DrawInfo> {
  return toDraw(await baseQuery(ctx).where('d.id', '=', id).executeTakeFirstOrThrow());
}

/** A member's draws or the shop's, newest first. */
export async function listDraws(
  ctx: Ctx,
  input: { memberId?: number | undefined; page: number; pageSize: number },
): Promise<Page<DrawInfo>> {
  if (input.memberId !== undefined) await mustGetMember(ctx, input.memberId);
  let q = baseQuery(ctx);
  let n = ctx.db.selectFrom('draws').select((eb) => eb.fn.countAll<number>().as('total'));
  if (input.memberId !== undefined) {
    q = q.where('d.member_id', '=', input.memberId);
    n = n.where('member_id', '=', input.memberId);
  }
  const rows = await q
    .orderBy('d.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const { total } = await n.executeTakeFirstOrThrow();
  return { total: Number(total), rows: rows.map(toDraw) };
}
