import { sql } from 'kysely';
import { appError, fieldError } from '../../../shared/errors.js';
import { can } from '../../../shared/permissions.js';
import { usableOn } from '../../../shared/rules/visitcards.js';
import type { UseResult, Visitcard } from '../../../shared/visitcards.js';
import { requireStaff, type Ctx } from '../../context.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { addEvent } from '../timeline.js';
import { cardView, listUses, mustGetCard, usedOn } from './view.js';

/**
 * Deducts one visit (the clerk has confirmed it with the member). Every "today" is the shop day:
 * expiry, the weekdays-only rule and the per-day limit follow the shop's time zone and day-start
 * hour. `service` '' means the card's first service. The card's `uses_left` is a cache of
 * uses_total − net visits − refunded visits, moved in the same transaction as the row.
 */
export async function useCard(ctx: Ctx, input: { cardId: number; service: string }): Promise<UseResult> {
  const me = requireStaff(ctx);
  const card = await mustGetCard(ctx, input.cardId);
  const member = await mustGetWritable(ctx, card.member_id);
  if (member.archived_at !== null) throw appError('CONFLICT', 'errors.purchase.memberArchived');
  const today = shopToday(ctx);
  const usedToday = (await usedOn(ctx, [card.id], today)).get(card.id) ?? 0;
  const block = usableOn(
    {
      refunded: card.refunded_at !== null,
      usesLeft: card.uses_left,
      expiresOn: card.expires_on,
      weekdaysOnly: card.weekdays_only === 1,
      perDayLimit: card.per_day_limit,
    },
    today,
    usedToday,
  );
  if (block)
    throw appError('CONFLICT', `errors.visitcards.${block.key}`, 'params' in block ? { params: block.params } : {});
  const services = JSON.parse(card.services) as string[];
  const service = input.service === '' ? services[0]! : input.service;
  if (!services.includes(service))
    throw fieldError('service', 'errors.visitcards.badService', { services: services.join('、') });

  const use = await ctx.db
    .insertInto('visitcard_uses')
    .values({
      visitcard_id: card.id,
      member_id: card.member_id,
      uses: 1,
      service,
      request_id: ctx.requestId,
      staff_id: me.id,
      at: ctx.nowIso,
      day: today,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('visitcards')
    .set({ uses_left: sql<number>`uses_left - 1` })
    .where('id', '=', card.id)
    .execute();
  const view = await cardView(ctx, card.id);
  await addEvent(ctx, card.member_id, 'visitcardUsed', {
    cardId: card.id,
    useId: use.id,
    name: card.name,
    service,
    usesLeft: view.usesLeft,
  });
  const uses = await listUses(ctx, { cardId: card.id });
  return { card: view, use: uses.find((u) => u.id === use.id)! };
}

/**
 * Undoes a mistaken deduction with a reversing row (the visit comes back). A clerk may undo only a
 * visit of the current shop day; an older one needs a manager or the owner (`wallet.refund`).
 * Refused once the card is refunded: its unused visits were paid out.
 */
export async function undoUse(ctx: Ctx, input: { useId: number; reason: string }): Promise<Visitcard> {
  const me = requireStaff(ctx);
  const use = await ctx.db.selectFrom('visitcard_uses').selectAll().where('id', '=', input.useId).executeTakeFirst();
  if (!use) throw appError('NOT_FOUND', 'errors.visitcards.useNotFound');
  if (use.uses !== 1) throw appError('CONFLICT', 'errors.visitcards.notAUse');
  const undone = await ctx.db
    .selectFrom('visitcard_uses')
    .select('id')
    .where('reverses_id', '=', use.id)
    .executeTakeFirst();
  if (undone) throw appError('CONFLICT', 'errors.visitcards.alreadyUndone');
  const card = await mustGetCard(ctx, use.visitcard_id);
  await mustGetWritable(ctx, card.member_id);
  if (card.refunded_at !== null) throw appError('CONFLICT', 'errors.visitcards.refunded');
  const today = shopToday(ctx);
  if (use.day !== today && !can(me.role, 'wallet.refund'))
    throw appError('FORBIDDEN', 'errors.visitcards.undoOldNeedsManager', { params: { day: use.day } });

  await ctx.db
    .insertInto('visitcard_uses')
    .values({
      visitcard_id: card.id,
      member_id: card.member_id,
      uses: -1,
      service: use.service,
      reverses_id: use.id,
      note: input.reason,
      request_id: ctx.requestId,
      staff_id: me.id,
      at: ctx.nowIso,
      day: today,
    })
    .execute();
  await ctx.db
    .updateTable('visitcards')
    .set({ uses_left: sql<number>`uses_left + 1` })
    .where('id', '=', card.id)
    .execute();
  const view = await cardView(ctx, card.id);
  await addEvent(
    ctx,
    card.member_id,
    'visitcardUseUndone',
    { cardId: card.id, useId: use.id, name: card.name, service: use.service, usesLeft: view.usesLeft },
    input.reason,
  );
  return view;
}
