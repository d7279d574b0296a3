import { afterEach, describe, expect, it } from 'vitest';
import { closeShops, openShop } from './harness.js';
import { expectLedgerConsistent, newMember } from './pointsHelpers.js';
import { accountOf, expectWalletConsistent, setPackages, topUp } from './walletHelpers.js';

afterEach(closeShops);

describe('stored value when members are merged or erased', () => {
  it('adds the merged record’s balances and ledger to the survivor, over the cap if need be', async () => {
    const { h, owner } = await openShop();
    const [p] = await setPackages(owner, [[100000, 10000]]);
    const a = await newMember(owner);
    const b = await newMember(owner);
    await topUp(owner, a, 400000);
    const t = await topUp(owner, b, 200000, { packageId: p! });
    await owner.call('members.merge', { survivorId: a, mergedId: b });
    expect(accountOf(h, a)).toEqual({ principal: 600000, bonus: 10000 });
    expect(h.backend.raw.prepare('select count(*) as n from wallet_accounts where member_id = ?').get(b)).toEqual({
      n: 0,
    });
    expect((await owner.call('wallet.summary', { memberId: a })).totalFen).toBe(610000);
    expect((await owner.call('wallet.ledger', { memberId: a })).total).toBe(2);
    expect((await owner.call('wallet.summary', { memberId: b })).totalFen).toBe(0);
    // The survivor now holds more than the cap: no new top-up, but spending and voiding work.
    expect(
      (await owner.fail('wallet.topup', { memberId: a, paidFen: 1, paymentMethod: 'cash' })).fields?.paidFen?.params
        ?.room,
    ).toBe('0.00');
    await owner.call('wallet.voidTopup', { topupId: t.topup.id, reason: '合并前重复充值' });
    expect(accountOf(h, a)).toEqual({ principal: 400000, bonus: 0 });
    expectWalletConsistent(h);
  });

  it('keeps an erased member’s stored-value rows and amounts, without the notes and reasons', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    const member = await owner.call('members.get', { id: m });
    await topUp(owner, m, 50000);
    await owner.call('wallet.adjust', { memberId: m, principalFen: 1000, bonusFen: 200, reason: '欧阳的纸卡余额' });
    await owner.call('purchases.record', { memberId: m, amountFen: 3000, paymentMethod: 'storedValue' });
    await owner.call('wallet.refundBalance', { memberId: m, payoutMethod: 'cash', reason: '欧阳要搬家' });
    const amounts = () =>
      h.backend.raw
        .prepare('select id, kind, principal_fen, bonus_fen, ref_type, ref_id, day from wallet_ledger order by id')
        .all();
    const before = amounts();
    await owner.call('members.erase', { id: m, confirm: member.memberNo });
    expect(amounts()).toEqual(before);
    expect(h.backend.raw.prepare(`select count(*) as n from wallet_ledger where note <> ''`).get()).toEqual({ n: 0 });
    expect(h.backend.raw.prepare('select payout_fen, reason from wallet_payouts').all()).toEqual([
      // 51000 principal less the 2988 the ¥30 purchase took (its bonus share ceil(3000 × 200 / 51200) = 12).
      { payout_fen: 48012, reason: '' },
    ]);
    expect(h.backend.raw.prepare('select paid_fen from wallet_topups').all()).toEqual([{ paid_fen: 50000 }]);
    const timeline = await owner.call('members.timeline', { id: m });
    expect(timeline.rows.every((e) => e.body === '')).toBe(true);
    // Nothing more is written to an erased record.
    expect((await owner.fail('wallet.topup', { memberId: m, paidFen: 100, paymentMethod: 'cash' })).messageKey).toBe(
      'errors.member.erased',
    );
    expectWalletConsistent(h);
    expectLedgerConsistent(h);
  });

  it('refuses to erase a member who still holds stored value, and changes nothing', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    const member = await owner.call('members.get', { id: m });
    await topUp(owner, m, 12345);
    const err = await owner.fail('members.erase', { id: m, confirm: member.memberNo });
    expect(err).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.wallet.eraseHoldsBalance',
      params: { balance: '123.45', count: 0 },
    });
    expect((await owner.call('members.get', { id: m })).erasedAt).toBeNull();
    expect(accountOf(h, m)).toEqual({ principal: 12345, bonus: 0 });
    await owner.call('wallet.refundBalance', { memberId: m, payoutMethod: 'wechat', reason: '本人申请退卡' });
    expect((await owner.call('members.erase', { id: m, confirm: member.memberNo })).erasedAt).not.toBeNull();
  });
});
