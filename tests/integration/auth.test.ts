import { afterEach, describe, expect, it } from 'vitest';
import {
  addStaff,
  auditRows,
  Client,
  minutes,
  ownerAccount,
  removeDir,
  setUp,
  signedIn,
  startBackend,
  type Harness,
} from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
  removeDir(h.dir);
});

async function ready() {
  h = await startBackend();
  const passphrase = await setUp(h);
  const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
  return { passphrase, owner };
}

const ownerId = () =>
  (h.backend.raw.prepare("select id from staff where username = 'boss'").get() as { id: number }).id;

describe('password sign-in', () => {
  it('refuses a wrong password and keeps an audit row of the failure', async () => {
    await ready();
    const e = await new Client(h).fail('auth.signIn', { username: 'boss', password: 'wrong-pass-1' });
    expect(e).toMatchObject({ code: 'BAD_CREDENTIALS', messageKey: 'errors.auth.badCredentials' });
    const failed = auditRows(h, 'auth.signInFailed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      staff_id: null,
      at: '2026-03-01T02:00:00.000Z',
      details: { username: 'boss', via: 'password', targetStaffId: ownerId() },
    });
    expect(h.backend.raw.prepare("select failed_attempts from staff where username = 'boss'").get()).toEqual({
      failed_attempts: 1,
    });
  });

  it('answers an unknown user exactly like a wrong password, and audits it without a staff id', async () => {
    await ready();
    const e = await new Client(h).fail('auth.signIn', { username: 'nobody', password: 'wrong-pass-1' });
    expect(e).toEqual({
      code: 'BAD_CREDENTIALS',
      messageKey: 'errors.auth.badCredentials',
      fields: { password: { messageKey: 'errors.auth.badCredentials' } },
    });
    expect(auditRows(h, 'auth.signInFailed')).toMatchObject([{ staff_id: null, details: { username: 'nobody' } }]);
  });

  it('signs in with the user name in any case and audits the success', async () => {
    await ready();
    const c = new Client(h);
    const info = await c.call('auth.signIn', { username: ' BOSS ', password: ownerAccount.password });
    expect(info.staff).toMatchObject({ username: 'boss', role: 'owner', active: true, hasPin: false });
    expect(info.settings).toMatchObject({ shopName: '好运便利店', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 });
    expect(c.token).toBeTruthy();
    expect((await c.call('auth.me', {})).staff.username).toBe('boss');
    // ready() signed in once, this is the second.
    expect(auditRows(h, 'auth.signIn')).toHaveLength(2);
  });

  it('locks the account after five failures, even against the right password, for fifteen minutes', async () => {
    await ready();
    const c = new Client(h);
    for (let i = 0; i < 5; i++)
      expect((await c.fail('auth.signIn', { username: 'boss', password: `wrong-${i}-pass` })).code).toBe(
        'BAD_CREDENTIALS',
      );
    expect(auditRows(h, 'auth.lockedOut')).toHaveLength(1);

    const locked = await c.fail('auth.signIn', { username: 'boss', password: ownerAccount.password });
    expect(locked).toMatchObject({ code: 'LOCKED_OUT', messageKey: 'errors.auth.lockedOut', params: { minutes: 15 } });
    expect(c.token).toBeUndefined();

    h.clock.advance(minutes(14));
    const later = await new Client(h).fail('auth.signIn', { username: 'boss', password: ownerAccount.password });
    expect(later).toMatchObject({ code: 'LOCKED_OUT', params: { minutes: 1 } });

    h.clock.advance(minutes(1));
    const back = await signedIn(h, 'boss', ownerAccount.password);
    expect((await back.call('auth.me', {})).staff.username).toBe('boss');
  });

  it('counts failures in a row: a success starts the count again', async () => {
    await ready();
    const c = new Client(h);
    for (let i = 0; i < 4; i++) await c.fail('auth.signIn', { username: 'boss', password: 'wrong-pass-1' });
    await c.call('auth.signIn', { username: 'boss', password: ownerAccount.password });
    const d = new Client(h);
    for (let i = 0; i < 4; i++) await d.fail('auth.signIn', { username: 'boss', password: 'wrong-pass-1' });
    expect(auditRows(h, 'auth.lockedOut')).toHaveLength(0);
    await d.call('auth.signIn', { username: 'boss', password: ownerAccount.password });
  });

  it('locks the account when the five failures arrive at once', async () => {
    await ready();
    const attempts = Array.from({ length: 5 }, () =>
      new Client(h).fail('auth.signIn', { username: 'boss', password: 'wrong-pass-1' }),
    );
    expect((await Promise.all(attempts)).map((e) => e.code)).toEqual(Array(5).fill('BAD_CREDENTIALS'));
    const e = await new Client(h).fail('auth.signIn', { username: 'boss', password: ownerAccount.password });
    expect(e.code).toBe('LOCKED_OUT');
  });

  it('rate-limits the eleventh attempt in a minute from one client, per channel', async () => {
    await ready();
    const c = new Client(h);
    for (let i = 0; i < 10; i++)
      expect((await c.fail('auth.signIn', { username: 'nobody', password: 'wrong-pass-1' })).code).toBe(
        'BAD_CREDENTIALS',
      );
    const limited = await c.fail('auth.signIn', { username: 'boss', password: ownerAccount.password });
    expect(limited).toEqual({ code: 'RATE_LIMITED', messageKey: 'errors.rateLimited' });
    // The refused attempt never reached the account.
    expect(auditRows(h, 'auth.signInFailed')).toHaveLength(10);
    // Another client, and another channel from the same client, are not held back.
    expect((await c.fail('auth.signInPin', { username: 'boss', pin: '1234' })).code).toBe('BAD_CREDENTIALS');
    await signedIn(h, 'boss', ownerAccount.password);

    h.clock.advance(minutes(1));
    await c.call('auth.signIn', { username: 'boss', password: ownerAccount.password });
  });
});

describe('PIN sign-in', () => {
  it('signs in with a PIN once set, refuses a wrong one, and lists PIN users', async () => {
    const { owner } = await ready();
    await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    expect(await new Client(h).call('auth.pinUsers', {})).toEqual([]);

    const bad = await clerk.fail('auth.setPin', { currentPassword: 'not-my-pass', pin: '2468' });
    expect(bad).toMatchObject({
      code: 'VALIDATION',
      fields: { currentPassword: { messageKey: 'errors.auth.badPassword' } },
    });

    await clerk.call('auth.setPin', { currentPassword: 'xiaoli-pass-1', pin: '2468' });
    const stored = h.backend.raw.prepare("select pin_hash from staff where username = 'xiaoli'").get() as {
      pin_hash: string;
    };
    expect(stored.pin_hash).toMatch(/^scrypt\$/);
    expect(stored.pin_hash).not.toContain('2468');
    expect(auditRows(h, 'auth.pinSet')).toHaveLength(1);
    expect(await new Client(h).call('auth.pinUsers', {})).toEqual([{ username: 'xiaoli', displayName: 'xiaoli' }]);

    const quick = new Client(h);
    const info = await quick.call('auth.signInPin', { username: 'xiaoli', pin: '2468' });
    expect(info.staff).toMatchObject({ username: 'xiaoli', role: 'clerk', hasPin: true });
    expect((await quick.call('auth.me', {})).staff.username).toBe('xiaoli');
    expect(auditRows(h, 'auth.signIn').at(-1)?.details).toEqual({ via: 'pin' });

    const wrong = await new Client(h).fail('auth.signInPin', { username: 'xiaoli', pin: '1357' });
    expect(wrong).toEqual({
      code: 'BAD_CREDENTIALS',
      messageKey: 'errors.auth.badPin',
      fields: { pin: { messageKey: 'errors.auth.badPin' } },
    });
    expect(auditRows(h, 'auth.signInFailed').at(-1)?.details).toMatchObject({ username: 'xiaoli', via: 'pin' });
    // A PIN is not a password, nor the other way round.
    expect((await new Client(h).fail('auth.signIn', { username: 'xiaoli', password: '2468' })).code).toBe(
      'BAD_CREDENTIALS',
    );
  });

  it('refuses PIN sign-in to staff without a PIN, and after the PIN is removed', async () => {
    const { owner } = await ready();
    await addStaff(owner, 'xiaoli', 'clerk');
    expect((await new Client(h).fail('auth.signInPin', { username: 'xiaoli', pin: '0000' })).code).toBe(
      'BAD_CREDENTIALS',
    );
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    await clerk.call('auth.setPin', { currentPassword: 'xiaoli-pass-1', pin: '123456' });
    await clerk.call('auth.setPin', { currentPassword: 'xiaoli-pass-1', pin: null });
    expect(auditRows(h, 'auth.pinRemoved')).toHaveLength(1);
    expect(await new Client(h).call('auth.pinUsers', {})).toEqual([]);
    expect((await new Client(h).fail('auth.signInPin', { username: 'xiaoli', pin: '123456' })).code).toBe(
      'BAD_CREDENTIALS',
    );
  });

  it('shares the lockout counter with passwords', async () => {
    const { owner } = await ready();
    await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    await clerk.call('auth.setPin', { currentPassword: 'xiaoli-pass-1', pin: '2468' });
    const c = new Client(h);
    for (let i = 0; i < 3; i++) await c.fail('auth.signInPin', { username: 'xiaoli', pin: '9999' });
    for (let i = 0; i < 2; i++) await c.fail('auth.signIn', { username: 'xiaoli', password: 'wrong-pass-1' });
    expect((await c.fail('auth.signInPin', { username: 'xiaoli', pin: '2468' })).code).toBe('LOCKED_OUT');
  });
});

describe('deactivated staff', () => {
  it('cannot sign in, and their live session stops working at once', async () => {
    const { owner } = await ready();
    const info = await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    await clerk.call('auth.setPin', { currentPassword: 'xiaoli-pass-1', pin: '2468' });
    expect((await clerk.call('members.list', {})).total).toBe(0);

    await owner.call('staff.setActive', { staffId: info.id, active: false });
    expect((await clerk.fail('members.list', {})).code).toBe('UNAUTHENTICATED');
    expect((await new Client(h).fail('auth.signIn', { username: 'xiaoli', password: 'xiaoli-pass-1' })).code).toBe(
      'BAD_CREDENTIALS',
    );
    expect((await new Client(h).fail('auth.signInPin', { username: 'xiaoli', pin: '2468' })).code).toBe(
      'BAD_CREDENTIALS',
    );
    expect(await new Client(h).call('auth.pinUsers', {})).toEqual([]);

    await owner.call('staff.setActive', { staffId: info.id, active: true });
    await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
  });
});

describe('owner password reset with the recovery passphrase', () => {
  it('refuses a wrong passphrase and changes nothing', async () => {
    await ready();
    const e = await new Client(h).fail('auth.resetOwnerPassword', {
      passphrase: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
      username: 'boss',
      newPassword: 'brand-new-pass',
    });
    expect(e).toMatchObject({
      code: 'BAD_PASSPHRASE',
      fields: { passphrase: { messageKey: 'errors.app.badPassphrase' } },
    });
    await signedIn(h, 'boss', ownerAccount.password);
    expect((await new Client(h).fail('auth.signIn', { username: 'boss', password: 'brand-new-pass' })).code).toBe(
      'BAD_CREDENTIALS',
    );
  });

  it('sets a new password, lifts a lockout and ends the owner’s sessions', async () => {
    const { passphrase, owner } = await ready();
    const c = new Client(h);
    for (let i = 0; i < 5; i++) await c.fail('auth.signIn', { username: 'boss', password: 'wrong-pass-1' });
    expect((await new Client(h).fail('auth.signIn', { username: 'boss', password: ownerAccount.password })).code).toBe(
      'LOCKED_OUT',
    );

    await new Client(h).call('auth.resetOwnerPassword', {
      passphrase: passphrase.toLowerCase().replace(/-/g, ''),
      username: 'boss',
      newPassword: 'brand-new-pass',
    });
    expect(auditRows(h, 'auth.ownerPasswordReset')).toMatchObject([{ staff_id: ownerId() }]);
    expect((await owner.fail('auth.me', {})).code).toBe('UNAUTHENTICATED');
    expect((await new Client(h).fail('auth.signIn', { username: 'boss', password: ownerAccount.password })).code).toBe(
      'BAD_CREDENTIALS',
    );
    await signedIn(h, 'boss', 'brand-new-pass');
  });

  it('resets only an active owner’s password', async () => {
    const { passphrase, owner } = await ready();
    await addStaff(owner, 'xiaoli', 'clerk');
    const e = await new Client(h).fail('auth.resetOwnerPassword', {
      passphrase,
      username: 'xiaoli',
      newPassword: 'brand-new-pass',
    });
    expect(e).toMatchObject({ code: 'VALIDATION', fields: { username: { messageKey: 'errors.auth.notAnOwner' } } });
    await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
  });
});

describe('sessions', () => {
  it('expires after the idle time and says so once', async () => {
    const { owner } = await ready();
    h.clock.advance(minutes(9));
    await owner.call('members.list', {});
    h.clock.advance(minutes(9));
    await owner.call('members.list', {});
    h.clock.advance(minutes(11));
    const e = await owner.fail('members.list', {});
    expect(e).toEqual({ code: 'SESSION_EXPIRED', messageKey: 'errors.auth.sessionExpired' });
    expect(owner.token).toBeUndefined();
    expect((await owner.fail('members.list', {})).code).toBe('UNAUTHENTICATED');
  });

  it('follows the shop’s idle setting', async () => {
    const { owner } = await ready();
    const settings = await owner.call('settings.get', {});
    await owner.call('settings.update', { ...settings, idleLockMinutes: 30 });
    h.clock.advance(minutes(25));
    await owner.call('members.list', {});
    h.clock.advance(minutes(31));
    expect((await owner.fail('members.list', {})).code).toBe('SESSION_EXPIRED');
  });

  it('signs out: the old token no longer works', async () => {
    const { owner } = await ready();
    const stolen = new Client(h);
    stolen.token = owner.token;
    await owner.call('auth.signOut', {});
    expect(owner.token).toBeUndefined();
    expect((await stolen.fail('auth.me', {})).code).toBe('UNAUTHENTICATED');
    expect(auditRows(h, 'auth.signOut')).toHaveLength(1);
  });

  it('refuses a forged token', async () => {
    await ready();
    const forged = new Client(h);
    forged.token = 'A'.repeat(43);
    expect((await forged.fail('members.list', {})).code).toBe('UNAUTHENTICATED');
  });

  it('changes a password only with the current one', async () => {
    const { owner } = await ready();
    const e = await owner.fail('auth.changePassword', { currentPassword: 'nope', newPassword: 'next-pass-22' });
    expect(e).toMatchObject({
      code: 'VALIDATION',
      fields: { currentPassword: { messageKey: 'errors.auth.badPassword' } },
    });
    await owner.call('auth.changePassword', { currentPassword: ownerAccount.password, newPassword: 'next-pass-22' });
    await signedIn(h, 'boss', 'next-pass-22');
    expect((await new Client(h).fail('auth.signIn', { username: 'boss', password: ownerAccount.password })).code).toBe(
      'BAD_CREDENTIALS',
    );
  });
});
