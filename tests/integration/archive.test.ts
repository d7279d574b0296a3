import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, auditRows, signedIn, closeShops, openShop } from './harness.js';

afterEach(closeShops);

describe('archiving a member', () => {
  it('hides them from lists and search until restored, loses nothing, and is not a clerk’s act', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    const m = await clerk.call('members.register', { phone: '13800138000', name: '王女士' });
    await clerk.call('members.addInteraction', { id: m.id, kind: 'note', body: '喜欢绿茶' });

    expect((await clerk.fail('members.setArchived', { id: m.id, archived: true })).code).toBe('FORBIDDEN');
    const archived = await owner.call('members.setArchived', { id: m.id, archived: true });
    expect(archived.archivedAt).not.toBeNull();
    expect(await clerk.call('members.search', { q: '8000' })).toEqual([]);
    expect(await clerk.call('members.search', { q: '王女' })).toEqual([]);
    expect((await clerk.call('members.list', {})).total).toBe(0);
    expect((await clerk.call('members.list', { archived: true })).rows.map((r) => r.id)).toEqual([m.id]);
    // Still the same person: the phone stays taken, the page and history stay readable.
    expect((await clerk.fail('members.register', { phone: '13800138000' })).code).toBe('CONFLICT');
    expect((await clerk.call('members.timeline', { id: m.id })).rows.map((e) => e.kind)).toEqual([
      'archived',
      'note',
      'registered',
    ]);
    expect((await owner.fail('members.setArchived', { id: m.id, archived: true })).messageKey).toBe(
      'errors.member.alreadyArchived',
    );

    await owner.call('members.setArchived', { id: m.id, archived: false });
    expect((await clerk.call('members.search', { q: '8000' })).map((r) => r.id)).toEqual([m.id]);
    expect(auditRows(h, 'members.archived')).toMatchObject([{ details: { memberId: m.id } }]);
    expect(auditRows(h, 'members.restored')).toHaveLength(1);
  });
});
