import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, auditRows, closeShops, openShop, signedIn } from './harness.js';
import { newMember } from './pointsHelpers.js';
import { accountOf, expectWalletConsistent, fingerprint, topUp } from './walletHelpers.js';

afterEach(closeShops);

describe('manual adjustments and reversals', () => {
  it('lets only the owner adjust, with a reason; never below zero; the cap does not apply', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'zhang', 'manager');
    await addStaff(owner, 'xiaoli', 'clerk');
    const manager = await signedIn(h, 'zhang', 'zhang-pass-1');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    const m = await newMember(owner);
    await topUp(owner, m, 490000);
    const before = fingerprint(h);
    const input = { memberId: m, principalFen: 20000, bonusFen: -1, reason: '补录' };
    expect((await manager.fail('wallet.adjust', input)).code).toBe('FORBIDDEN');
    expect((await clerk.fail('wallet.adjust', input)).code).toBe('FORBIDDEN');
    const negative = await owner.fail('wallet.adjust', input);
    expect(negative).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.wallet.wouldGoNegative',
      params: { principal: '4900.00', bonus: '0.00' },
    });
    const noReason = await owner.fail('wallet.adjust', { ...input, bonusFen: 0, reason: '  ' });
    expect(noReason.fields?.reason?.messageKey).toBe('errors.required');
    const zero = await owner.fail('wallet.adjust', { memberId: m, principalFen: 0, bonusFen: 0, reason: 'x' });
    expect(zero.fields?.principalFen?.messageKey).toBe('errors.wallet.adjustZero');
    expect(fingerprint(h)).toEqual(before);

    const s = await owner.call('wallet.adjust', {
      memberId: m,
      principalFen: 20000,
      bonusFen: 500,
      reason: '补录纸卡余额',
    });
    expect(s).toMatchObject({ principalFen: 510000, bonusFen: 500 });
    const entry = h.backend.raw.prepare(`select * from wallet_ledger where kind = 'adjust'`).get() as Record<
      string,
      unknown
    >;
    expect(entry).toMatchObject({ principal_fen: 20000, bonus_fen: 500, note: '补录纸卡余额', ref_type: '' });
    expect(auditRows(h, 'wallet.adjusted')).toMatchObject([
      { details: { memberId: m, entryId: entry.id, principalFen: 20000, bonusFen: 500 } },
    ]);
    expect(JSON.stringify(auditRows(h, 'wallet.adjusted'))).not.toContain('补录');
    const events = await owner.call('members.timeline', { id: m });
    expect(events.rows[0]).toMatchObject({
      kind: 'walletAdjusted',
      body: '补录纸卡余额',
      data: { principalFen: 20000, bonusFen: 500 },
    });
    await owner.call('wallet.adjust', { memberId: m, principalFen: -510000, bonusFen: -500, reason: '清零' });
    expect(accountOf(h, m)).toEqual({ principal: 0, bonus: 0 });
    expectWalletConsistent(h);
  });

  it('reverses an adjustment once (owner), refuses other entries, and never below zero', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'zhang', 'manager');
    const manager = await signedIn(h, 'zhang', 'zhang-pass-1');
    const m = await newMember(owner);
    const t = await topUp(owner, m, 10000);
    await owner.call('wallet.adjust', { memberId: m, principalFen: 5000, bonusFen: 300, reason: '多记' });
    const adj = (await owner.call('wallet.ledger', { memberId: m })).rows[0]!;
    expect(adj).toMatchObject({
      kind: 'adjust',
      principalFen: 5000,
      bonusFen: 300,
      reversedBy: null,
      staffName: '老板',
    });
    expect((await manager.fail('wallet.reverse', { entryId: adj.id, reason: '错了' })).code).toBe('FORBIDDEN');
    const topupEntry = h.backend.raw.prepare('select entry_id from wallet_topups where id = ?').get(t.topup.id) as {
      entry_id: number;
    };
    expect((await owner.fail('wallet.reverse', { entryId: topupEntry.entry_id, reason: 'x' })).messageKey).toBe(
      'errors.wallet.notReversible',
    );
    expect((await owner.fail('wallet.reverse', { entryId: 9999, reason: 'x' })).code).toBe('NOT_FOUND');

    const s = await owner.call('wallet.reverse', { entryId: adj.id, reason: '录错了' });
    expect(s).toMatchObject({ principalFen: 10000, bonusFen: 0 });
    const page = await owner.call('wallet.ledger', { memberId: m });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.kind)).toEqual(['reversal', 'adjust', 'topup']);
    expect(page.rows[0]).toMatchObject({ reversesId: adj.id, principalFen: -5000, bonusFen: -300, note: '录错了' });
    expect(page.rows[1]!.reversedBy).toBe(page.rows[0]!.id);
    expect(page.rows[2]).toMatchObject({ refType: 'topup', refId: t.topup.id, reversedBy: null });
    const before = fingerprint(h);
    expect((await owner.fail('wallet.reverse', { entryId: adj.id, reason: '再来' })).messageKey).toBe(
      'errors.wallet.alreadyReversed',
    );
    // A reversal is not itself reversible.
    expect((await owner.fail('wallet.reverse', { entryId: page.rows[0]!.id, reason: 'x' })).messageKey).toBe(
      'errors.wallet.notReversible',
    );
    expect(fingerprint(h)).toEqual(before);
    expect(auditRows(h, 'wallet.reversed')).toMatchObject([{ details: { memberId: m, reversed: adj.id } }]);

    // An addition already spent cannot be reversed below zero.
    await owner.call('wallet.adjust', { memberId: m, principalFen: 0, bonusFen: 800, reason: '赠送' });
    const gift = (await owner.call('wallet.ledger', { memberId: m })).rows[0]!;
    await owner.call('purchases.record', { memberId: m, amountFen: 10800, paymentMethod: 'storedValue' });
    const spent = await owner.fail('wallet.reverse', { entryId: gift.id, reason: '撤回' });
    expect(spent.messageKey).toBe('errors.wallet.wouldGoNegative');
    expectWalletConsistent(h);
  });

  it('pages the ledger newest first, with staff names', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    const m = await newMember(owner);
    for (let i = 1; i <= 5; i++) await topUp(i % 2 ? clerk : owner, m, i * 100);
    const p1 = await clerk.call('wallet.ledger', { memberId: m, page: 1, pageSize: 2 });
    const p3 = await clerk.call('wallet.ledger', { memberId: m, page: 3, pageSize: 2 });
    expect(p1.total).toBe(5);
    expect(p1.rows.map((r) => r.principalFen)).toEqual([500, 400]);
    expect(p1.rows.map((r) => r.staffName)).toEqual(['xiaoli', '老板']);
    expect(p3.rows.map((r) => r.principalFen)).toEqual([100]);
    expect((await clerk.fail('wallet.ledger', { memberId: 9999 })).code).toBe('NOT_FOUND');
  });
});
