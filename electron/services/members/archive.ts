import type { Member } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { addEvent } from '../timeline.js';
import { mustGetWritable } from './rows.js';
import { toMember } from './view.js';

/**
 * Archiving hides a member from lists and the counter search; nothing is deleted and restoring
 * brings everything back. The audit row holds the id only.
 */
export async function setArchived(ctx: Ctx, input: { id: number; archived: boolean }): Promise<Member> {
  const me = requireStaff(ctx);
  const row = await mustGetWritable(ctx, input.id);
  if ((row.archived_at !== null) === input.archived)
    throw appError('CONFLICT', input.archived ? 'errors.member.alreadyArchived' : 'errors.member.notArchived');
  const updated = await ctx.db
    .updateTable('members')
    .set({ archived_at: input.archived ? ctx.nowIso : null, updated_at: ctx.nowIso, updated_by: me.id })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await addEvent(ctx, row.id, input.archived ? 'archived' : 'restored');
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: input.archived ? 'members.archived' : 'members.restored',
    details: { memberId: row.id },
  });
  return toMember(ctx, updated);
}
