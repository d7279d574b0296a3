import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { StaffInfo } from '../../shared/domain.js';
import type { Role } from '../../shared/permissions.js';
import { appError, fieldError } from '../../shared/errors.js';
import { hashSecret } from '../core/passwords.js';
import { requireStaff, type Ctx, type StaffRow } from '../context.js';
import { writeAudit } from './audit.js';
import { handOverWork, openWorkOf } from './staffWork.js';

export function toStaffInfo(r: StaffRow): StaffInfo {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    active: r.active === 1,
    hasPin: r.pin_hash !== null,
    createdAt: r.created_at,
  };
}

export async function getStaff(db: Kysely<DB>, id: number): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

async function mustGet(db: Kysely<DB>, id: number): Promise<StaffRow> {
  const row = await getStaff(db, id);
  if (!row) throw appError('NOT_FOUND', 'errors.staff.notFound');
  return row;
}

export async function listStaff(ctx: Ctx): Promise<StaffInfo[]> {
  const rows = await ctx.db.selectFrom('staff').selectAll().orderBy('active', 'desc').orderBy('id').execute();
  return rows.map(toStaffInfo);
}

export async function insertStaff(
  db: Kysely<DB>,
  values: {
    username: string;
    displayName: string;
    role: Role;
    password: string;
    createdAt: string;
    createdBy: number | null;
  },
): Promise<StaffRow> {
  const taken = await db.selectFrom('staff').select('id').where('username', '=', values.username).executeTakeFirst();
  if (taken) throw fieldError('username', 'errors.staff.usernameTaken');
  return db
    .insertInto('staff')
    .values({
      username: values.username,
      display_name: values.displayName,
      role: values.role,
      password_hash: await hashSecret(values.password),
      created_at: values.createdAt,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createStaff(
  ctx: Ctx,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<StaffInfo> {
  const me = requireStaff(ctx);
  const row = await insertStaff(ctx.db, { ...input, createdAt: ctx.nowIso, createdBy: me.id });
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'staff.created',
    details: { staffId: row.id, username: row.username, role: row.role },
  });
  return toStaffInfo(row);
}

/** A shop must always keep one active owner: otherwise nobody can manage staff or settings. */
async function assertAnotherOwner(db: Kysely<DB>, exceptId: number): Promise<void> {
  const other = await db
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'owner')
    .where('active', '=', 1)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  if (!other) throw appError('CONFLICT', 'errors.staff.lastOwner');
}

export async function updateStaff(
  ctx: Ctx,
  input: { staffId: number; displayName: string; role: Role },
): Promise<StaffInfo> {
  const me = requireStaff(ctx);
  const row = await mustGet(ctx.db, input.staffId);
  if (row.role === 'owner' && input.role !== 'owner') await assertAnotherOwner(ctx.db, row.id);
  const updated = await ctx.db
    .updateTable('staff')
    .set({ display_name: input.displayName, role: input.role })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (row.role !== input.role) {
    await writeAudit(ctx.db, {
      at: ctx.nowIso,
      staffId: me.id,
      action: 'staff.roleChanged',
      details: { staffId: row.id, from: row.role, to: input.role },
    });
  }
  if (row.display_name !== input.displayName)
    await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: 'staff.renamed', details: { staffId: row.id } });
  return toStaffInfo(updated);
}

export async function resetStaffPassword(
  ctx: Ctx,
  input: { staffId: number; password: string },
): Promise<{ ok: true }> {
  const me = requireStaff(ctx);
  const row = await mustGet(ctx.db, input.staffId);
  await ctx.db
    .updateTable('staff')
    .set({ password_hash: await hashSecret(input.password), failed_attempts: 0, locked_until: null })
    .where('id', '=', row.id)
    .execute();
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'staff.passwordReset',
    details: { staffId: row.id },
  });
  if (row.id !== me.id) ctx.backend.sessions.endAllFor(row.id);
  return { ok: true };
}

/**
 * Deactivating someone who still holds open complaints or follow-ups needs to be told where that
 * work goes (`reassignTo`: someone else, or null for nobody); without it the counts come back so
 * the owner can be asked, and nothing changes.
 */
export async function setStaffActive(
  ctx: Ctx,
  input: { staffId: number; active: boolean; reassignTo?: number | null | undefined },
): Promise<StaffInfo> {
  const me = requireStaff(ctx);
  const row = await mustGet(ctx.db, input.staffId);
  if (!input.active) {
    if (row.id === me.id) throw appError('CONFLICT', 'errors.staff.cannotDeactivateSelf');
    if (row.role === 'owner') await assertAnotherOwner(ctx.db, row.id);
    if (input.reassignTo === undefined) {
      const work = await openWorkOf(ctx.db, row.id);
      if (work.complaints + work.followups > 0)
        throw appError('CONFLICT', 'errors.staff.openWork', { params: { ...work } });
    } else await handOverWork(ctx, row.id, input.reassignTo);
  }
  const updated = await ctx.db
    .updateTable('staff')
    .set({ active: input.active ? 1 : 0 })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: input.active ? 'staff.activated' : 'staff.deactivated',
    details: { staffId: row.id },
  });
  if (!input.active) ctx.backend.sessions.endAllFor(row.id);
  return toStaffInfo(updated);
}
