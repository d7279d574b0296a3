import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { openStatuses, type ComplaintStatus } from '../../shared/complaints.js';
import { fieldError } from '../../shared/errors.js';
import type { Role } from '../../shared/permissions.js';
import { requireStaff, type Ctx } from '../context.js';
import { writeAudit } from './audit.js';
import { addStep } from './complaints/rows.js';

export interface OpenWork {
  complaints: number;
  followups: number;
}

/** The complaints still being worked and the follow-ups not yet done that someone holds. */
export async function openWorkOf(db: Kysely<DB>, staffId: number): Promise<OpenWork> {
  const c = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assignee_id', '=', staffId)
    .where('status', 'in', [...openStatuses])
    .executeTakeFirstOrThrow();
  const f = await db
    .selectFrom('followups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assignee_id', '=', staffId)
    .where('done_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { complaints: Number(c.n), followups: Number(f.n) };
}

/**
 * Hands a leaving staff member's open work to `to`, or to nobody (null): an assigned complaint then
 * goes back to new so it shows up to be taken; one in progress stays in progress, unassigned. Each
 * complaint records the change as an assign step.
 */
export async function handOverWork(ctx: Ctx, staffId: number, to: number | null): Promise<OpenWork> {
  const me = requireStaff(ctx);
  if (to !== null) {
    const target = await ctx.db.selectFrom('staff').select(['id', 'active']).where('id', '=', to).executeTakeFirst();
    if (!target || target.active !== 1 || target.id === staffId)
      throw fieldError('reassignTo', 'errors.staff.reassignInvalid');
  }
  const complaints = await ctx.db
    .selectFrom('complaints')
    .select(['id', 'status'])
    .where('assignee_id', '=', staffId)
    .where('status', 'in', [...openStatuses])
    .orderBy('id')
    .execute();
  for (const c of complaints) {
    const from = c.status as ComplaintStatus;
    const status: ComplaintStatus = to === null && from === 'assigned' ? 'new' : from;
    await ctx.db.updateTable('complaints').set({ assignee_id: to, status }).where('id', '=', c.id).execute();
    await addStep(ctx, { complaintId: c.id, action: 'assign', from, to: status, assigneeId: to });
  }
  const f = await ctx.db
    .updateTable('followups')
    .set({ assignee_id: to })
    .where('assignee_id', '=', staffId)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  const moved = { complaints: complaints.length, followups: Number(f.numUpdatedRows) };
  if (moved.complaints + moved.followups > 0)
    await writeAudit(ctx.db, {
      at: ctx.nowIso,
      staffId: me.id,
      action: 'staff.workReassigned',
      details: { staffId, to, ...moved, complaintIds: complaints.map((c) => c.id) },
    });
  return moved;
}

/** Active staff to give work to, for every role's pickers: names and roles only. */
export async function listAssignees(ctx: Ctx): Promise<{ id: number; displayName: string; role: Role }[]> {
  const rows = await ctx.db
    .selectFrom('staff')
    .select(['id', 'display_name', 'role'])
    .where('active', '=', 1)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
}
