import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { Page } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import type { FollowupInfo, FollowupOutcome, FollowupReason } from '../../../shared/followups.js';
import { requireStaff, type Ctx } from '../../context.js';
import { listedPhone, shopToday, wholePhone } from '../members/view.js';

/** Follow-ups with who they are for (a member, or a walk-in complaint's contact) and who has them. */
function joined(ctx: Ctx) {
  return ctx.db
    .selectFrom('followups as f')
    .leftJoin('members as m', 'm.id', 'f.member_id')
    .leftJoin('complaints as c', 'c.id', 'f.complaint_id')
    .leftJoin('staff as a', 'a.id', 'f.assignee_id')
    .leftJoin('staff as d', 'd.id', 'f.done_by');
}

const columns = [
  'f.id',
  'f.member_id',
  'f.complaint_id',
  'f.previous_id',
  'f.reason',
  'f.note',
  'f.due_on',
  'f.assignee_id',
  'f.outcome',
  'f.outcome_note',
  'f.next_step',
  'f.done_at',
  'f.created_at',
  'm.name as member_name',
  'm.phone as member_phone',
  'c.contact_name',
  'c.contact_phone',
  'a.display_name as assignee_name',
  'd.display_name as done_by_name',
] as const;

const selected = (ctx: Ctx) => joined(ctx).select(columns);
type Row = Awaited<ReturnType<ReturnType<typeof selected>['executeTakeFirstOrThrow']>>;

function toInfo(ctx: Ctx, today: string, r: Row): FollowupInfo {
  // A walk-in complainant has no member record: the complaint keeps their name and number.
  const phone = r.member_id !== null ? (r.member_phone ?? '') : (r.contact_phone ?? '');
  // The caller makes the calls of their own tasks and of those nobody holds: they see the whole
  // number there; a colleague's task stays masked for a clerk, as in any list.
  const mine = r.assignee_id === null || r.assignee_id === ctx.staff?.id;
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: (r.member_id !== null ? r.member_name : r.contact_name) ?? '',
    phone: mine ? wholePhone(phone) : phone === '' ? '' : listedPhone(ctx, phone),
    reason: r.reason as FollowupReason,
    note: r.note,
    dueOn: r.due_on,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    complaintId: r.complaint_id,
    outcome: r.outcome as FollowupOutcome | null,
    outcomeNote: r.outcome_note,
    nextStep: r.next_step,
    doneAt: r.done_at,
    doneByName: r.done_by_name,
    previousId: r.previous_id,
    createdAt: r.created_at,
    late: r.done_at === null && r.due_on < today,
  };
}

export async function getFollowup(ctx: Ctx, id: number): Promise<FollowupInfo> {
  const row = await selected(ctx).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.followups.notFound');
  return toInfo(ctx, shopToday(ctx), row);
}

/**
 * `today`: open tasks due today or before (late ones stay on it until recorded); `mine`: my open
 * tasks; `open`: all open ones — these soonest due first; `done`: the latest recorded first.
 */
export async function listFollowups(ctx: Ctx, input: ParsedInputOf<'followups.list'>): Promise<Page<FollowupInfo>> {
  const me = requireStaff(ctx);
  const today = shopToday(ctx);
  let q = joined(ctx);
  if (input.view === 'done') q = q.where('f.done_at', 'is not', null);
  else q = q.where('f.done_at', 'is', null);
  if (input.view === 'today') q = q.where('f.due_on', '<=', today);
  if (input.view === 'mine') q = q.where('f.assignee_id', '=', me.id);
  if (input.memberId !== null) q = q.where('f.member_id', '=', input.memberId);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const ordered =
    input.view === 'done'
      ? q.orderBy('f.done_at', 'desc').orderBy('f.id', 'desc')
      : q.orderBy('f.due_on').orderBy('f.id');
  const rows = await ordered
    .select(columns)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { total, rows: rows.map((r) => toInfo(ctx, today, r)) };
}
