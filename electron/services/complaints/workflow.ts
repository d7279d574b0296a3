import type { Updateable } from 'kysely';
import type { ComplaintsTable } from '../../../db/schema.js';
import type { ComplaintAction, ComplaintStatus, RatedBy } from '../../../shared/complaints.js';
import type { CompensationInput } from '../../../shared/contract/complaints.js';
import { appError } from '../../../shared/errors.js';
import { nextStatus } from '../../../shared/rules/complaints.js';
import { addDays } from '../../../shared/rules/earning.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { insertFollowup } from '../followups/create.js';
import { shopToday } from '../members/view.js';
import { addEvent } from '../timeline.js';
import { compensate } from './compensation.js';
import { loadComplaintSettings } from './config.js';
import {
  addStep,
  isManager,
  mayAssign,
  mayWork,
  mustGetAssignee,
  mustGetComplaint,
  reopenIsLate,
  type ComplaintRow,
} from './rows.js';

type Patch = Updateable<ComplaintsTable>;

/** Where `action` leads from the complaint's status; a move the workflow does not have is refused. */
function target(row: ComplaintRow, action: ComplaintAction): ComplaintStatus {
  const to = nextStatus(row.status as ComplaintStatus, action);
  if (to === null)
    throw appError('CONFLICT', 'errors.complaints.illegalMove', { params: { from: row.status, action } });
  return to;
}

/** Writes the move and its step row; the audit row names the ids only (no free text). */
async function apply(
  ctx: Ctx,
  row: ComplaintRow,
  action: ComplaintAction,
  to: ComplaintStatus,
  patch: Patch,
  note: string,
  audit: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  const assigneeId = patch.assignee_id !== undefined ? (patch.assignee_id as number | null) : row.assignee_id;
  await ctx.db
    .updateTable('complaints')
    .set({ ...patch, status: to })
    .where('id', '=', row.id)
    .execute();
  await addStep(ctx, { complaintId: row.id, action, from: row.status as ComplaintStatus, to, note, assigneeId });
  if (audit)
    await writeAudit(ctx.db, {
      at: ctx.nowIso,
      staffId: requireStaff(ctx).id,
      action: audit,
      details: { complaintId: row.id, memberId: row.member_id, from: row.status, to, ...details },
    });
}

async function event(ctx: Ctx, row: ComplaintRow, kind: string, data: Record<string, unknown>, body = '') {
  if (row.member_id !== null) await addEvent(ctx, row.member_id, kind, { complaintId: row.id, ...data }, body);
}

/** To someone else: a manager only. Anyone may take a complaint nobody holds. */
export async function assignComplaint(ctx: Ctx, input: { id: number; assigneeId: number; note: string }) {
  requireStaff(ctx);
  const row = await mustGetComplaint(ctx, input.id);
  const to = target(row, 'assign');
  await mustGetAssignee(ctx, input.assigneeId, 'assigneeId');
  if (!mayAssign(ctx, row.assignee_id, input.assigneeId))
    throw appError('FORBIDDEN', 'errors.complaints.assignNeedsManager');
  await apply(ctx, row, 'assign', to, { assignee_id: input.assigneeId }, input.note, 'complaints.assigned', {
    assigneeId: input.assigneeId,
    previousAssigneeId: row.assignee_id,
  });
}

/** The first response: the complainant has been contacted. */
export async function startComplaint(ctx: Ctx, input: { id: number; note: string }) {
  requireStaff(ctx);
  const row = await mustGetComplaint(ctx, input.id);
  const to = target(row, 'start');
  if (!mayWork(ctx, row)) throw appError('FORBIDDEN', 'errors.complaints.notAssignee');
  await apply(
    ctx,
    row,
    'start',
    to,
    { first_response_at: row.first_response_at ?? ctx.nowIso },
    input.note,
    'complaints.started',
  );
}

/**
 * Resolves with the resolution text and its compensation, in one transaction: the points or the
 * coupon are given here or not at all. A follow-up visit is booked once, for the first resolution.
 */
export async function resolveComplaint(
  ctx: Ctx,
  input: { id: number; resolution: string; compensation: CompensationInput },
) {
  const me = requireStaff(ctx);
  const row = await mustGetComplaint(ctx, input.id);
  const to = target(row, 'resolve');
  if (!mayWork(ctx, row)) throw appError('FORBIDDEN', 'errors.complaints.notAssignee');
  const settings = await loadComplaintSettings(ctx.db);
  const given = await compensate(ctx, row, input.compensation, settings);
  const patch: Patch = {
    ...given.patch,
    resolution: input.resolution,
    first_response_at: row.first_response_at ?? ctx.nowIso,
    resolved_at: ctx.nowIso,
    resolved_by: me.id,
  };
  // The resolution text is also the step's note: a re-resolution after a reopen overwrites the
  // complaint's column, the history keeps every one.
  await apply(ctx, row, 'resolve', to, patch, input.resolution, 'complaints.resolved', {
    ...given.event,
    worthFen: given.patch.compensation_fen ?? null,
    ...(input.compensation.kind === 'coupon' ? { rewardId: input.compensation.rewardId } : {}),
  });
  await event(ctx, row, 'complaintResolved', given.event, input.resolution);
  if (settings.followupDays > 0) {
    const booked = await ctx.db
      .selectFrom('followups')
      .select('id')
      .where('complaint_id', '=', row.id)
      .where('reason', '=', 'complaint')
      .where('previous_id', 'is', null)
      .executeTakeFirst();
    if (!booked)
      await insertFollowup(ctx, {
        memberId: row.member_id,
        complaintId: row.id,
        previousId: null,
        reason: 'complaint',
        note: '',
        dueOn: addDays(shopToday(ctx), settings.followupDays),
        assigneeId: row.assignee_id,
      });
  }
}

type CsatIn = { score: number; comment: string; by: RatedBy };

const csatColumns = (ctx: Ctx, csat: CsatIn): Patch => ({
  csat_score: csat.score,
  csat_comment: csat.comment,
  csat_by: csat.by,
  csat_at: ctx.nowIso,
});

/** Anyone may close a resolved complaint, with the complainant's CSAT if they gave it. */
export async function closeComplaint(ctx: Ctx, input: { id: number; note: string; csat: CsatIn | null }) {
  requireStaff(ctx);
  const row = await mustGetComplaint(ctx, input.id);
  const to = target(row, 'close');
  const patch: Patch = { closed_at: ctx.nowIso, ...(input.csat ? csatColumns(ctx, input.csat) : {}) };
  const score = input.csat?.score ?? null;
  await apply(ctx, row, 'close', to, patch, input.note, 'complaints.closed', { score });
  // One timeline entry: the closing with its score and the complainant's comment.
  await event(ctx, row, 'complaintClosed', { score }, input.csat?.comment ?? '');
}

/** The CSAT of a closed complaint that has none yet (the member answered later): `csatRecorded`. */
export async function rateComplaint(ctx: Ctx, input: { id: number; csat: CsatIn }) {
  requireStaff(ctx);
  const row = await mustGetComplaint(ctx, input.id);
  if (row.status !== 'closed')
    throw appError('CONFLICT', 'errors.complaints.illegalMove', { params: { from: row.status, action: 'rate' } });
  if (row.csat_score !== null) throw appError('CONFLICT', 'errors.complaints.alreadyRated');
  const score = input.csat.score;
  await apply(ctx, row, 'rate', 'closed', csatColumns(ctx, input.csat), '', 'complaints.rated', { score });
  await event(ctx, row, 'csatRecorded', { score }, input.csat.comment);
}

/**
 * Back to work, with the reason. Late (resolved more than `reopenDays` ago) only a manager may.
 * The compensation stays: the next resolution cannot give another.
 */
export async function reopenComplaint(ctx: Ctx, input: { id: number; note: string }) {
  requireStaff(ctx);
  const row = await mustGetComplaint(ctx, input.id);
  const to = target(row, 'reopen');
  const settings = await loadComplaintSettings(ctx.db);
  if (reopenIsLate(row, settings, ctx.nowIso) && !isManager(ctx))
    throw appError('FORBIDDEN', 'errors.complaints.reopenNeedsManager', { params: { days: settings.reopenDays } });
  const patch: Patch = { resolved_at: null, resolved_by: null, closed_at: null };
  await apply(ctx, row, 'reopen', to, patch, input.note, 'complaints.reopened');
  await event(ctx, row, 'complaintReopened', {}, input.note);
}

/** A contact or remark in any status; on the member's timeline, not in the audit log. */
export async function addComplaintNote(ctx: Ctx, input: { id: number; note: string }) {
  requireStaff(ctx);
  const row = await mustGetComplaint(ctx, input.id);
  const status = row.status as ComplaintStatus;
  await addStep(ctx, {
    complaintId: row.id,
    action: 'note',
    from: status,
    to: status,
    note: input.note,
    assigneeId: row.assignee_id,
  });
  await event(ctx, row, 'complaintNote', {}, input.note);
}
