import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, auditRows, closeShops, openShop, signedIn } from './harness.js';
import { expectLedgerConsistent, newMember } from './pointsHelpers.js';
import { accountOf, expectWalletConsistent, fingerprint, setPackages, setWallet, topUp } from './walletHelpers.js';

afterEach(closeShops);

describe('card refund (退余额)', () => {
  it('pays out the whole principal, forfeits the bonus, keeps the bonus points; owner or manager only', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'zhang', 'manager');
    await addStaff(owner, 'xiaoli', 'clerk');
    const manager = await signedIn(h, 'zhang', 'zhang-pass-1');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    const [p] = await setPackages(owner, [[100000, 10000, 100]]);
    const m = await newMember(owner);
    await topUp(clerk, m, 100000, { packageId: p! });
    await clerk.call('purchases.record', { memberId: m, amountFen: 26850, paymentMethod: 'storedValue' });
    const before = fingerprint(h);
    const denied = await clerk.fail('wallet.refundBalance', { memberId: m, payoutMethod: 'cash', reason: '搬家' });
    expect(denied.code).toBe('FORBIDDEN');
    expect(fingerprint(h)).toEqual(before);

    const r = await manager.call('wallet.refundBalance', { memberId: m, payoutMethod: 'wechat', reason: '搬家' });
    expect(r).toMatchObject({
      principalFen: 75591,
      bonusForfeitedFen: 7559,
      feeFen: 0,
      payoutFen: 75591,
      payoutMethod: 'wechat',
      summary: { principalFen: 0, bonusFen: 0, totalFen: 0 },
    });
    const row = h.backend.raw.prepare('select * from wallet_payouts where id = ?').get(r.payoutId) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      member_id: m,
      principal_fen: 75591,
      bonus_forfeited_fen: 7559,
      reason: '搬家',
      day: '2026-03-01',
    });
    expect(
      h.backend.raw
        .prepare('select kind, principal_fen, bonus_fen, ref_type, ref_id from wallet_ledger where id = ?')
        .get(row.entry_id),
    ).toEqual({
      kind: 'payout',
      principal_fen: -75591,
      bonus_fen: -7559,
      ref_type: 'payout',
      ref_id: r.payoutId,
    });
    // The top-up's bonus points stay with the member.
    expect((await owner.call('points.get', { memberId: m })).balance).toBeGreaterThanOrEqual(100);
    const events = await owner.call('members.timeline', { id: m });
    expect(events.rows[0]).toMatchObject({
      kind: 'walletPayout',
      body: '搬家',
      data: {
        payoutId: r.payoutId,
        principalFen: 75591,
        bonusFen: 7559,
        feeFen: 0,
        payoutFen: 75591,
        method: 'wechat',
      },
    });
    const audit = auditRows(h, 'wallet.refunded');
    expect(audit).toMatchObject([
      { details: { memberId: m, payoutId: r.payoutId, payoutFen: 75591, method: 'wechat' } },
    ]);
    expect(JSON.stringify(audit)).not.toContain('搬家');
    // Nothing left: refused, and nothing written.
    const after = fingerprint(h);
    const empty = await owner.fail('wallet.refundBalance', { memberId: m, payoutMethod: 'cash', reason: '再退' });
    expect(empty).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.wallet.nothingToRefund' });
    expect(fingerprint(h)).toEqual(after);
    expectWalletConsistent(h);
    expectLedgerConsistent(h);
  });

  it('takes the published fee off the principal, rounded down, never off the bonus', async () => {
    const { h, owner } = await openShop();
    await setWallet(owner, { refundFeePct: 3 });
    const [p] = await setPackages(owner, [[1, 50]]);
    const m = await newMember(owner);
    await topUp(owner, m, 33333, { packageId: p! });
    const r = await owner.call('wallet.refundBalance', { memberId: m, payoutMethod: 'cash', reason: '退卡' });
    expect(r).toMatchObject({ principalFen: 33333, bonusForfeitedFen: 50, feeFen: 999, payoutFen: 32334 });
    // Only a bonus left (a gift): refunded as nothing paid out, the bonus forfeited.
    const g = await newMember(owner);
    await owner.call('wallet.adjust', { memberId: g, principalFen: 0, bonusFen: 500, reason: '赠送' });
    const gift = await owner.call('wallet.refundBalance', { memberId: g, payoutMethod: 'cash', reason: '退卡' });
    expect(gift).toMatchObject({ principalFen: 0, bonusForfeitedFen: 500, feeFen: 0, payoutFen: 0 });
    expect(accountOf(h, g)).toEqual({ principal: 0, bonus: 0 });
    expectWalletConsistent(h);
  });

  it('pays out an archived member once per request id; refuses a merged record', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    await topUp(owner, m, 20000);
    await owner.call('members.setArchived', { id: m, archived: true });
    const id = '00000000-0000-4000-8000-0000000000c1';
    const input = { memberId: m, payoutMethod: 'cash' as const, reason: '退卡' };
    const [a, b] = await Promise.all([
      owner.call('wallet.refundBalance', input, id),
      owner.call('wallet.refundBalance', input, id),
    ]);
    expect(a.payoutId).toBe(b.payoutId);
    expect(h.backend.raw.prepare('select count(*) as n from wallet_payouts').get()).toEqual({ n: 1 });
    const s = await newMember(owner);
    const d = await newMember(owner);
    await topUp(owner, d, 100);
    await owner.call('members.merge', { survivorId: s, mergedId: d });
    expect(
      (await owner.fail('wallet.refundBalance', { memberId: d, payoutMethod: 'cash', reason: 'x' })).messageKey,
    ).toBe('errors.member.merged');
    expect(
      (await owner.call('wallet.refundBalance', { memberId: s, payoutMethod: 'cash', reason: 'x' })).payoutFen,
    ).toBe(100);
    expectWalletConsistent(h);
  });
});
