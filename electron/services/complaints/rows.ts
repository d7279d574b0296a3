import type { Selectable } from 'kysely';
import type { ComplaintsTable } from '../../../db/schema.js';
import {
  openStatuses,
  type ComplaintAction,
  type ComplaintSettings,
  type ComplaintStatus,
} from '../../../shared/complaints.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { can, type Role } from '../../../shared/permissions.js';
import type { Ctx, StaffRow } from '../../context.js';

export type ComplaintRow = Selectable<ComplaintsTable>;

export async function mustGetComplaint(ctx: Ctx, id: number): Promise<ComplaintRow> {
  const row = await ctx.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.complaints.notFound');
  return row;
}

/** One row of the complaint's history: every action, a note included, writes one. */
export async function addStep(
  ctx: Ctx,
  s: {
    complaintId: number;
    action: ComplaintAction;
    from: ComplaintStatus | null;
    to: ComplaintStatus;
    note?: string;
    assigneeId: number | null;
  },
): Promise<void> {
  await ctx.db
    .insertInto('complaint_steps')
    .values({
      complaint_id: s.complaintId,
      action: s.action,
      from_status: s.from,
      to_status: s.to,
      note: s.note ?? '',
      assignee_id: s.assigneeId,
      staff_id: ctx.staff?.id ?? null,
      at: ctx.nowIso,
    })
    .execute();
}

export function isManager(ctx: Ctx): boolean {
  return ctx.staff !== null && can(ctx.staff.role, 'complaints.manage');
}

/** Work goes to active staff only: a deactivated account would leave it with nobody. */
export async function mustGetAssignee(ctx: Ctx, id: number, field: string): Promise<StaffRow> {
  const row = await ctx.db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.active !== 1) throw fieldError(field, 'errors.complaints.assigneeNotFound');
  return row;
}

/**
 * Who may give a complaint to `assigneeId`: a manager to anyone; anyone else only to themselves,
 * and only a complaint nobody holds (taking a colleague's is a manager's decision).
 */
export function mayAssign(ctx: Ctx, currentAssignee: number | null, assigneeId: number): boolean {
  if (isManager(ctx)) return true;
  return ctx.staff !== null && assigneeId === ctx.staff.id && currentAssignee === null;
}

/** The assignee works the complaint; a manager may step in. */
export function mayWork(ctx: Ctx, row: Pick<ComplaintRow, 'assignee_id'>): boolean {
  return isManager(ctx) || (ctx.staff !== null && row.assignee_id === ctx.staff.id);
}

/** The most compensation a role may give, in fen; null for the owner (no limit). */
export function limitFenOf(role: Role, settings: Pick<ComplaintSettings, 'clerkLimitFen' | 'managerLimitFen'>) {
  if (role === 'owner') return null;
  return role === 'manager' ? settings.managerLimitFen : settings.clerkLimitFen;
}

/** Resolved longer ago than the shop allows a clerk to reopen. */
export function reopenIsLate(
  row: Pick<ComplaintRow, 'resolved_at'>,
  settings: Pick<ComplaintSettings, 'reopenDays'>,
  nowIso: string,
): boolean {
  if (row.resolved_at === null) return false;
  return Date.parse(nowIso) - Date.parse(row.resolved_at) > settings.reopenDays * 86_400_000;
}

/** The open statuses as SQL text, the same words as the partial index `complaints_open`. */
export function openCondition(alias: string): string {
  return `${alias}.status in (${openStatuses.map((s) => `'${s}'`).join(', ')})`;
}
