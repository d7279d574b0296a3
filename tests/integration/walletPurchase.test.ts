import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, closeShops, openShop, signedIn } from './harness.js';
import { expectLedgerConsistent, newMember, setRules } from './pointsHelpers.js';
import { accountOf, expectWalletConsistent, fingerprint, setPackages, setWallet, topUp } from './walletHelpers.js';

afterEach(closeShops);

/** A shop at 1 point per ¥1, a member holding ¥1,000 principal and ¥100 bonus. */
async function shopWithBalance() {
  const { h, owner } = await openShop();
  await setRules(owner, { earnPoints: 1, perFen: 100 });
  const [p] = await setPackages(owner, [[100000, 10000]]);
  const m = await newMember(owner);
  await topUp(owner, m, 100000, { packageId: p! });
  return { h, owner, m };
}

const spendOf = (h: Awaited<ReturnType<typeof shopWithBalance>>['h'], purchaseId: number) =>
  h.backend.raw
    .prepare(
      `select principal_fen as p, bonus_fen as b from wallet_ledger where kind = 'spend' and ref_type = 'purchase' and ref_id = ?`,
    )
    .get(purchaseId);

describe('paying a purchase with stored value', () => {
  it('pays ¥268.50 wholly from stored value, both parts in proportion, and shows both balances', async () => {
    const { h, owner, m } = await shopWithBalance();
    await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    const r = await clerk.call('purchases.record', { memberId: m, amountFen: 26850, paymentMethod: 'storedValue' });
    expect(r.purchase).toMatchObject({ paymentMethod: 'storedValue', storedValueFen: 26850 });
    expect(spendOf(h, r.purchase.id)).toEqual({ p: -24409, b: -2441 });
    expect(r.wallet).toMatchObject({ principalFen: 75591, bonusFen: 7559, totalFen: 83150 });
    // Default: the bonus part earns nothing, the principal part earns like money.
    expect(r.purchase.pointsEarned).toBe(244);
    expect(r.summary.balance).toBe(244);
    const events = await owner.call('members.timeline', { id: m });
    expect(events.rows[0]).toMatchObject({ kind: 'purchase', data: { amountFen: 26850, storedValueFen: 26850 } });
    const listed = await owner.call('purchases.list', { memberId: m });
    expect(listed.rows[0]).toMatchObject({ storedValueFen: 26850, paymentMethod: 'storedValue' });
    expectWalletConsistent(h);
    expectLedgerConsistent(h);
  });

  it('pays part from stored value and the rest by the method; the method turns to stored value when it covers all', async () => {
    const { h, owner, m } = await shopWithBalance();
    const part = await owner.call('purchases.record', {
      memberId: m,
      amountFen: 20000,
      storedValueFen: 5000,
      paymentMethod: 'wechat',
    });
    expect(part.purchase).toMatchObject({ paymentMethod: 'wechat', storedValueFen: 5000 });
    expect(part.wallet?.totalFen).toBe(105000);
    // Points and a coupon settle part; stored value pays exactly the rest: the method is stored value.
    const all = await owner.call('purchases.record', {
      memberId: m,
      amountFen: 20000,
      pointsUsed: 10,
      couponFen: 1000,
      storedValueFen: 18000,
      paymentMethod: 'cash',
    });
    expect(all.purchase).toMatchObject({ paymentMethod: 'storedValue', storedValueFen: 18000 });
    // "Stored value" chosen as the method pays what is left after points and coupon.
    const rest = await owner.call('purchases.record', {
      memberId: m,
      amountFen: 3000,
      couponFen: 1000,
      paymentMethod: 'storedValue',
    });
    expect(rest.purchase.storedValueFen).toBe(2000);
    // No stored value: no wallet in the result, nothing on the ledger.
    const none = await owner.call('purchases.record', { memberId: m, amountFen: 3000, paymentMethod: 'cash' });
    expect(none.wallet).toBeNull();
    expect(none.purchase.storedValueFen).toBe(0);
    expect(accountOf(h, m).principal + accountOf(h, m).bonus).toBe(110000 - 5000 - 18000 - 2000);
    expectWalletConsistent(h);
  });

  it('refuses a short balance, a part larger than what is left to pay, and a partial stored-value payment without a method', async () => {
    const { h, owner, m } = await shopWithBalance();
    const before = fingerprint(h);
    const short = await owner.fail('purchases.record', {
      memberId: m,
      amountFen: 200000,
      storedValueFen: 110001,
      paymentMethod: 'cash',
    });
    expect(short.fields?.storedValueFen).toEqual({
      messageKey: 'errors.wallet.notEnough',
      params: { balance: '1100.00' },
    });
    const whole = await owner.fail('purchases.record', {
      memberId: m,
      amountFen: 110001,
      paymentMethod: 'storedValue',
    });
    expect(whole.fields?.storedValueFen?.messageKey).toBe('errors.wallet.notEnough');
    const over = await owner.fail('purchases.record', {
      memberId: m,
      amountFen: 10000,
      couponFen: 2000,
      storedValueFen: 8001,
      paymentMethod: 'cash',
    });
    expect(over.fields?.storedValueFen?.messageKey).toBe('errors.purchase.partsExceedAmount');
    const rest = await owner.fail('purchases.record', {
      memberId: m,
      amountFen: 10000,
      storedValueFen: 4000,
      paymentMethod: 'storedValue',
    });
    expect(rest.fields?.paymentMethod).toEqual({
      messageKey: 'errors.wallet.restNeedsMethod',
      params: { rest: '60.00' },
    });
    const stranger = await newMember(owner);
    const afterMember = fingerprint(h);
    const empty = await owner.fail('purchases.record', {
      memberId: stranger,
      amountFen: 100,
      paymentMethod: 'storedValue',
    });
    expect(empty.fields?.storedValueFen).toEqual({
      messageKey: 'errors.wallet.notEnough',
      params: { balance: '0.00' },
    });
    expect(fingerprint(h)).toEqual(afterMember);
    expect(before.wallet_ledger).toEqual(afterMember.wallet_ledger);
    expect(before.purchases).toEqual(afterMember.purchases);
  });

  it('earns on the stored-value part as the shop says: all, the principal part, or none', async () => {
    const { h, owner, m } = await shopWithBalance();
    const buy = () =>
      owner.call('purchases.record', { memberId: m, amountFen: 20000, storedValueFen: 11000, paymentMethod: 'cash' });
    // 11000 of a 100000 + 10000 balance: bonus part ceil(11000 × 10000 / 110000) = 1000.
    const principalOnly = await buy();
    expect(spendOf(h, principalOnly.purchase.id)).toEqual({ p: -10000, b: -1000 });
    expect(principalOnly.purchase.pointsEarned).toBe(190);
    await setWallet(owner, { pointsOnStoredValue: 'all' });
    expect((await buy()).purchase.pointsEarned).toBe(200);
    await setWallet(owner, { pointsOnStoredValue: 'none' });
    expect((await buy()).purchase.pointsEarned).toBe(90);
    // Paid wholly by stored value with none earning: no points at all.
    expect(
      (await owner.call('purchases.record', { memberId: m, amountFen: 5000, paymentMethod: 'storedValue' })).purchase
        .pointsEarned,
    ).toBe(0);
    expectWalletConsistent(h);
    expectLedgerConsistent(h);
  });

  it('empties the bonus first when the shop says so', async () => {
    const { h, owner, m } = await shopWithBalance();
    await setWallet(owner, { drawOrder: 'bonusFirst' });
    const a = await owner.call('purchases.record', { memberId: m, amountFen: 6000, paymentMethod: 'storedValue' });
    expect(spendOf(h, a.purchase.id)).toEqual({ p: 0, b: -6000 });
    const b = await owner.call('purchases.record', { memberId: m, amountFen: 6000, paymentMethod: 'storedValue' });
    expect(spendOf(h, b.purchase.id)).toEqual({ p: -2000, b: -4000 });
    expect(b.wallet).toMatchObject({ principalFen: 98000, bonusFen: 0 });
    // Only the principal part earned (default setting): 0 then 20 points.
    expect([a.purchase.pointsEarned, b.purchase.pointsEarned]).toEqual([0, 20]);
    expectWalletConsistent(h);
  });

  it('records one stored-value payment for a double click', async () => {
    const { h, owner, m } = await shopWithBalance();
    const id = '00000000-0000-4000-8000-0000000000b1';
    const input = { memberId: m, amountFen: 26850, paymentMethod: 'storedValue' as const };
    const [a, b] = await Promise.all([
      owner.call('purchases.record', input, id),
      owner.call('purchases.record', input, id),
    ]);
    expect(a.purchase.id).toBe(b.purchase.id);
    expect(h.backend.raw.prepare(`select count(*) as n from wallet_ledger where kind = 'spend'`).get()).toEqual({
      n: 1,
    });
    expect(accountOf(h, m)).toEqual({ principal: 75591, bonus: 7559 });
  });
});

describe('refunding a purchase paid with stored value', () => {
  it('returns the value to the same parts over several partial refunds, the last one exactly the rest', async () => {
    const { h, owner, m } = await shopWithBalance();
    const p = (await owner.call('purchases.record', { memberId: m, amountFen: 26850, paymentMethod: 'storedValue' }))
      .purchase;
    const r1 = await owner.call('purchases.refund', { purchaseId: p.id, amountFen: 10000, reason: '退一件' });
    expect(r1.wallet).toMatchObject({
      principalFen: 9090,
      bonusFen: 910,
      summary: { principalFen: 84681, bonusFen: 8469 },
    });
    const r2 = await owner.call('purchases.refund', { purchaseId: p.id, amountFen: 6850 });
    expect(r2.wallet).toMatchObject({ principalFen: 6228, bonusFen: 622 });
    const r3 = await owner.call('purchases.refund', { purchaseId: p.id, amountFen: 10000 });
    expect(r3.wallet).toMatchObject({ principalFen: 9091, bonusFen: 909 });
    // Everything back where it was, part for part.
    expect(accountOf(h, m)).toEqual({ principal: 100000, bonus: 10000 });
    const refunds = h.backend.raw
      .prepare('select wallet_principal_fen as p, wallet_bonus_fen as b from purchase_refunds order by id')
      .all();
    expect(refunds).toEqual([
      { p: 9090, b: 910 },
      { p: 6228, b: 622 },
      { p: 9091, b: 909 },
    ]);
    const entries = h.backend.raw
      .prepare(`select ref_type, ref_id from wallet_ledger where kind = 'spendReturn' order by id`)
      .all() as { ref_type: string; ref_id: number }[];
    expect(entries.map((e) => e.ref_id)).toEqual([r1.refundId, r2.refundId, r3.refundId]);
    expect(entries.every((e) => e.ref_type === 'refund')).toBe(true);
    expect(r3.purchase.refundedFen).toBe(26850);
    expectWalletConsistent(h);
    expectLedgerConsistent(h);
  });

  it('returns only the stored-value share of a mixed payment, not above the cap check, and nothing for a cash purchase', async () => {
    const { h, owner, m } = await shopWithBalance();
    const p = (
      await owner.call('purchases.record', {
        memberId: m,
        amountFen: 20000,
        storedValueFen: 5000,
        paymentMethod: 'cash',
      })
    ).purchase;
    // Top up to the cap: a refund's return is the member's own money and is not capped.
    await topUp(owner, m, 500000 - accountOf(h, m).principal);
    const half = await owner.call('purchases.refund', { purchaseId: p.id, amountFen: 10000 });
    expect(half.wallet!.principalFen + half.wallet!.bonusFen).toBe(2500);
    expect(accountOf(h, m).principal).toBeGreaterThan(500000);
    const cash = (await owner.call('purchases.record', { memberId: m, amountFen: 1000, paymentMethod: 'cash' }))
      .purchase;
    const r = await owner.call('purchases.refund', { purchaseId: cash.id, amountFen: 1000 });
    expect(r.wallet).toBeNull();
    expect(h.backend.raw.prepare(`select count(*) as n from wallet_ledger where kind = 'spendReturn'`).get()).toEqual({
      n: 1,
    });
    expectWalletConsistent(h);
  });

  it('returns stored value to the survivor after a merge', async () => {
    const { h, owner, m } = await shopWithBalance();
    const p = (await owner.call('purchases.record', { memberId: m, amountFen: 11000, paymentMethod: 'storedValue' }))
      .purchase;
    const survivor = await newMember(owner);
    await topUp(owner, survivor, 1000);
    await owner.call('members.merge', { survivorId: survivor, mergedId: m });
    await owner.call('purchases.refund', { purchaseId: p.id, amountFen: 11000 });
    expect(accountOf(h, survivor)).toEqual({ principal: 101000, bonus: 10000 });
    expect(accountOf(h, m)).toEqual({ principal: 0, bonus: 0 });
    expectWalletConsistent(h);
  });
});
