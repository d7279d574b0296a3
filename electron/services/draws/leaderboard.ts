import { sql } from 'kysely';
import type { Leaderboard } from '../../../shared/draws.js';
import { maskName } from '../../../shared/rules/draws.js';
import { periodOf, periodRange } from '../../../shared/rules/periods.js';
import { maskPhone } from '../../../shared/rules/phone.js';
import type { Ctx } from '../../context.js';
import { shopToday } from '../members/view.js';

/**
 * The kinds that count as points earned: purchases, check-ins, referrals, activities, birthdays.
 * Not opening balances (another system's history), manual adjustments (the shop's own hand, it
 * could put anyone on top) or lucky-draw prizes (luck, bought with points). Word for word the list
 * of the `points_ledger_earned` partial index (migration 0007), so SQLite answers from the index.
 */
export const earnedKindsSql = `kind in ('purchase', 'checkin', 'referral', 'activity', 'birthday')`;
const earnedKinds = sql.raw(earnedKindsSql);
const earnedKindsOf = (alias: string) => sql.raw(`${alias}.${earnedKindsSql}`);

/**
 * Top members by points earned in a period of business days, net of what took them back: a
 * refund's share of its purchase (what it reversed plus what it could not because the points were
 * spent) and a voided entry, both counted in the period of the entry they undo, so buying on the
 * 31st and returning on the 1st does not top last month's board. Members archived, erased or
 * merged away are left out. Names and phones are masked here, before they leave the main process:
 * the page is meant for a screen customers see.
 */
export async function leaderboard(
  ctx: Ctx,
  input: { period?: string | undefined; limit: number },
): Promise<Leaderboard> {
  const today = shopToday(ctx);
  const period = input.period ?? periodOf(today, 'month');
  const { from, to } = periodRange(period);
  const rows = await sql<{ id: number; name: string; phone: string; earned: number }>`
    with t(member_id, points) as (
      select member_id, points from points_ledger
        where ${earnedKinds} and day >= ${from} and day <= ${to}
      union all
      select r.member_id, -(r.points_reversed + r.points_shortfall) from purchase_refunds r
        join purchases p on p.id = r.purchase_id
        where p.day >= ${from} and p.day <= ${to} and r.points_reversed + r.points_shortfall > 0
      union all
      select v.member_id, v.points from points_ledger v
        join points_ledger e on e.id = v.reverses_id
        where v.kind = 'void' and ${earnedKindsOf('e')} and e.day >= ${from} and e.day <= ${to}
    ),
    totals as (select member_id, sum(points) as earned from t group by member_id)
    select m.id, m.name, m.phone, totals.earned from totals
      join members m on m.id = totals.member_id
      where totals.earned > 0 and m.archived_at is null and m.erased_at is null and m.merged_into is null
      order by totals.earned desc, m.id
      limit ${input.limit}
  `.execute(ctx.db);
  let rank = 0;
  let previous: number | null = null;
  return {
    period,
    from,
    to,
    today,
    rows: rows.rows.map((r, i) => {
      // Equal points share a rank (1, 2, 2, 4).
      const earned = Number(r.earned);
      if (earned !== previous) rank = i + 1;
      previous = earned;
      return {
        rank,
        memberId: r.id,
        name: maskName(r.name),
        phone: r.phone.includes(':') ? '' : maskPhone(r.phone),
        points: earned,
      };
    }),
  };
}
