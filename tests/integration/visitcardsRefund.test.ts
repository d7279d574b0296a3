import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, auditRows, closeShops, openShop, signedIn, type Client } from './harness.js';
import { newMember, setDay } from './pointsHelpers.js';
import { count, expectCardsConsistent, fingerprint, giveWallet, newProduct, walletOf } from './visitcardsHelpers.js';

afterEach(closeShops);

async function shop() {
  const { h, owner } = await openShop();
  await addStaff(owner, 'mgr', 'manager');
  await addStaff(owner, 'clerk1', 'clerk');
  const manager = await signedIn(h, 'mgr', 'mgr-pass-1');
  const clerk = await signedIn(h, 'clerk1', 'clerk1-pass-1');
  return { h, owner, manager, clerk, m: await newMember(clerk) };
}

async function sellAndUse(
  c: Client,
  memberId: number,
  productId: number,
  uses: number,
  method: 'cash' | 'storedValue' = 'cash',
) {
  const sold = await c.call('visitcards.sell', { memberId, productId, paymentMethod: method });
  for (let i = 0; i < uses; i++) await c.call('visitcards.use', { cardId: sold.card.id, service: '' });
  return sold.card.id;
}

/** The wallet settings with a change (the default terms on one line: free text takes no line breaks). */
async function walletSettings(owner: Client, patch: Record<string, unknown>) {
  const { settings } = await owner.call('wallet.config', {});
  await owner.call('wallet.saveSettings', { ...settings, terms: settings.terms.replace(/\n/g, ' '), ...patch });
}

describe('refunding a count card', () => {
  it('pays unused visits pro rata less the terms’ fee, by the method given (owner, manager; not clerks)', async () => {
    const refundRequestId = randomUUID();
    const { h, owner, manager, clerk, m } = await shop();
    await walletSettings(owner, { visitcardRefundFeePct: 10 });
    const card = await sellAndUse(clerk, m, await newProduct(owner), 3);
    const before = fingerprint(h);
    const input = { cardId: card, payoutMethod: 'alipay' as const, reason: '搬家' };
    expect((await clerk.fail('visitcards.refund', input)).code).toBe('FORBIDDEN');
    expect(fingerprint(h)).toBe(before);
    const r = await manager.call('visitcards.refund', input, refundRequestId);
    // ¥300 for 10 visits, 7 unused: ¥210, less 10 %.
    expect(r).toMatchObject({ refundFen: 18_900, feeFen: 2_100, refundMethod: 'alipay', wallet: null });
    expect(r.card).toMatchObject({ state: 'refunded', usesLeft: 0, refundedUses: 7, refundFen: 18_900 });
    expect(await manager.call('visitcards.refund', input, refundRequestId)).toEqual(r);
    const row = h.backend.raw.prepare('select * from visitcards where id = ?').get(card) as Record<string, unknown>;
    expect(row).toMatchObject({
      refund_method: 'alipay',
      refund_reason: '搬家',
      refund_day: '2026-03-01',
      refund_entry_id: null,
      refund_staff_id: 2,
    });
    expect(auditRows(h, 'visitcards.refunded').map((a) => a.details)).toEqual([
      { cardId: card, memberId: m, unused: 7, refundFen: 18_900, feeFen: 2_100, method: 'alipay' },
    ]);
    const timeline = await clerk.call('members.timeline', { id: m });
    expect(timeline.rows[0]).toMatchObject({
      kind: 'visitcardRefunded',
      body: '搬家',
      data: { cardId: card, unused: 7, refundFen: 18_900, feeFen: 2_100, method: 'alipay' },
    });
    const after = fingerprint(h);
    expect(await owner.fail('visitcards.refund', input)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.visitcards.refunded',
    });
    expect(await owner.fail('visitcards.refund', { ...input, cardId: card + 99 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(fingerprint(h)).toBe(after);
    expectCardsConsistent(h, 10);
  });

  it('refunds an expired card’s unused visits; refuses a used-up card', async () => {
    const { h, owner, clerk, m } = await shop();
    const expiring = await sellAndUse(clerk, m, await newProduct(owner, { validity: { kind: 'days', days: 1 } }), 1);
    const usedUp = await sellAndUse(clerk, m, await newProduct(owner, { uses: 2, priceFen: 999 }), 2);
    const later = await setDay(h, '2026-03-20');
    const before = fingerprint(h);
    expect(await later.fail('visitcards.refund', { cardId: usedUp, payoutMethod: 'cash', reason: '退' })).toMatchObject(
      {
        code: 'CONFLICT',
        messageKey: 'errors.visitcards.nothingToRefund',
      },
    );
    expect(fingerprint(h)).toBe(before);
    const r = await later.call('visitcards.refund', { cardId: expiring, payoutMethod: 'cash', reason: '过期了也退' });
    expect(r).toMatchObject({ refundFen: 27_000, feeFen: 0, refundMethod: 'cash' });
    expect(h.backend.raw.prepare('select refund_day from visitcards where id = ?').pluck().get(expiring)).toBe(
      '2026-03-20',
    );
    expectCardsConsistent(h);
  });
});

describe('count cards and stored value', () => {
  it('a card bought with stored value (a ¥1,000 + ¥100 top-up) takes both parts and a refund returns them', async () => {
    const { h, owner, clerk, m } = await shop();
    const config = await owner.call('wallet.savePackages', {
      packages: [{ payFen: 100_000, bonusFen: 10_000, bonusPoints: 0, active: true }],
    });
    await clerk.call('wallet.topup', {
      memberId: m,
      paidFen: 100_000,
      paymentMethod: 'cash',
      packageId: config.packages[0]!.id,
    });
    const product = await newProduct(owner, { priceFen: 26_850 });
    const sold = await clerk.call('visitcards.sell', { memberId: m, productId: product, paymentMethod: 'storedValue' });
    // In proportion, the odd fen from the gift: 26,850 × 100 / 1,100 = 2,440.9 → 2,441 bonus.
    expect(sold.wallet).toMatchObject({
      memberId: m,
      principalFen: 75_591,
      bonusFen: 7_559,
      totalFen: 83_150,
      activeVisitcards: 1,
    });
    const sale = h.backend.raw
      .prepare(
        'select kind, principal_fen, bonus_fen, ref_type, ref_id from wallet_ledger where id = (select wallet_entry_id from visitcards where id = ?)',
      )
      .get(sold.card.id);
    expect(sale).toEqual({
      kind: 'spend',
      principal_fen: -24_409,
      bonus_fen: -2_441,
      ref_type: 'visitcard',
      ref_id: sold.card.id,
    });
    for (let i = 0; i < 3; i++) await clerk.call('visitcards.use', { cardId: sold.card.id, service: '' });
    const r = await owner.call('visitcards.refund', { cardId: sold.card.id, payoutMethod: 'cash', reason: '退卡' });
    // 7 of 10 unused: ¥187.95, principal ⌊24,409 × 18,795 / 26,850⌋ = 17,086, the rest bonus.
    expect(r).toMatchObject({ refundFen: 18_795, feeFen: 0, refundMethod: 'storedValue' });
    expect(r.wallet).toMatchObject({ principalFen: 92_677, bonusFen: 9_268, activeVisitcards: 0 });
    const back = h.backend.raw
      .prepare(
        'select kind, principal_fen, bonus_fen, ref_type, ref_id from wallet_ledger where id = (select refund_entry_id from visitcards where id = ?)',
      )
      .get(sold.card.id);
    expect(back).toEqual({
      kind: 'spendReturn',
      principal_fen: 17_086,
      bonus_fen: 1_709,
      ref_type: 'visitcardRefund',
      ref_id: sold.card.id,
    });
    expectCardsConsistent(h);
  });

  it('bonus first: a full refund gives back exactly the parts taken; too little balance is refused; a free card takes nothing', async () => {
    const svSellId = randomUUID();
    const { h, owner, clerk, m } = await shop();
    await walletSettings(owner, { drawOrder: 'bonusFirst' });
    await giveWallet(owner, m, 5_000, 3_000);
    const product = await newProduct(owner, { priceFen: 6_000 });
    const sold = await clerk.call(
      'visitcards.sell',
      { memberId: m, productId: product, paymentMethod: 'storedValue' },
      svSellId,
    );
    expect(walletOf(h, m)).toEqual({ principal: 2_000, bonus: 0 });
    await clerk.call('visitcards.sell', { memberId: m, productId: product, paymentMethod: 'storedValue' }, svSellId);
    expect(walletOf(h, m)).toEqual({ principal: 2_000, bonus: 0 });
    const before = fingerprint(h);
    expect(
      (await clerk.fail('visitcards.sell', { memberId: m, productId: product, paymentMethod: 'storedValue' })).fields,
    ).toEqual({
      paymentMethod: { messageKey: 'errors.wallet.notEnough', params: { balance: '20.00' } },
    });
    expect(fingerprint(h)).toBe(before);
    await owner.call('visitcards.refund', { cardId: sold.card.id, payoutMethod: 'wechat', reason: '没用过' });
    expect(walletOf(h, m)).toEqual({ principal: 5_000, bonus: 3_000 });
    const free = await newProduct(owner, { name: '体验卡', priceFen: 0 });
    const ledgerRows = count(h, 'wallet_ledger');
    const gift = await clerk.call('visitcards.sell', { memberId: m, productId: free, paymentMethod: 'storedValue' });
    expect(gift.wallet).toMatchObject({ principalFen: 5_000, bonusFen: 3_000 });
    const r = await owner.call('visitcards.refund', { cardId: gift.card.id, payoutMethod: 'cash', reason: '不要' });
    expect(r).toMatchObject({ refundFen: 0, refundMethod: 'storedValue' });
    expect(count(h, 'wallet_ledger')).toBe(ledgerRows);
    expectCardsConsistent(h);
  });
});

describe('merge and erase', () => {
  it('a merge moves the cards and their visits to the survivor, who keeps using them', async () => {
    const { h, owner, clerk, m } = await shop();
    const other = await newMember(clerk);
    const product = await newProduct(owner);
    await giveWallet(owner, other, 50_000, 0);
    const mine = await sellAndUse(clerk, m, product, 1);
    const theirs = await sellAndUse(clerk, other, product, 2, 'storedValue');
    await owner.call('members.merge', { survivorId: m, mergedId: other });
    const cards = await clerk.call('visitcards.list', { memberId: m });
    expect(cards.map((c) => [c.id, c.memberId, c.usesLeft])).toEqual([
      [theirs, m, 8],
      [mine, m, 9],
    ]);
    expect(await clerk.call('visitcards.list', { memberId: other, includeEnded: true })).toEqual([]);
    expect(h.backend.raw.prepare('select count(*) from visitcard_uses where member_id <> ?').pluck().get(m)).toBe(0);
    expect((await clerk.call('visitcards.use', { cardId: theirs, service: '' })).card.usesLeft).toBe(7);
    expect(
      (await clerk.fail('visitcards.sell', { memberId: other, productId: product, paymentMethod: 'cash' })).messageKey,
    ).toBe('errors.member.merged');
    // The refund goes back to the survivor's stored value, which now holds the merged balance.
    await owner.call('visitcards.refund', { cardId: theirs, payoutMethod: 'cash', reason: '合并后退' });
    expect(walletOf(h, m)).toEqual({ principal: 50_000 - 30_000 + 21_000, bonus: 0 });
    expectCardsConsistent(h);
  });

  it('an erase keeps every card, visit and amount, and clears the reasons and notes written about the person', async () => {
    const { h, owner, clerk, m } = await shop();
    const product = await newProduct(owner);
    const refunded = await sellAndUse(clerk, m, product, 2);
    const [use] = await clerk.call('visitcards.uses', { cardId: refunded });
    await clerk.call('visitcards.undoUse', { useId: use!.id, reason: '欧阳女士说扣错了' });
    await owner.call('visitcards.refund', { cardId: refunded, payoutMethod: 'cash', reason: '欧阳女士搬去深圳' });
    const open = await sellAndUse(clerk, m, product, 1);
    const member = await owner.call('members.get', { id: m });
    // Visits left are the person's money: refunded before the record can be erased.
    const unchanged = fingerprint(h);
    expect(await owner.fail('members.erase', { id: m, confirm: member.memberNo })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.wallet.eraseHoldsCards',
      params: { balance: '0.00', count: 1 },
    });
    expect(fingerprint(h)).toBe(unchanged);
    await owner.call('visitcards.refund', { cardId: open, payoutMethod: 'cash', reason: '欧阳女士不再来了' });
    const amounts = () =>
      h.backend.raw
        .prepare(
          'select id, uses_total, uses_left, refunded_uses, refund_fen, price_fen, refund_method from visitcards order by id',
        )
        .all();
    const kept = { cards: amounts(), uses: count(h, 'visitcard_uses') };
    await owner.call('members.erase', { id: m, confirm: member.memberNo });
    expect({ cards: amounts(), uses: count(h, 'visitcard_uses') }).toEqual(kept);
    expect(h.backend.raw.prepare("select count(*) from visitcards where refund_reason <> ''").pluck().get()).toBe(0);
    expect(h.backend.raw.prepare("select count(*) from visitcard_uses where note <> ''").pluck().get()).toBe(0);
    const before = fingerprint(h);
    expect((await clerk.fail('visitcards.use', { cardId: open, service: '' })).code).toBe('CONFLICT');
    expect(fingerprint(h)).toBe(before);
    expectCardsConsistent(h);
  });
});
