import type { LedgerKind, PointsSummary } from '../../../shared/points.js';
import type { Ctx } from '../../context.js';
import { shopToday } from '../members/view.js';
import { balanceOf } from './ledger.js';

/** Balance, what can be spent today, and each open lot with its expiry: the counter's points card. */
export async function pointsSummary(ctx: Ctx, memberId: number): Promise<PointsSummary> {
  const today = shopToday(ctx);
  const lots = await ctx.db
    .selectFrom('points_ledger')
    .select(['id', 'kind', 'points', 'remaining', 'at', 'usable_on', 'expires_on'])
    .where('member_id', '=', memberId)
    .where('remaining', '>', 0)
    .orderBy('expires_on')
    .orderBy('id')
    .execute();
  // SQLite sorts a missing expiry first; never-expiring lots belong last.
  lots.sort((a, b) => Number(a.expires_on === null) - Number(b.expires_on === null));
  const balance = await balanceOf(ctx, memberId);
  let usable = 0;
  let frozen = 0;
  let lapsed = 0;
  const byDay = new Map<string, number>();
  const thaws = new Map<string, number>();
  for (const l of lots) {
    // A lot past its last day that the expiry run has not reached yet cannot be spent either.
    if (l.expires_on !== null && l.expires_on < today) {
      lapsed += l.remaining!;
      continue;
    }
    if (l.usable_on! <= today) usable += l.remaining!;
    else {
      frozen += l.remaining!;
      thaws.set(l.usable_on!, (thaws.get(l.usable_on!) ?? 0) + l.remaining!);
    }
    if (l.expires_on) byDay.set(l.expires_on, (byDay.get(l.expires_on) ?? 0) + l.remaining!);
  }
  return {
    memberId,
    balance,
    usable,
    frozen,
    lapsed,
    expiries: [...byDay].map(([on, points]) => ({ on, points })),
    thaws: [...thaws].sort(([a], [b]) => a.localeCompare(b)).map(([on, points]) => ({ on, points })),
    lots: lots.map((l) => ({
      id: l.id,
      kind: l.kind as LedgerKind,
      points: l.points,
      remaining: l.remaining!,
      at: l.at,
      usableOn: l.usable_on!,
      expiresOn: l.expires_on,
    })),
  };
}
