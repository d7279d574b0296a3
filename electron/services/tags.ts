import type { TagInfo } from '../../shared/domain.js';
import { appError, fieldError } from '../../shared/errors.js';
import { requireStaff, type Ctx } from '../context.js';
import { writeAudit } from './audit.js';
import { mustGetWritable } from './members/rows.js';
import { tagsOf } from './members/view.js';
import { filteredMembers, type MemberFilter } from './members/list.js';
import { addEvent, addEvents } from './timeline.js';

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

const chunk = 5000;

/**
 * Adds or removes one tag on these members; members already in the wanted state are left alone,
 * and each one changed gets a timeline entry. Works in chunks, so "all 80,000 that match" is fine.
 */
async function applyTagTo(ctx: Ctx, tagId: number, ids: number[], add: boolean): Promise<{ changed: number }> {
  const me = requireStaff(ctx);
  const targets: number[] = [];
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    const having = new Set(
      (
        await ctx.db
          .selectFrom('member_tags')
          .select('member_id')
          .where('tag_id', '=', tagId)
          .where('member_id', 'in', part)
          .execute()
      ).map((r) => r.member_id),
    );
    targets.push(...part.filter((id) => having.has(id) !== add));
  }
  for (let i = 0; i < targets.length; i += chunk) {
    const part = targets.slice(i, i + chunk);
    if (add)
      await ctx.db
        .insertInto('member_tags')
        .values(part.map((member_id) => ({ member_id, tag_id: tagId, added_at: ctx.nowIso, added_by: me.id })))
        .execute();
    else await ctx.db.deleteFrom('member_tags').where('tag_id', '=', tagId).where('member_id', 'in', part).execute();
  }
  await addEvents(ctx, targets, 'tagsChanged', add ? { added: [tagId], removed: [] } : { added: [], removed: [tagId] });
  return { changed: targets.length };
}

/** Bulk tagging of the ticked members in the list. */
export async function applyTag(
  ctx: Ctx,
  input: { tagId: number; memberIds: number[]; add: boolean },
): Promise<{ changed: number }> {
  requireStaff(ctx);
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
  return applyTagTo(ctx, input.tagId, ids, input.add);
}

/** Bulk tagging of every member the list's filters match, not only the page on screen. */
export async function applyTagToFilter(
  ctx: Ctx,
  input: { tagId: number; add: boolean; filter: MemberFilter },
): Promise<{ changed: number }> {
  requireStaff(ctx);
  await assertTagsExist(ctx, [input.tagId]);
  const ids = (await filteredMembers(ctx, input.filter).select('m.id').orderBy('m.id').execute()).map((r) => r.id);
  return applyTagTo(ctx, input.tagId, ids, input.add);
}
