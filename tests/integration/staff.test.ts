import { afterEach, describe, expect, it } from 'vitest';
import {
  addStaff,
  auditRows,
  Client,
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
  await setUp(h);
  return signedIn(h, ownerAccount.username, ownerAccount.password);
}

const staffRow = (username: string) =>
  h.backend.raw.prepare('select * from staff where username = ?').get(username) as {
    id: number;
    role: string;
    active: number;
    created_by: number | null;
    password_hash: string;
  };

describe('the owner manages staff', () => {
  it('creates staff with a hashed password and audits it', async () => {
    const owner = await ready();
    const me = (await owner.call('auth.me', {})).staff;
    const li = await owner.call('staff.create', {
      username: 'XiaoLi',
      displayName: ' 小李 ',
      role: 'clerk',
      password: 'clerk-pass-1',
    });
    expect(li).toEqual({
      id: li.id,
      username: 'xiaoli',
      displayName: '小李',
      role: 'clerk',
      active: true,
      hasPin: false,
      createdAt: '2026-03-01T02:00:00.000Z',
    });
    const row = staffRow('xiaoli');
    expect(row.created_by).toBe(me.id);
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.password_hash).not.toContain('clerk-pass-1');
    expect(auditRows(h, 'staff.created')).toMatchObject([
      { staff_id: me.id, details: { staffId: li.id, username: 'xiaoli', role: 'clerk' } },
    ]);
    await signedIn(h, 'xiaoli', 'clerk-pass-1');
  });

  it('salts each password: the same password hashes differently for two people', async () => {
    const owner = await ready();
    await addStaff(owner, 'xiaoli', 'clerk', 'same-pass-1');
    await addStaff(owner, 'xiaowang', 'clerk', 'same-pass-1');
    expect(staffRow('xiaoli').password_hash).not.toBe(staffRow('xiaowang').password_hash);
  });

  it('lists active staff first', async () => {
    const owner = await ready();
    const li = await addStaff(owner, 'xiaoli', 'clerk');
    await addStaff(owner, 'laozhang', 'manager');
    await owner.call('staff.setActive', { staffId: li.id, active: false });
    const list = await owner.call('staff.list', {});
    expect(list.map((s) => [s.username, s.role, s.active])).toEqual([
      ['boss', 'owner', true],
      ['laozhang', 'manager', true],
      ['xiaoli', 'clerk', false],
    ]);
  });

  it('refuses a user name that is taken, whatever its case, and creates nothing', async () => {
    const owner = await ready();
    await addStaff(owner, 'xiaoli', 'clerk');
    const e = await owner.fail('staff.create', {
      username: 'XIAOLI',
      displayName: '另一个小李',
      role: 'clerk',
      password: 'other-pass-1',
    });
    expect(e).toEqual({
      code: 'VALIDATION',
      messageKey: 'errors.validation',
      fields: { username: { messageKey: 'errors.staff.usernameTaken' } },
    });
    expect(await owner.call('staff.list', {})).toHaveLength(2);
    expect(auditRows(h, 'staff.created')).toHaveLength(1);
  });

  it('renames and changes roles, auditing each change', async () => {
    const owner = await ready();
    const li = await addStaff(owner, 'xiaoli', 'clerk');
    const updated = await owner.call('staff.update', { staffId: li.id, displayName: '李店长', role: 'manager' });
    expect(updated).toMatchObject({ id: li.id, displayName: '李店长', role: 'manager' });
    expect(auditRows(h, 'staff.roleChanged')).toMatchObject([
      { details: { staffId: li.id, from: 'clerk', to: 'manager' } },
    ]);
    expect(auditRows(h, 'staff.renamed')).toMatchObject([{ details: { staffId: li.id } }]);

    // Same values again: nothing to audit.
    await owner.call('staff.update', { staffId: li.id, displayName: '李店长', role: 'manager' });
    expect(auditRows(h, 'staff.roleChanged')).toHaveLength(1);
    expect(auditRows(h, 'staff.renamed')).toHaveLength(1);
  });

  it('applies a role change to a signed-in person at their next call', async () => {
    const owner = await ready();
    const li = await addStaff(owner, 'xiaoli', 'manager');
    const manager = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    await owner.call('members.register', { phone: '13800138000' });
    expect((await manager.call('members.list', {})).rows[0]?.phone).toBe('138 0013 8000');
    await owner.call('staff.update', { staffId: li.id, displayName: 'xiaoli', role: 'clerk' });
    expect((await manager.call('members.list', {})).rows[0]?.phone).toBe('138****8000');
  });

  it('resets a password: the old one stops working and their sessions end', async () => {
    const owner = await ready();
    const li = await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    await owner.call('staff.resetPassword', { staffId: li.id, password: 'fresh-pass-1' });
    expect((await clerk.fail('auth.me', {})).code).toBe('UNAUTHENTICATED');
    expect((await new Client(h).fail('auth.signIn', { username: 'xiaoli', password: 'xiaoli-pass-1' })).code).toBe(
      'BAD_CREDENTIALS',
    );
    await signedIn(h, 'xiaoli', 'fresh-pass-1');
    expect(auditRows(h, 'staff.passwordReset')).toMatchObject([{ details: { staffId: li.id } }]);
  });

  it('deactivates and reactivates, auditing both', async () => {
    const owner = await ready();
    const li = await addStaff(owner, 'xiaoli', 'clerk');
    expect(await owner.call('staff.setActive', { staffId: li.id, active: false })).toMatchObject({ active: false });
    expect(staffRow('xiaoli').active).toBe(0);
    expect(auditRows(h, 'staff.deactivated')).toMatchObject([{ details: { staffId: li.id } }]);
    expect(await owner.call('staff.setActive', { staffId: li.id, active: true })).toMatchObject({ active: true });
    expect(auditRows(h, 'staff.activated')).toHaveLength(1);
  });

  it('answers NOT_FOUND for a staff id that does not exist', async () => {
    const owner = await ready();
    const e = await owner.fail('staff.update', { staffId: 999, displayName: 'x', role: 'clerk' });
    expect(e).toEqual({ code: 'NOT_FOUND', messageKey: 'errors.staff.notFound' });
  });
});

describe('the shop always keeps an owner', () => {
  it('refuses to deactivate oneself', async () => {
    const owner = await ready();
    const me = (await owner.call('auth.me', {})).staff;
    const e = await owner.fail('staff.setActive', { staffId: me.id, active: false });
    expect(e).toEqual({ code: 'CONFLICT', messageKey: 'errors.staff.cannotDeactivateSelf' });
    expect(staffRow('boss').active).toBe(1);
  });

  it('refuses to demote the last owner, counting only active owners', async () => {
    const owner = await ready();
    const me = (await owner.call('auth.me', {})).staff;
    const e = await owner.fail('staff.update', { staffId: me.id, displayName: me.displayName, role: 'manager' });
    expect(e).toEqual({ code: 'CONFLICT', messageKey: 'errors.staff.lastOwner' });
    expect(staffRow('boss').role).toBe('owner');

    const second = await addStaff(owner, 'laoban2', 'owner');
    await owner.call('staff.setActive', { staffId: second.id, active: false });
    expect(
      (await owner.fail('staff.update', { staffId: me.id, displayName: me.displayName, role: 'manager' })).code,
    ).toBe('CONFLICT');
    expect(auditRows(h, 'staff.roleChanged')).toHaveLength(0);
  });

  it('lets one of two owners step down or be deactivated, but not the one who is left', async () => {
    const owner = await ready();
    const second = await addStaff(owner, 'laoban2', 'owner');
    const other = await signedIn(h, 'laoban2', 'laoban2-pass-1');
    const me = (await owner.call('auth.me', {})).staff;
    await other.call('staff.setActive', { staffId: me.id, active: false });
    expect((await owner.fail('auth.me', {})).code).toBe('UNAUTHENTICATED');
    const e = await other.fail('staff.update', { staffId: second.id, displayName: 'laoban2', role: 'clerk' });
    expect(e.code).toBe('CONFLICT');
    expect(e.messageKey).toBe('errors.staff.lastOwner');
  });
});

describe('roles', () => {
  it('refuses staff and settings changes to a manager and a clerk', async () => {
    const owner = await ready();
    await addStaff(owner, 'laozhang', 'manager');
    await addStaff(owner, 'xiaoli', 'clerk');
    const settings = await owner.call('settings.get', {});
    for (const who of ['laozhang', 'xiaoli']) {
      const c = await signedIn(h, who, `${who}-pass-1`);
      const create = await c.fail('staff.create', {
        username: `${who}x`,
        displayName: 'x',
        role: 'owner',
        password: 'whatever-1',
      });
      expect(create).toEqual({ code: 'FORBIDDEN', messageKey: 'errors.forbidden' });
      expect((await c.fail('settings.update', { ...settings, shopName: '我的店' })).code).toBe('FORBIDDEN');
      expect((await c.fail('staff.list', {})).code).toBe('FORBIDDEN');
      expect((await c.fail('clock.confirm', {})).code).toBe('FORBIDDEN');
      // Reading settings is for everyone signed in.
      expect((await c.call('settings.get', {})).shopName).toBe('好运便利店');
    }
    expect(await owner.call('staff.list', {})).toHaveLength(3);
    expect((await owner.call('settings.get', {})).shopName).toBe('好运便利店');
    expect(auditRows(h, 'staff.created')).toHaveLength(2);
  });

  it('lets a manager read the audit log but not a clerk', async () => {
    const owner = await ready();
    await addStaff(owner, 'laozhang', 'manager');
    await addStaff(owner, 'xiaoli', 'clerk');
    const manager = await signedIn(h, 'laozhang', 'laozhang-pass-1');
    const page = await manager.call('audit.list', {});
    expect(page.rows[0]?.action).toBe('auth.signIn');
    expect(page.rows.at(-1)).toMatchObject({ action: 'setup.completed', staff: '老板' });
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    expect((await clerk.fail('audit.list', {})).code).toBe('FORBIDDEN');
  });

  it('shows a clerk masked phones in search and lists, and the owner and manager the full number', async () => {
    const owner = await ready();
    await addStaff(owner, 'laozhang', 'manager');
    await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    const manager = await signedIn(h, 'laozhang', 'laozhang-pass-1');
    const m = await clerk.call('members.register', { phone: '138 0013 8000', name: '王女士' });

    expect((await clerk.call('members.search', { q: '8000' })).map((r) => r.phone)).toEqual(['138****8000']);
    expect((await clerk.call('members.list', {})).rows.map((r) => r.phone)).toEqual(['138****8000']);
    expect((await owner.call('members.search', { q: '8000' })).map((r) => r.phone)).toEqual(['138 0013 8000']);
    expect((await owner.call('members.list', {})).rows.map((r) => r.phone)).toEqual(['138 0013 8000']);
    expect((await manager.call('members.list', {})).rows.map((r) => r.phone)).toEqual(['138 0013 8000']);
    // The member page, opened for the person at the counter, shows the whole number.
    expect((await clerk.call('members.get', { id: m.id })).phone).toBe('138 0013 8000');
  });
});

describe('settings', () => {
  it('lets the owner change settings, audits which ones, and uses them at once', async () => {
    const owner = await ready();
    const before = await owner.call('settings.get', {});
    const after = await owner.call('settings.update', { ...before, shopName: '新店名', memberNoPrefix: 'VIP' });
    expect(after).toMatchObject({ shopName: '新店名', memberNoPrefix: 'VIP' });
    expect(auditRows(h, 'settings.updated')).toMatchObject([{ details: { changed: ['shopName', 'memberNoPrefix'] } }]);
    expect((await new Client(h).call('app.status', {})).shopName).toBe('新店名');
    expect((await owner.call('members.register', { phone: '13800138000' })).memberNo).toBe('VIP000001');
  });
});
