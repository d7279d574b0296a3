import type { FollowupReason } from '../../../shared/followups.js';
import type { Ctx } from '../../context.js';
import { addEvent } from '../timeline.js';

export interface NewFollowup {
  memberId: number | null;
  complaintId: number | null;
  previousId: number | null;
  reason: FollowupReason;
  note: string;
  dueOn: string;
  assigneeId: number | null;
}

/**
 * Writes a follow-up task in the caller's transaction and puts it on the member's timeline. Every
 * way a task is made goes through here: by hand, after a complaint is resolved, on a call back.
 */
export async function insertFollowup(ctx: Ctx, f: NewFollowup): Promise<number> {
  const row = await ctx.db
    .insertInto('followups')
    .values({
      member_id: f.memberId,
      complaint_id: f.complaintId,
      previous_id: f.previousId,
      reason: f.reason,
      note: f.note,
      due_on: f.dueOn,
      assignee_id: f.assigneeId,
      created_by: ctx.staff?.id ?? null,
      created_at: ctx.nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (f.memberId !== null)
    await addEvent(
      ctx,
      f.memberId,
      'followupCreated',
      { followupId: row.id, reason: f.reason, dueOn: f.dueOn },
      f.note,
    );
  return row.id;
}
