import type { Member } from '../../../shared/domain.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { requireStaff, type Ctx } from '../../context.js';
import { addEvent } from '../timeline.js';
import { mustGetMember, mustGetWritable } from './rows.js';
import { toMember } from './view.js';

/**
 * Pre-printed member cards. A card number binds once, ever: a lost card cannot come back on
 * another member. 挂失 ends a card; 补卡 binds a new number that records which card it replaces.
 */
async function insertCard(ctx: Ctx, memberId: number, cardNo: string, replaces: number | null): Promise<void> {
  const taken = await ctx.db
    .selectFrom('member_cards')
    .select(['member_id', 'status'])
    .where('card_no', '=', cardNo)
    .executeTakeFirst();
  if (taken) throw fieldError('cardNo', 'errors.card.taken');
  const clash = await ctx.db.selectFrom('members').select('id').where('member_no', '=', cardNo).executeTakeFirst();
  if (clash) throw fieldError('cardNo', 'errors.card.isMemberNo');
  await ctx.db
    .insertInto('member_cards')
    .values({
      member_id: memberId,
      card_no: cardNo,
      status: 'active',
      bound_at: ctx.nowIso,
      bound_by: ctx.staff!.id,
      replaces,
    })
    .execute();
}

export async function bindCard(ctx: Ctx, input: { id: number; cardNo: string }): Promise<Member> {
  requireStaff(ctx);
  await mustGetWritable(ctx, input.id);
  const active = await ctx.db
    .selectFrom('member_cards')
    .select('id')
    .where('member_id', '=', input.id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (active) throw fieldError('cardNo', 'errors.card.alreadyHasCard');
  await insertCard(ctx, input.id, input.cardNo, null);
  await addEvent(ctx, input.id, 'cardBound', { cardNo: input.cardNo });
  return toMember(ctx, await mustGetMember(ctx, input.id));
}

async function activeCard(ctx: Ctx, memberId: number, cardId: number) {
  const card = await ctx.db
    .selectFrom('member_cards')
    .selectAll()
    .where('id', '=', cardId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  if (!card) throw appError('NOT_FOUND', 'errors.card.notFound');
  return card;
}

export async function reportCardLost(ctx: Ctx, input: { id: number; cardId: number }): Promise<Member> {
  const me = requireStaff(ctx);
  await mustGetWritable(ctx, input.id);
  const card = await activeCard(ctx, input.id, input.cardId);
  if (card.status !== 'active') throw appError('CONFLICT', 'errors.card.notActive');
  await ctx.db
    .updateTable('member_cards')
    .set({ status: 'lost', ended_at: ctx.nowIso, ended_by: me.id })
    .where('id', '=', card.id)
    .execute();
  await addEvent(ctx, input.id, 'cardLost', { cardNo: card.card_no });
  return toMember(ctx, await mustGetMember(ctx, input.id));
}

export async function replaceCard(ctx: Ctx, input: { id: number; cardId: number; cardNo: string }): Promise<Member> {
  requireStaff(ctx);
  await mustGetWritable(ctx, input.id);
  const old = await activeCard(ctx, input.id, input.cardId);
  if (old.status === 'active') throw appError('CONFLICT', 'errors.card.reportLostFirst');
  const replaced = await ctx.db
    .selectFrom('member_cards')
    .select('id')
    .where('replaces', '=', old.id)
    .executeTakeFirst();
  if (replaced) throw appError('CONFLICT', 'errors.card.alreadyReplaced');
  const active = await ctx.db
    .selectFrom('member_cards')
    .select('id')
    .where('member_id', '=', input.id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (active) throw fieldError('cardNo', 'errors.card.alreadyHasCard');
  await insertCard(ctx, input.id, input.cardNo, old.id);
  await addEvent(ctx, input.id, 'cardReplaced', { oldCardNo: old.card_no, cardNo: input.cardNo });
  return toMember(ctx, await mustGetMember(ctx, input.id));
}
