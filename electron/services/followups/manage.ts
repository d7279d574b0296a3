import type { ParsedInputOf } from '../../../shared/contract/index.js';
import { appError, fieldError } from '../../../shared/errors.js';
import type { FollowupInfo } from '../../../shared/followups.js';
import { can } from '../../../shared/permissions.js';
import { requireStaff, type Ctx, type StaffRow } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { addEvent } from '../timeline.js';
import { insertFollowup } from './create.js';
import { getFollowup } from './view.js';

/**
 * Who may hold a task. Anyone may take a task or give back their own; handing it to someone else
 * (or taking it off someone else) is a manager's call, as with complaints. An unchanged assignee
 * passes, so a clerk may move the date of a colleague's task without reassigning it.
 */
async function checkAssignee(ctx: Ctx, me: StaffRow, next: number | null, current: number | null): Promise<void> {
  if (next === current) return;
  if (next !== null) {
    const staff = await ctx.db.selectFrom('staff').select('active').where('id', '=', next).executeTakeFirst();
    if (!staff || staff.active !== 1) throw fieldError('assigneeId', 'errors.followups.badAssignee');
  }
  if (can(me.role, 'complaints.manage')) return;
  const own = next === me.id || (next === null && current === me.id);
  if (!own)
    throw appError('FORBIDDEN', 'errors.followups.assignOthers', {
      fields: { assigneeId: { messageKey: 'errors.followups.assignOthers' } },
    });
}

async function mustGetOpen(ctx: Ctx, id: number) {
  const row = await ctx.db.selectFrom('followups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.followups.notFound');
  if (row.done_at !== null) throw appError('CONFLICT', 'errors.followups.done');
  return row;
}

/** A task made by hand for a member (a walk-in's task only ever comes from their complaint). */
export async function createFollowup(ctx: Ctx, input: ParsedInputOf<'followups.create'>): Promise<FollowupInfo> {
  const me = requireStaff(ctx);
  await mustGetWritable(ctx, input.memberId);
  if (input.dueOn < shopToday(ctx)) throw fieldError('dueOn', 'errors.followups.pastDue');
  await checkAssignee(ctx, me, input.assigneeId, null);
  const id = await insertFollowup(ctx, {
    memberId: input.memberId,
    complaintId: null,
    previousId: null,
    reason: input.reason,
    note: input.note,
    dueOn: input.dueOn,
    assigneeId: input.assigneeId,
  });
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'followups.created',
    details: { followupId: id, memberId: input.memberId, reason: input.reason, dueOn: input.dueOn },
  });
  return getFollowup(ctx, id);
}

/**
 * The outcome of the call or visit. A task is recorded once; "call back" schedules the next one
 * (same member, reason and assignee; its note is the next step) so the chain stays readable.
 */
export async function recordFollowup(ctx: Ctx, input: ParsedInputOf<'followups.record'>): Promise<FollowupInfo> {
  const me = requireStaff(ctx);
  const row = await mustGetOpen(ctx, input.id);
  const callBackOn = input.outcome === 'callBack' ? input.callBackOn : null;
  if (callBackOn !== null && callBackOn < shopToday(ctx)) throw fieldError('callBackOn', 'errors.followups.pastDue');
  // A member erased or merged away since is history: the task can still be closed, but nothing
  // more is written to their record and no new task is made for it.
  const member =
    row.member_id === null
      ? null
      : await ctx.db
          .selectFrom('members')
          .select(['merged_into', 'erased_at'])
          .where('id', '=', row.member_id)
          .executeTakeFirstOrThrow();
  const live = member !== null && member.merged_into === null && member.erased_at === null;
  if (callBackOn !== null && row.member_id !== null) await mustGetWritable(ctx, row.member_id);
  await ctx.db
    .updateTable('followups')
    .set({
      outcome: input.outcome,
      outcome_note: input.note,
      next_step: input.nextStep,
      done_at: ctx.nowIso,
      done_by: me.id,
    })
    .where('id', '=', row.id)
    .execute();
  if (live)
    await addEvent(ctx, row.member_id!, 'followupDone', { followupId: row.id, outcome: input.outcome }, input.note);
  const nextId =
    callBackOn === null
      ? null
      : await insertFollowup(ctx, {
          memberId: row.member_id,
          complaintId: row.complaint_id,
          previousId: row.id,
          reason: row.reason as FollowupInfo['reason'],
          note: input.nextStep,
          dueOn: callBackOn,
          assigneeId: row.assignee_id,
        });
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'followups.recorded',
    details: { followupId: row.id, outcome: input.outcome, nextId },
  });
  return getFollowup(ctx, row.id);
}

/** Another assignee, another day, or both, for a task still open. */
export async function reassignFollowup(ctx: Ctx, input: ParsedInputOf<'followups.reassign'>): Promise<FollowupInfo> {
  const me = requireStaff(ctx);
  const row = await mustGetOpen(ctx, input.id);
  // A late task may keep its day; a new day must not be in the past.
  if (input.dueOn !== row.due_on && input.dueOn < shopToday(ctx)) throw fieldError('dueOn', 'errors.followups.pastDue');
  await checkAssignee(ctx, me, input.assigneeId, row.assignee_id);
  await ctx.db
    .updateTable('followups')
    .set({ assignee_id: input.assigneeId, due_on: input.dueOn })
    .where('id', '=', row.id)
    .execute();
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'followups.reassigned',
    details: {
      followupId: row.id,
      fromAssignee: row.assignee_id,
      toAssignee: input.assigneeId,
      fromDue: row.due_on,
      toDue: input.dueOn,
    },
  });
  return getFollowup(ctx, row.id);
}
