import type { Selectable } from 'kysely';
import type { MembersTable } from '../../../db/schema.js';
import { appError } from '../../../shared/errors.js';
import type { Ctx } from '../../context.js';

export type MemberRow = Selectable<MembersTable>;

export async function mustGetMember(ctx: Ctx, id: number): Promise<MemberRow> {
  const row = await ctx.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.member.notFound');
  return row;
}

/** A merged tombstone or an erased record is history: nothing is written to it any more. */
export async function mustGetWritable(ctx: Ctx, id: number): Promise<MemberRow> {
  const row = await mustGetMember(ctx, id);
  if (row.merged_into !== null)
    throw appError('CONFLICT', 'errors.member.merged', { details: { mergedInto: row.merged_into } });
  if (row.erased_at !== null) throw appError('CONFLICT', 'errors.member.erased');
  return row;
}
