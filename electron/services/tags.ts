import type { TagInfo } from '../../shared/domain.js';
import { appError, fieldError } from '../../shared/errors.js';
import { requireStaff, type Ctx } from '../context.js';
import { writeAudit } from './audit.js';
import { mustGetWritable } from './members/rows.js';
import { tagsOf } from './members/view.js';
import { addEvent } from './timeline.js';

export async function listTags(ctx: Ctx): Promise<(TagInfo & { members: number })[]> {
  const rows = await ctx.db
    .selectFrom('tags as t')
    .leftJoin('member_tags as mt', 'mt.tag_id', 't.id')
    .select((eb) => ['t.id', 't.name', 't.color', eb.fn.count<number>('mt.member_id').as('members')])
    .groupBy('t.id')
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, color: r.color, members: Number(r.members) }));
}

async function assertNameFree(ctx: Ctx, name: string, selfId: number | null): Promise<void> {
  const clash = await ctx.db.selectFrom('tags').select('id').where('name', '=', name).executeTakeFirst();
  if (clash && clash.id !== selfId) throw fieldError('name', 'errors.tag.nameTaken');
}

export async function createTag(ctx: Ctx, input: { name: string; color: string }): Promise<TagInfo> {
  const me = requireStaff(ctx);
  await assertNameFree(ctx, input.name, null);
  const row = await ctx.db
    .insertInto('tags')
    .values({ name: input.name, color: input.color, created_at: ctx.nowIso, created_by: me.id })
    .returning(['id', 'name', 'color'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function updateTag(ctx: Ctx, input: { tagId: number; name: string; color: string }): Promise<TagInfo> {
  requireStaff(ctx);
  await assertNameFree(ctx, input.name, input.tagId);
  const row = await ctx.db
    .updateTable('tags')
    .set({ name: input.name, color: input.color })
    .where('id', '=', input.tagId)
    .returning(['id', 'name', 'color'])
    .executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.tag.notFound');
  return row;
}

/**
 * A tag the shop no longer wants: it comes off every member. Their timelines keep the old
 * "tags changed" entries; the audit row keeps the name and how many members had it.
 */
export async function deleteTag(ctx: Ctx, tagId: number): Promise<{ ok: true }> {
  const me = requireStaff(ctx);
  const tag = await ctx.db.selectFrom('tags').select(['id', 'name']).where('id', '=', tagId).executeTakeFirst();
  if (!tag) throw appError('NOT_FOUND', 'errors.tag.notFound');
  const removed = await ctx.db.deleteFrom('member_tags').where('tag_id', '=', tagId).executeTakeFirst();
  await ctx.db.deleteFrom('tags').where('id', '=', tagId).execute();
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'tags.deleted',
    details: { tagId, name: tag.name, members: Number(removed.numDeletedRows) },
  });
  return { ok: true };
}

async function assertTagsExist(ctx: Ctx, tagIds: number[]): Promise<void> {
  if (tagIds.length === 0) return;
  const found = await ctx.db.selectFrom('tags').select('id').where('id', 'in', tagIds).execute();
  if (found.length !== new Set(tagIds).size) throw fieldError('tagIds', 'errors.tag.notFound');
}

export async function setMemberTags(ctx: Ctx, input: { memberId: number; tagIds: number[] }): Promise<TagInfo[]> {
  const me = requireStaff(ctx);
  await mustGetWritable(ctx, input.memberId);
  await assertTagsExist(ctx, input.tagIds);
  const wanted = new Set(input.tagIds);
  const current = new Set(
    (await ctx.db.selectFrom('member_tags').select('tag_id').where('member_id', '=', input.memberId).execute()).map(
      (r) => r.tag_id,
    ),
  );
  const added = [...wanted].filter((t) => !current.has(t));
  const removed = [...current].filter((t) => !wanted.has(t));
  if (removed.length)
    await ctx.db
      .deleteFrom('member_tags')
      .where('member_id', '=', input.memberId)
      .where('tag_id', 'in', removed)
      .execute();
  if (added.length)
    await ctx.db
      .insertInto('member_tags')
      .values(added.map((tag_id) => ({ member_id: input.memberId, tag_id, added_at: ctx.nowIso, added_by: me.id })))
      .execute();
  if (added.length || removed.length) await addEvent(ctx, input.memberId, 'tagsChanged', { added, removed });
  return (await tagsOf(ctx.db, [input.memberId])).get(input.memberId) ?? [];
}

/** Bulk tagging from the member list. Members already in the wanted state are left alone. */
export async function applyTag(
  ctx: Ctx,
  input: { tagId: number; memberIds: number[]; add: boolean },
): Promise<{ changed: number }> {
  const me = requireStaff(ctx);
  await assertTagsExist(ctx, [input.tagId]);
  const ids = [...new Set(input.memberIds)];
  const members = await ctx.db
    .selectFrom('members')
    .select('id')
    .where('id', 'in', ids)
    .where('merged_into', 'is', null)
    .where('erased_at', 'is', null)
    .execute();
  if (members.length !== ids.length) throw fieldError('memberIds', 'errors.member.notFound');
  const having = new Set(
    (
      await ctx.db
        .selectFrom('member_tags')
        .select('member_id')
        .where('tag_id', '=', input.tagId)
        .where('member_id', 'in', ids)
        .execute()
    ).map((r) => r.member_id),
  );
  const targets = ids.filter((id) => having.has(id) !== input.add);
  if (targets.length === 0) return { changed: 0 };
  if (input.add)
    await ctx.db
      .insertInto('member_tags')
      .values(targets.map((member_id) => ({ member_id, tag_id: input.tagId, added_at: ctx.nowIso, added_by: me.id })))
      .execute();
  else
    await ctx.db
      .deleteFrom('member_tags')
      .where('tag_id', '=', input.tagId)
      .where('member_id', 'in', targets)
      .execute();
  for (const id of targets)
    await addEvent(
      ctx,
      id,
      'tagsChanged',
      input.add ? { added: [input.tagId], removed: [] } : { added: [], removed: [input.tagId] },
    );
  return { changed: targets.length };
}
