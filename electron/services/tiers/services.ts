import { appError } from '../../../shared/errors.js';
import { periodKey } from '../../../shared/rules/tiers.js';
import type { ServicePeriod } from '../../../shared/tiers.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { addEvent } from '../timeline.js';
import { bringTierUpToDate } from './review.js';
import { loadTierBook } from './state.js';

/** Uses of one service by one member in one period that still count. */
async function usesIn(ctx: Ctx, memberId: number, serviceId: number, key: string) {
  return ctx.db
    .selectFrom('tier_service_uses')
    .select(['id', 'day'])
    .where('member_id', '=', memberId)
    .where('service_id', '=', serviceId)
    .where('period_key', '=', key)
    .where('undone_at', 'is', null)
    .orderBy('id', 'desc')
    .execute();
}

/** The service, if the member's current tier includes it, and this period's key. */
async function serviceFor(ctx: Ctx, memberId: number, serviceId: number) {
  await mustGetWritable(ctx, memberId);
  const book = await loadTierBook(ctx.db);
  const { tier } = await bringTierUpToDate(ctx, book, memberId);
  const service = tier.services.find((s) => s.id === serviceId);
  if (!service) throw appError('CONFLICT', 'errors.tiers.serviceNotInTier', { params: { tier: tier.name } });
  return { service, key: periodKey(shopToday(ctx), service.period as ServicePeriod) };
}

/** Marks one free service used: refused once the tier's allowance for the period is used up. */
export async function useService(ctx: Ctx, input: { memberId: number; serviceId: number }): Promise<void> {
  const me = requireStaff(ctx);
  const { service, key } = await serviceFor(ctx, input.memberId, input.serviceId);
  const used = (await usesIn(ctx, input.memberId, service.id, key)).length;
  if (used >= service.quantity)
    throw appError('CONFLICT', 'errors.tiers.serviceUsedUp', {
      params: { name: service.name, quantity: service.quantity },
    });
  await ctx.db
    .insertInto('tier_service_uses')
    .values({
      member_id: input.memberId,
      service_id: service.id,
      period_key: key,
      request_id: ctx.requestId,
      staff_id: me.id,
      at: ctx.nowIso,
      day: shopToday(ctx),
    })
    .execute();
  await addEvent(ctx, input.memberId, 'tierService', {
    service: service.name,
    period: key,
    left: service.quantity - used - 1,
  });
}

/** Undoes the latest use this period; a clerk may undo the same day's, later a manager. */
export async function undoService(
  ctx: Ctx,
  input: { memberId: number; serviceId: number; reason: string },
): Promise<void> {
  const me = requireStaff(ctx);
  const { service, key } = await serviceFor(ctx, input.memberId, input.serviceId);
  const [latest] = await usesIn(ctx, input.memberId, service.id, key);
  if (!latest) throw appError('CONFLICT', 'errors.tiers.serviceNothingToUndo');
  if (me.role === 'clerk' && latest.day !== shopToday(ctx))
    throw appError('FORBIDDEN', 'errors.tiers.undoNeedsManager');
  await ctx.db
    .updateTable('tier_service_uses')
    .set({ undone_at: ctx.nowIso, undone_by: me.id, undo_reason: input.reason })
    .where('id', '=', latest.id)
    .execute();
  await addEvent(ctx, input.memberId, 'tierServiceUndone', { service: service.name, period: key }, input.reason);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'tiers.undoService',
    details: { memberId: input.memberId, service: service.name, period: key, reason: input.reason },
  });
}
