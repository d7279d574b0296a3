import type {
  Compensation,
  ComplaintAction,
  ComplaintDetail,
  ComplaintStatus,
  ComplaintStep,
  ComplaintSummary,
  IntakeChannel,
  RatedBy,
  Severity,
} from '../../../shared/complaints.js';
import { appError } from '../../../shared/errors.js';
import { isOverdue, nextStatus } from '../../../shared/rules/complaints.js';
import { requireStaff, type Ctx } from '../../context.js';
import { listedPhone, wholePhone } from '../members/view.js';
import { loadComplaintSettings, toCategory } from './config.js';
import { isManager, limitFenOf, mayAssign, mayWork, reopenIsLate, type ComplaintRow } from './rows.js';

/** A complaint with what its list row shows: category, complainant and assignee. */
export function summaryQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('complaints as c')
    .innerJoin('complaint_categories as cat', 'cat.id', 'c.category_id')
    .leftJoin('members as m', 'm.id', 'c.member_id')
    .leftJoin('staff as a', 'a.id', 'c.assignee_id')
    .selectAll('c')
    .select([
      'cat.key as cat_key',
      'cat.name as cat_name',
      'cat.active as cat_active',
      'm.name as member_name',
      'm.phone as member_phone',
      'a.display_name as assignee_name',
    ]);
}

export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

export function toSummary(ctx: Ctx, r: SummaryRow): ComplaintSummary {
  const member = r.member_id !== null;
  const phone = member ? (r.member_phone ?? '') : r.contact_phone;
  const summary = {
    id: r.id,
    memberId: r.member_id,
    memberName: member ? (r.member_name ?? '') : r.contact_name,
    phone: phone === '' ? '' : listedPhone(ctx, phone),
    channel: r.channel as IntakeChannel,
    category: toCategory({ id: r.category_id, key: r.cat_key, name: r.cat_name, active: r.cat_active }),
    severity: r.severity as Severity,
    priority: r.priority,
    status: r.status as ComplaintStatus,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    description: r.description,
    loggedAt: r.created_at,
    firstResponseDue: r.first_response_due,
    firstResponseAt: r.first_response_at,
    resolutionDue: r.resolution_due,
    resolvedAt: r.resolved_at,
  };
  return { ...summary, overdue: isOverdue(summary, ctx.nowIso) };
}

async function compensationOf(ctx: Ctx, r: ComplaintRow): Promise<Compensation | null> {
  switch (r.compensation_kind) {
    case 'apology':
      return { kind: 'apology' };
    case 'points':
      return { kind: 'points', points: r.compensation_points ?? 0, entryId: r.compensation_entry_id };
    case 'refund':
      return { kind: 'refund', amountFen: r.compensation_fen ?? 0, reference: r.refund_reference };
    case 'coupon': {
      const red = await ctx.db
        .selectFrom('redemptions')
        .select(['id', 'reward_id', 'reward_name', 'code'])
        .where('id', '=', r.compensation_redemption_id ?? 0)
        .executeTakeFirst();
      if (!red) return null;
      return {
        kind: 'coupon',
        rewardId: red.reward_id,
        rewardName: red.reward_name,
        redemptionId: red.id,
        code: red.code,
      };
    }
    default:
      return null;
  }
}

async function stepsOf(ctx: Ctx, complaintId: number): Promise<ComplaintStep[]> {
  const rows = await ctx.db
    .selectFrom('complaint_steps as s')
    .leftJoin('staff as by', 'by.id', 's.staff_id')
    .leftJoin('staff as to', 'to.id', 's.assignee_id')
    .select([
      's.id',
      's.action',
      's.from_status',
      's.to_status',
      's.note',
      's.at',
      'by.display_name as staff_name',
      'to.display_name as assignee_name',
    ])
    .where('s.complaint_id', '=', complaintId)
    .orderBy('s.id')
    .execute();
  return rows.map((s) => ({
    id: s.id,
    action: s.action as ComplaintAction,
    fromStatus: s.from_status as ComplaintStatus | null,
    toStatus: s.to_status as ComplaintStatus,
    note: s.note,
    staffName: s.staff_name,
    assigneeName: s.assignee_name,
    at: s.at,
  }));
}

/** The whole complaint, with its history and what the caller may do with it now. */
export async function getComplaint(ctx: Ctx, id: number): Promise<ComplaintDetail> {
  const me = requireStaff(ctx);
  const row = await summaryQuery(ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.complaints.notFound');
  const settings = await loadComplaintSettings(ctx.db);
  const purchase =
    row.purchase_id === null
      ? undefined
      : await ctx.db.selectFrom('purchases').select('receipt_no').where('id', '=', row.purchase_id).executeTakeFirst();
  const loggedBy =
    row.created_by === null
      ? undefined
      : await ctx.db.selectFrom('staff').select('display_name').where('id', '=', row.created_by).executeTakeFirst();
  const status = row.status as ComplaintStatus;
  const may = (action: ComplaintAction) => nextStatus(status, action) !== null;
  return {
    ...toSummary(ctx, row),
    // The complaint page is like a member page: whoever works it calls the complainant back, and a
    // walk-in has no member page to find the number on. Lists stay masked for clerks.
    phone: wholePhone((row.member_id !== null ? row.member_phone : row.contact_phone) ?? ''),
    purchaseId: row.purchase_id,
    purchaseReceipt: purchase ? purchase.receipt_no : null,
    resolution: row.resolution,
    compensation: await compensationOf(ctx, row),
    closedAt: row.closed_at,
    csat:
      row.csat_score === null
        ? null
        : { score: row.csat_score, comment: row.csat_comment, by: row.csat_by as RatedBy, at: row.csat_at ?? '' },
    loggedByName: loggedBy?.display_name ?? null,
    steps: await stepsOf(ctx, row.id),
    can: {
      assign: may('assign') && isManager(ctx),
      take: may('assign') && row.assignee_id !== me.id && mayAssign(ctx, row.assignee_id, me.id),
      start: may('start') && mayWork(ctx, row),
      resolve: may('resolve') && mayWork(ctx, row),
      close: may('close'),
      reopen: may('reopen') && (isManager(ctx) || !reopenIsLate(row, settings, ctx.nowIso)),
      rate: status === 'closed' && row.csat_score === null,
    },
    limitFen: limitFenOf(me.role, settings),
  };
}
