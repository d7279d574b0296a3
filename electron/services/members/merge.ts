import type { Updateable } from 'kysely';
import type { MembersTable } from '../../../db/schema.js';
import type { Member, MergeField } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import { reversedDigits } from '../../../shared/rules/phone.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { addEvent } from '../timeline.js';
import { detectDuplicates } from './duplicates.js';
import { moveReferences } from './references.js';
import { loadTierBook, upgradeIfQualified } from '../tiers/state.js';
import { mustGetWritable, type MemberRow } from './rows.js';
import { indexMemberName } from './searchIndex.js';
import { toMember } from './view.js';

/** The member columns each choosable field carries. */
const columnsOf: Record<MergeField, (keyof MemberRow)[]> = {
  name: ['name'],
  gender: ['gender'],
  birthday: ['birthday'],
  lunarBirthday: ['lunar_birthday'],
  phone: ['phone', 'phone_kind', 'phone_rev'],
  phone2: ['phone2'],
  email: ['email'],
  wechat: ['wechat'],
  occupation: ['occupation'],
  address: ['address'],
  notes: ['notes'],
  source: ['source', 'referrer_id'],
  joinedOn: ['joined_on'],
};

/** The survivor's row with the chosen fields taken from the merged record. */
export function mergedValues(
  survivor: MemberRow,
  merged: MemberRow,
  take: readonly MergeField[],
): Updateable<MembersTable> {
  const out: Record<string, unknown> = {};
  for (const [field, columns] of Object.entries(columnsOf) as [MergeField, (keyof MemberRow)[]][]) {
    const from = take.includes(field) ? merged : survivor;
    for (const c of columns) out[c] = from[c];
  }
  const values = out as Updateable<MembersTable>;
  // Nothing is lost: the number not chosen stays on the member as the second phone when that is free.
  const otherPhone = take.includes('phone') ? survivor.phone : merged.phone;
  if (values.phone2 === null && otherPhone !== values.phone) values.phone2 = otherPhone;
  if (values.phone2 === values.phone) values.phone2 = null;
  if (values.referrer_id === survivor.id || values.referrer_id === merged.id) values.referrer_id = null;
  return values;
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * Two records of one person become one. Every row that points at the merged record moves to the
 * survivor by the rules declared in `memberReferences`; the merged record stays as a tombstone
 * pointing at the survivor; both records as they were are kept in the merge's snapshot.
 */
export async function mergeMembers(
  ctx: Ctx,
  input: { survivorId: number; mergedId: number; take: MergeField[] },
): Promise<Member> {
  const me = requireStaff(ctx);
  const survivor = await mustGetWritable(ctx, input.survivorId);
  const merged = await mustGetWritable(ctx, input.mergedId);
  if (survivor.id === merged.id) throw appError('CONFLICT', 'errors.member.mergeSelf');
  const values = mergedValues(survivor, merged, input.take);

  // The merged record gives up its phone first: the column is unique and the survivor may take it.
  const placeholder = `merged:${merged.id}`;
  await ctx.db
    .updateTable('members')
    .set({ phone: placeholder, phone_rev: '', merged_into: survivor.id, updated_at: ctx.nowIso, updated_by: me.id })
    .where('id', '=', merged.id)
    .execute();
  const moved = await moveReferences(ctx, survivor.id, merged.id);
  // Both records' growth now counts for one person: it may reach a higher tier.
  await upgradeIfQualified(ctx, await loadTierBook(ctx.db), survivor.id, undefined);
  await ctx.db
    .updateTable('members')
    .set({
      ...values,
      phone_rev: reversedDigits(values.phone ?? survivor.phone),
      verified_at: later(survivor.verified_at, merged.verified_at),
      updated_at: ctx.nowIso,
      updated_by: me.id,
    })
    .where('id', '=', survivor.id)
    .execute();
  await indexMemberName(ctx.db, survivor.id, values.name ?? survivor.name);

  await ctx.db
    .insertInto('member_merges')
    .values({
      survivor_id: survivor.id,
      merged_id: merged.id,
      at: ctx.nowIso,
      staff_id: me.id,
      moved: JSON.stringify(moved),
      snapshot: JSON.stringify({ survivor, merged }),
    })
    .execute();
  await addEvent(ctx, survivor.id, 'merged', { mergedId: merged.id, mergedNo: merged.member_no, fields: input.take });
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'members.merged',
    details: { survivorId: survivor.id, mergedId: merged.id, moved },
  });
  await detectDuplicates(ctx, survivor.id);
  const row = await ctx.db.selectFrom('members').selectAll().where('id', '=', survivor.id).executeTakeFirstOrThrow();
  return toMember(ctx, row);
}
