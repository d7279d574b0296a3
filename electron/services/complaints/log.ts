import type { IntakeChannel, Severity } from '../../../shared/complaints.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { slaDue } from '../../../shared/rules/complaints.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { cachedTierBook, tierStateOf } from '../tiers/state.js';
import { addEvent } from '../timeline.js';
import { loadComplaintSettings } from './config.js';
import { addStep, mayAssign, mustGetAssignee } from './rows.js';

export interface LogComplaintInput {
  memberId: number | null;
  contactName: string;
  contactPhone: string;
  channel: IntakeChannel;
  categoryId: number;
  severity: Severity;
  description: string;
  purchaseId: number | null;
  assigneeId: number | null;
}

/**
 * Takes a complaint in: from a member, or from a walk-in who is only a name and a phone. Its due
 * times are fixed now, from the severity and the member's tier priority at this moment, so a later
 * change of tier or of the shop's targets does not move a promise already made.
 */
export async function logComplaint(ctx: Ctx, input: LogComplaintInput): Promise<number> {
  const me = requireStaff(ctx);
  const member = input.memberId === null ? null : await mustGetWritable(ctx, input.memberId);
  const category = await ctx.db
    .selectFrom('complaint_categories')
    .select(['id', 'active'])
    .where('id', '=', input.categoryId)
    .executeTakeFirst();
  if (!category) throw fieldError('categoryId', 'errors.complaints.categoryNotFound');
  if (category.active !== 1) throw fieldError('categoryId', 'errors.complaints.categoryRetired');
  if (input.purchaseId !== null) {
    const p = await ctx.db
      .selectFrom('purchases')
      .select('member_id')
      .where('id', '=', input.purchaseId)
      .executeTakeFirst();
    if (!p || member === null || p.member_id !== member.id)
      throw fieldError('purchaseId', 'errors.complaints.purchaseNotMembers');
  }
  if (input.assigneeId !== null) {
    await mustGetAssignee(ctx, input.assigneeId, 'assigneeId');
    if (!mayAssign(ctx, null, input.assigneeId)) throw appError('FORBIDDEN', 'errors.complaints.assignNeedsManager');
  }

  let priority = 0;
  if (member) {
    const { tiers } = await cachedTierBook(ctx);
    priority = (await tierStateOf(ctx.db, tiers, member.id)).tier.complaintPriority;
  }
  const settings = await loadComplaintSettings(ctx.db);
  const shop = ctx.backend.settings!;
  const due = slaDue(ctx.nowIso, input.severity, priority, settings, shop.timeZone, shop.dayStartHour);
  const status = input.assigneeId === null ? 'new' : 'assigned';
  const { id } = await ctx.db
    .insertInto('complaints')
    .values({
      member_id: member?.id ?? null,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
      channel: input.channel,
      category_id: category.id,
      severity: input.severity,
      priority,
      description: input.description,
      purchase_id: input.purchaseId,
      status,
      assignee_id: input.assigneeId,
      first_response_due: due.firstResponseDue,
      resolution_due: due.resolutionDue,
      created_by: me.id,
      created_at: ctx.nowIso,
      day: shopToday(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addStep(ctx, { complaintId: id, action: 'log', from: null, to: 'new', assigneeId: null });
  if (input.assigneeId !== null)
    await addStep(ctx, {
      complaintId: id,
      action: 'assign',
      from: 'new',
      to: 'assigned',
      assigneeId: input.assigneeId,
    });
  if (member)
    await addEvent(
      ctx,
      member.id,
      'complaintLogged',
      { complaintId: id, severity: input.severity, categoryId: category.id },
      input.description,
    );
  // Ids and codes only: the audit log is append-only and must hold nothing an erasure would remove.
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'complaints.logged',
    details: {
      complaintId: id,
      memberId: member?.id ?? null,
      categoryId: category.id,
      severity: input.severity,
      priority,
      channel: input.channel,
    },
  });
  if (input.assigneeId !== null)
    await writeAudit(ctx.db, {
      at: ctx.nowIso,
      staffId: me.id,
      action: 'complaints.assigned',
      details: { complaintId: id, assigneeId: input.assigneeId, from: null },
    });
  return id;
}
