import { afterEach, describe, expect, it } from 'vitest';
import { memberReferences } from '../../electron/services/members/references.js';
import { addStaff, auditRows, signedIn, type Harness, closeShops, openShop } from './harness.js';

let h: Harness;
afterEach(closeShops);

/** Every foreign key in the schema that points at members(id), as "table.column". */
function foreignKeysToMembers(): string[] {
  const tables = h.backend.raw
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return tables.flatMap((t) =>
    (h.backend.raw.pragma(`foreign_key_list(${t})`) as { table: string; from: string }[])
      .filter((fk) => fk.table === 'members')
      .map((fk) => `${t}.${fk.from}`),
  );
}

const count = (sql: string, ...args: unknown[]) =>
  (h.backend.raw
    .prepare(sql)
    .pluck()
    .get(...args) as number) ?? 0;

/** Everything in the file except what is derived (search grams) or bookkeeping (idempotency). */
function dump(): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of [
    'members',
    'member_events',
    'member_consents',
    'member_cards',
    'member_tags',
    'duplicate_candidates',
    'member_merges',
    'audit_log',
  ])
    out[t] = h.backend.raw.prepare(`select * from ${t}`).all();
  return out;
}

describe('merging two members', () => {
  it('every column that points at members is declared for the merge', async () => {
    h = (await openShop()).h;
    const declared = memberReferences.map((r) => `${r.table}.${r.column}`).sort();
    expect(foreignKeysToMembers().sort()).toEqual(declared);
  });

  it('moves every dependent row to the survivor, keeps a tombstone and a snapshot, and loses nothing', async () => {
    const shop = await openShop();
    h = shop.h;
    const { owner } = shop;
    await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');

    const survivor = await clerk.call('members.register', {
      phone: '13800138000',
      name: '张伟',
      birthday: '1990-05-01',
      occupation: '教师',
      consents: ['sms'],
    });
    // An older record of the same person, merged into `merged` below: every decision of it is older.
    const old = await clerk.call('members.register', { phone: '13500135000', name: '张卫' });
    h.clock.advance(60_000);
    const merged = await clerk.call('members.register', {
      phone: '13900139000',
      name: '张伟',
      birthday: '1990-05-01',
      email: 'zw@example.com',
      address: '北京市朝阳区',
      source: 'referral',
      referrerId: survivor.id,
      consents: ['sms', 'wechat'],
    });
    const referred = await clerk.call('members.register', {
      phone: '13700137000',
      name: '小王',
      source: 'referral',
      referrerId: merged.id,
    });
    const third = await clerk.call('members.register', { phone: '13600136000', name: '李四', email: 'zw@example.com' });
    await owner.call('members.merge', { survivorId: merged.id, mergedId: old.id, take: [] });

    const vip = await owner.call('tags.create', { name: 'VIP', color: 'red' });
    const tea = await owner.call('tags.create', { name: '爱喝茶', color: 'green' });
    await clerk.call('tags.setForMember', { memberId: survivor.id, tagIds: [vip.id] });
    await clerk.call('tags.setForMember', { memberId: merged.id, tagIds: [vip.id, tea.id] });
    await clerk.call('members.addInteraction', { id: merged.id, kind: 'call', body: '询问新品' });
    const withCard = await clerk.call('members.bindCard', { id: merged.id, cardNo: 'C0001' });
    await clerk.call('members.reportCardLost', { id: merged.id, cardId: withCard.cards[0]!.id });
    await clerk.call('members.replaceCard', { id: merged.id, cardId: withCard.cards[0]!.id, cardNo: 'C0002' });
    h.clock.advance(60_000);
    // The survivor withdrew SMS consent last: that decision must still hold after the merge.
    await clerk.call('members.setConsent', { id: survivor.id, channel: 'sms', granted: false });

    const queue = await owner.call('duplicates.list', {});
    expect(queue.rows.map((r) => [r.a.id, r.b.id])).toEqual([
      [merged.id, third.id],
      [survivor.id, merged.id],
    ]);

    // The survivor has a card in use too: after the merge only one may be.
    await clerk.call('members.bindCard', { id: survivor.id, cardNo: 'S0001' });
    const rowsBefore = {
      events: count('select count(*) from member_events where member_id in (?, ?)', survivor.id, merged.id),
      consents: count('select count(*) from member_consents where member_id in (?, ?)', survivor.id, merged.id),
      cards: count('select count(*) from member_cards where member_id in (?, ?)', survivor.id, merged.id),
    };
    expect((await clerk.fail('members.merge', { survivorId: survivor.id, mergedId: merged.id })).code).toBe(
      'FORBIDDEN',
    );

    const result = await owner.call('members.merge', {
      survivorId: survivor.id,
      mergedId: merged.id,
      take: ['email', 'address', 'phone', 'source'],
    });

    // Chosen values from the merged record, the rest from the survivor; the other number kept.
    expect(result).toMatchObject({
      id: survivor.id,
      name: '张伟',
      occupation: '教师',
      email: 'zw@example.com',
      address: '北京市朝阳区',
      phone: '139 0013 9000',
      phone2: '138 0013 8000',
      source: 'referral',
      referrer: null,
    });
    expect(result.tags.map((t) => t.name).sort()).toEqual(['VIP', '爱喝茶'].sort());
    expect(result.cards.map((c) => [c.cardNo, c.status])).toEqual([
      ['S0001', 'active'],
      ['C0002', 'unbound'],
      ['C0001', 'lost'],
    ]);
    expect(result.consents.sms?.granted).toBe(false);
    expect(result.consents.wechat?.granted).toBe(true);

    // Every dependent row now belongs to the survivor; nothing points at the tombstone but history.
    expect(count('select count(*) from member_events where member_id = ?', survivor.id)).toBe(rowsBefore.events + 1);
    expect(count('select count(*) from member_consents where member_id = ?', survivor.id)).toBe(rowsBefore.consents);
    expect(count('select count(*) from member_cards where member_id = ?', survivor.id)).toBe(rowsBefore.cards);
    for (const ref of memberReferences.filter((r) => r.merge.kind !== 'history'))
      expect(
        count(
          `select count(*) from ${ref.table} where ${ref.column} = ? and ${ref.table !== 'duplicate_candidates' ? '1' : "status = 'open'"}`,
          merged.id,
        ),
        `${ref.table}.${ref.column}`,
      ).toBe(0);
    expect((await clerk.call('members.get', { id: referred.id })).referrer?.id).toBe(survivor.id);
    expect((await clerk.call('members.get', { id: old.id })).mergedInto).toBe(survivor.id);

    const tomb = await clerk.call('members.get', { id: merged.id });
    expect(tomb.mergedInto).toBe(survivor.id);
    expect((await clerk.fail('members.addInteraction', { id: merged.id, kind: 'note', body: 'x' })).messageKey).toBe(
      'errors.member.merged',
    );
    // The old number, member number and card all find the survivor; the tombstone is not listed.
    for (const q of ['13900139000', '13800138000', merged.memberNo, 'S0001', 'zw@example.com'])
      expect(
        (await clerk.call('members.search', { q })).map((m) => m.id),
        q,
      ).toContain(survivor.id);
    expect((await clerk.call('members.list', {})).rows.map((m) => m.id)).not.toContain(merged.id);
    const timeline = (await clerk.call('members.timeline', { id: survivor.id })).rows.map((e) => e.kind);
    expect(timeline[0]).toBe('merged');
    expect(timeline).toContain('call');

    // The queue: the merged pair is closed, the third member's pair now names the survivor.
    expect((await owner.call('duplicates.list', {})).rows.map((r) => [r.a.id, r.b.id, r.reasons])).toEqual([
      [survivor.id, third.id, ['email']],
    ]);
    // Both records as they were, including values not chosen.
    const snap = JSON.parse(
      h.backend.raw.prepare('select snapshot from member_merges where merged_id = ?').pluck().get(merged.id) as string,
    ) as { survivor: { occupation: string; phone: string }; merged: { phone: string } };
    expect(snap.survivor.phone).toBe('+8613800138000');
    expect(snap.merged.phone).toBe('+8613900139000');
    expect(auditRows(h, 'members.merged').at(-1)?.details).toMatchObject({
      survivorId: survivor.id,
      mergedId: merged.id,
      moved: { 'member_events.member_id': expect.any(Number), 'member_cards.member_id': 2 },
    });
    expect(JSON.stringify(auditRows(h, 'members.merged'))).not.toContain('张伟');
  });

  it('a refused merge changes nothing', async () => {
    const shop = await openShop();
    h = shop.h;
    const { owner } = shop;
    const a = await owner.call('members.register', { phone: '13800138000', name: '甲' });
    const b = await owner.call('members.register', { phone: '13900139000', name: '乙' });
    const c = await owner.call('members.register', { phone: '13700137000', name: '丙' });
    await owner.call('members.merge', { survivorId: a.id, mergedId: b.id });
    const before = dump();
    expect((await owner.fail('members.merge', { survivorId: c.id, mergedId: b.id })).messageKey).toBe(
      'errors.member.merged',
    );
    expect((await owner.fail('members.merge', { survivorId: b.id, mergedId: c.id })).messageKey).toBe(
      'errors.member.merged',
    );
    expect((await owner.fail('members.merge', { survivorId: c.id, mergedId: c.id })).fields?.mergedId?.messageKey).toBe(
      'errors.member.mergeSelf',
    );
    expect(
      (await owner.fail('members.merge', { survivorId: c.id, mergedId: a.id, take: ['bogus' as 'name'] })).code,
    ).toBe('VALIDATION');
    expect(dump()).toEqual(before);
  });
});
