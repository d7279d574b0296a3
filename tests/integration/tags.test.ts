import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, auditRows, signedIn, closeShops, openShop } from './harness.js';

afterEach(closeShops);

describe('tags', () => {
  it('are named once regardless of case, validated, renamed, recoloured and deleted by owners and managers only', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');

    const vip = await owner.call('tags.create', { name: 'VIP', color: 'red' });
    expect((await owner.fail('tags.create', { name: 'vip', color: 'blue' })).fields?.name?.messageKey).toBe(
      'errors.tag.nameTaken',
    );
    expect((await owner.fail('tags.create', { name: 'x'.repeat(21), color: 'blue' })).fields?.name).toMatchObject({
      messageKey: 'errors.tooLong',
      params: { limit: 20 },
    });
    expect((await owner.fail('tags.create', { name: 'a\u202eb', color: 'blue' })).fields?.name?.messageKey).toBe(
      'errors.badCharacters',
    );
    expect((await owner.call('tags.create', { name: 'Birthday gift', color: 'pink' })).name).toBe('Birthday gift');
    expect((await clerk.fail('tags.create', { name: '新客', color: 'blue' })).code).toBe('FORBIDDEN');

    const a = await clerk.call('members.register', { phone: '13800138000', name: '甲' });
    const b = await clerk.call('members.register', { phone: '13900139000', name: '乙' });
    expect(await clerk.call('tags.apply', { tagId: vip.id, memberIds: [a.id, b.id], add: true })).toEqual({
      changed: 2,
    });
    expect(await owner.call('tags.update', { tagId: vip.id, name: '贵宾', color: 'orange' })).toMatchObject({
      name: '贵宾',
      color: 'orange',
    });
    expect((await clerk.call('members.get', { id: a.id })).tags).toEqual([
      { id: vip.id, name: '贵宾', color: 'orange' },
    ]);

    expect((await clerk.fail('tags.delete', { tagId: vip.id })).code).toBe('FORBIDDEN');
    await owner.call('tags.delete', { tagId: vip.id });
    expect((await clerk.call('members.get', { id: b.id })).tags).toEqual([]);
    expect((await owner.call('tags.list', {})).map((t) => t.name)).toEqual(['Birthday gift']);
    expect(auditRows(h, 'tags.deleted')).toMatchObject([{ details: { tagId: vip.id, name: '贵宾', members: 2 } }]);
    expect((await owner.fail('tags.delete', { tagId: vip.id })).code).toBe('NOT_FOUND');
  });

  it('bulk tagging reaches every member the filters match, and a reversed date range is refused', async () => {
    const { owner } = await openShop();
    const vip = await owner.call('tags.create', { name: 'VIP', color: 'red' });
    const women: number[] = [];
    for (let i = 0; i < 120; i++) {
      const m = await owner.call('members.register', {
        phone: `1380000${String(i).padStart(4, '0')}`,
        gender: i % 3 === 0 ? 'male' : 'female',
      });
      if (i % 3 !== 0) women.push(m.id);
    }
    // One already has the tag: it is left alone and not counted.
    await owner.call('tags.setForMember', { memberId: women[0]!, tagIds: [vip.id] });
    expect(await owner.call('tags.applyToFilter', { tagId: vip.id, add: true, filter: { gender: 'female' } })).toEqual({
      changed: women.length - 1,
    });
    const tagged = await owner.call('members.list', { tagId: vip.id, pageSize: 200 });
    expect(tagged.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(women);
    const last = await owner.call('members.timeline', { id: women[5]! });
    expect(last.rows[0]).toMatchObject({ kind: 'tagsChanged', data: { added: [vip.id], removed: [] } });

    const reversed = await owner.fail('members.list', { joinedFrom: '2026-03-01', joinedTo: '2026-02-01' });
    expect(reversed.fields?.joinedTo?.messageKey).toBe('errors.member.dateRange');
    const refused = await owner.fail('tags.applyToFilter', {
      tagId: vip.id,
      add: false,
      filter: { joinedFrom: '2026-03-01', joinedTo: '2026-02-01' },
    });
    expect(refused.code).toBe('VALIDATION');
    expect((await owner.call('members.list', { tagId: vip.id })).total).toBe(women.length);
  });
});
