import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, ownerAccount, removeDir, setUp, signedIn, startBackend, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  if (h) {
    await h.close();
    removeDir(h.dir);
    h = undefined;
  }
});

describe('setup, sign-in and registration', () => {
  it('sets up, signs in the owner and registers a member', async () => {
    h = await startBackend();
    expect(h.backend.status().state).toBe('setup');
    await setUp(h);
    expect(h.backend.status().state).toBe('ready');
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    const m = await owner.call('members.register', { phone: '138 0013 8000', name: '王女士' });
    expect(m.phone).toBe('138 0013 8000');
    expect(m.memberNo).toBe('M000001');
    const found = await owner.call('members.search', { q: '8000' });
    expect(found.map((f) => f.id)).toEqual([m.id]);
  });

  it('registers once for a repeated request id and both calls get the same answer', async () => {
    h = await startBackend();
    await setUp(h);
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    const id = randomUUID();
    const [a, b] = await Promise.all([
      owner.call('members.register', { phone: '13900139000' }, id),
      owner.call('members.register', { phone: '13900139000' }, id),
    ]);
    expect(a).toEqual(b);
    const list = await owner.call('members.list', {});
    expect(list.rows).toHaveLength(1);
    const other = await owner.fail('members.register', { phone: '13700137000' }, id);
    expect(other.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('refuses an owner-only channel to a clerk', async () => {
    h = await startBackend();
    await setUp(h);
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    await owner.call('staff.create', {
      username: 'xiaoli',
      displayName: '小李',
      role: 'clerk',
      password: 'clerk-pass-1',
    });
    const clerk = await signedIn(h, 'xiaoli', 'clerk-pass-1');
    const e = await clerk.fail('staff.create', {
      username: 'xiaowang',
      displayName: '小王',
      role: 'owner',
      password: 'whatever-1',
    });
    expect(e.code).toBe('FORBIDDEN');
    const anon = new Client(h);
    expect((await anon.fail('members.list', {})).code).toBe('UNAUTHENTICATED');
  });
});
