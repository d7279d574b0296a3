import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { SessionInfo } from '../../shared/domain.js';
import { appError, fieldError } from '../../shared/errors.js';
import { hashSecret, verifySecret } from '../core/passwords.js';
import { requireStaff, type Ctx, type StaffRow } from '../context.js';
import { writeAudit } from './audit.js';
import { toStaffInfo } from './staff.js';

/** Five wrong passwords or PINs in a row lock the account for fifteen minutes. */
export const maxFailedAttempts = 5;
export const lockoutMinutes = 15;

export function sessionInfo(ctx: Ctx, staff: StaffRow): SessionInfo {
  if (!ctx.backend.settings) throw appError('BAD_STATE', 'errors.app.notReady');
  return { staff: toStaffInfo(staff), settings: ctx.backend.settings };
}

async function recordFailure(db: Kysely<DB>, at: Date, staff: StaffRow | undefined, username: string, via: string) {
  await writeAudit(db, {
    at: at.toISOString(),
    staffId: staff?.id ?? null,
    action: 'auth.signInFailed',
    details: { username, via },
  });
  if (!staff) return;
  // Counted in SQL, not from the row the failed call read: sign-ins that fail at the same time each
  // read the old count, and would otherwise all write the same "+1" and never reach the lockout.
  const { failed_attempts: failures } = await db
    .updateTable('staff')
    .set({ failed_attempts: sql`failed_attempts + 1` })
    .where('id', '=', staff.id)
    .returning('failed_attempts')
    .executeTakeFirstOrThrow();
  if (failures < maxFailedAttempts) return;
  await db
    .updateTable('staff')
    .set({ failed_attempts: 0, locked_until: new Date(at.getTime() + lockoutMinutes * 60_000).toISOString() })
    .where('id', '=', staff.id)
    .execute();
  await writeAudit(db, { at: at.toISOString(), staffId: staff.id, action: 'auth.lockedOut', details: { via } });
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashSecret('liuke-no-such-user'));

/** Shared by password and PIN sign-in: same lockout counter, same audit trail. */
async function signInWith(ctx: Ctx, username: string, secret: string, via: 'password' | 'pin'): Promise<SessionInfo> {
  const staff = await ctx.db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
  const fail = (): never => {
    ctx.onFailure((db) => recordFailure(db, ctx.now, staff?.active ? staff : undefined, username, via));
    throw appError('BAD_CREDENTIALS', via === 'pin' ? 'errors.auth.badPin' : 'errors.auth.badCredentials');
  };
  if (!staff || staff.active !== 1) {
    // Same work as a wrong password, so the answer's timing does not tell which usernames exist.
    await verifySecret(secret, await dummyHash());
    return fail();
  }
  if (staff.locked_until && staff.locked_until > ctx.nowIso) {
    const minutes = Math.ceil((new Date(staff.locked_until).getTime() - ctx.now.getTime()) / 60_000);
    throw appError('LOCKED_OUT', 'errors.auth.lockedOut', { params: { minutes } });
  }
  const hash = via === 'pin' ? staff.pin_hash : staff.password_hash;
  if (!hash || !(await verifySecret(secret, hash))) return fail();
  await ctx.db
    .updateTable('staff')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', staff.id)
    .execute();
  await writeAudit(ctx.db, { at: ctx.nowIso, staffId: staff.id, action: 'auth.signIn', details: { via } });
  ctx.startSession(staff.id);
  return sessionInfo(ctx, { ...staff, failed_attempts: 0, locked_until: null });
}

export function signIn(ctx: Ctx, input: { username: string; password: string }): Promise<SessionInfo> {
  return signInWith(ctx, input.username, input.password, 'password');
}

export function signInPin(ctx: Ctx, input: { username: string; pin: string }): Promise<SessionInfo> {
  return signInWith(ctx, input.username, input.pin, 'pin');
}

export async function pinUsers(ctx: Ctx): Promise<{ username: string; displayName: string }[]> {
  const rows = await ctx.db
    .selectFrom('staff')
    .select(['username', 'display_name'])
    .where('active', '=', 1)
    .where('pin_hash', 'is not', null)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ username: r.username, displayName: r.display_name }));
}

export async function signOut(ctx: Ctx): Promise<{ ok: true }> {
  const me = requireStaff(ctx);
  await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: 'auth.signOut' });
  ctx.endSession();
  return { ok: true };
}

/** The recovery passphrase proves ownership of the shop's data, so it may reset an owner's password. */
export async function resetOwnerPassword(
  ctx: Ctx,
  input: { passphrase: string; username: string; newPassword: string },
): Promise<{ ok: true }> {
  await ctx.backend.unwrap(input.passphrase);
  const owner = await ctx.db
    .selectFrom('staff')
    .selectAll()
    .where('username', '=', input.username)
    .where('role', '=', 'owner')
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!owner) throw fieldError('username', 'errors.auth.notAnOwner');
  await ctx.db
    .updateTable('staff')
    .set({ password_hash: await hashSecret(input.newPassword), failed_attempts: 0, locked_until: null })
    .where('id', '=', owner.id)
    .execute();
  await writeAudit(ctx.db, { at: ctx.nowIso, staffId: owner.id, action: 'auth.ownerPasswordReset' });
  ctx.backend.sessions.endAllFor(owner.id);
  return { ok: true };
}

async function checkCurrentPassword(ctx: Ctx, staff: StaffRow, password: string): Promise<void> {
  if (!(await verifySecret(password, staff.password_hash)))
    throw fieldError('currentPassword', 'errors.auth.badPassword');
}

export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true }> {
  const me = requireStaff(ctx);
  await checkCurrentPassword(ctx, me, input.currentPassword);
  await ctx.db
    .updateTable('staff')
    .set({ password_hash: await hashSecret(input.newPassword) })
    .where('id', '=', me.id)
    .execute();
  await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: 'auth.passwordChanged' });
  return { ok: true };
}

export async function setPin(ctx: Ctx, input: { currentPassword: string; pin: string | null }): Promise<{ ok: true }> {
  const me = requireStaff(ctx);
  await checkCurrentPassword(ctx, me, input.currentPassword);
  const pinHash = input.pin === null ? null : await hashSecret(input.pin);
  await ctx.db.updateTable('staff').set({ pin_hash: pinHash }).where('id', '=', me.id).execute();
  await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: input.pin ? 'auth.pinSet' : 'auth.pinRemoved' });
  return { ok: true };
}
