import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { SessionInfo } from '../../shared/domain.js';
import { appError, fieldError } from '../../shared/errors.js';
import { hashSecret, verifySecret } from '../core/passwords.js';
import type { Backend } from '../backend.js';
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
  // Nobody is signed in: the actor is unknown. The account that was tried is named in the details.
  await writeAudit(db, {
    at: at.toISOString(),
    staffId: null,
    action: 'auth.signInFailed',
    details: { username, via, targetStaffId: staff?.id ?? null },
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
  await writeAudit(db, {
    at: at.toISOString(),
    staffId: null,
    action: 'auth.lockedOut',
    details: { via, targetStaffId: staff.id },
  });
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashSecret('liuke-no-such-user'));

export interface SecretCheck {
  staffId: number | null;
  verified: boolean;
}

/**
 * The slow part of a sign-in (scrypt, ~50 ms) runs before the call's transaction, so other
 * counter work is not held up behind it. The transaction then re-reads the account and applies
 * the result.
 */
export async function checkSignInSecret(
  db: Kysely<DB>,
  username: string,
  secret: string,
  via: 'password' | 'pin',
): Promise<SecretCheck> {
  const staff = await db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
  const hash = staff?.active === 1 ? (via === 'pin' ? staff.pin_hash : staff.password_hash) : null;
  // An unknown user costs the same work as a wrong password: timing does not tell who exists.
  const verified = await verifySecret(secret, hash ?? (await dummyHash()));
  return { staffId: staff?.id ?? null, verified: hash !== null && verified };
}

/** Shared by password and PIN sign-in: same lockout counter, same audit trail. */
async function signInWith(
  ctx: Ctx,
  username: string,
  check: SecretCheck,
  via: 'password' | 'pin',
): Promise<SessionInfo> {
  const staff = await ctx.db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
  // The message goes under the field that was wrong, so the lock screen shows it in place.
  const secretField = via === 'pin' ? 'pin' : 'password';
  const fail = (): never => {
    ctx.onFailure((db) => recordFailure(db, ctx.now, staff?.active ? staff : undefined, username, via));
    const messageKey = via === 'pin' ? 'errors.auth.badPin' : 'errors.auth.badCredentials';
    throw appError('BAD_CREDENTIALS', messageKey, { fields: { [secretField]: { messageKey } } });
  };
  if (!staff || staff.active !== 1) return fail();
  if (staff.locked_until && staff.locked_until > ctx.nowIso) {
    const minutes = Math.ceil((new Date(staff.locked_until).getTime() - ctx.now.getTime()) / 60_000);
    throw appError('LOCKED_OUT', 'errors.auth.lockedOut', {
      params: { minutes },
      fields: { [secretField]: { messageKey: 'errors.auth.lockedOut', params: { minutes } } },
    });
  }
  if (check.staffId !== staff.id || !check.verified) return fail();
  await ctx.db
    .updateTable('staff')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', staff.id)
    .execute();
  await writeAudit(ctx.db, { at: ctx.nowIso, staffId: staff.id, action: 'auth.signIn', details: { via } });
  ctx.startSession(staff.id);
  return sessionInfo(ctx, { ...staff, failed_attempts: 0, locked_until: null });
}

export function signIn(ctx: Ctx, input: { username: string }, check: SecretCheck): Promise<SessionInfo> {
  return signInWith(ctx, input.username, check, 'password');
}

export function signInPin(ctx: Ctx, input: { username: string }, check: SecretCheck): Promise<SessionInfo> {
  return signInWith(ctx, input.username, check, 'pin');
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
/** Before the transaction: the 64 MiB passphrase check and the new password's hash. */
export async function prepareOwnerReset(
  backend: Backend,
  input: { passphrase: string; newPassword: string },
): Promise<{ passwordHash: string }> {
  await backend.unwrap(input.passphrase);
  return { passwordHash: await hashSecret(input.newPassword) };
}

export async function resetOwnerPassword(
  ctx: Ctx,
  input: { username: string },
  prepared: { passwordHash: string },
): Promise<{ ok: true }> {
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
    .set({ password_hash: prepared.passwordHash, failed_attempts: 0, locked_until: null })
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
