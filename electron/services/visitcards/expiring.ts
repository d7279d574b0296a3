import type { Page } from '../../../shared/domain.js';
import { addDays } from '../../../shared/rules/earning.js';
import type { ExpiringVisitcard } from '../../../shared/visitcards.js';
import type { Ctx } from '../../context.js';
import { listedPhone, shopToday } from '../members/view.js';
import { loadWalletSettings } from '../wallet/settings.js';
import { toCards } from './view.js';

/**
 * Cards still usable whose last day falls from today to today + the settings' days ahead, soonest
 * first, for clerks to call the member. The page is cut on the `visitcards_expiring` partial index
 * (its condition is repeated word for word so SQLite can use it) and only that page's members are
 * looked up; phone numbers are masked unless the role may see them whole.
 */
export async function listExpiringCards(
  ctx: Ctx,
  input: { page: number; pageSize: number },
): Promise<Page<ExpiringVisitcard>> {
  const today = shopToday(ctx);
  const { expiringDays } = await loadWalletSettings(ctx.db);
  const base = ctx.db
    .selectFrom('visitcards')
    .where('refunded_at', 'is', null)
    .where('uses_left', '>', 0)
    .where('expires_on', 'is not', null)
    .where('expires_on', '>=', today)
    .where('expires_on', '<=', addDays(today, expiringDays));
  const rows = await base
    .selectAll()
    .orderBy('expires_on')
    .orderBy('id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const memberIds = [...new Set(rows.map((r) => r.member_id))];
  const members = memberIds.length
    ? await ctx.db.selectFrom('members').select(['id', 'name', 'phone']).where('id', 'in', memberIds).execute()
    : [];
  const byId = new Map(members.map((m) => [m.id, m]));
  const cards = await toCards(ctx, rows);
  return {
    total: Number(total),
    rows: cards.map((card) => {
      const m = byId.get(card.memberId);
      return { card, memberName: m?.name ?? '', memberPhone: m ? listedPhone(ctx, m.phone) : '' };
    }),
  };
}
