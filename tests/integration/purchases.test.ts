import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, auditRows, closeShops, openShop, signedIn } from './harness.js';
import { expectLedgerConsistent, newMember, setDay, setRules } from './pointsHelpers.js';

afterEach(closeShops);

const sale = (memberId: number, amountFen: number, extra: Record<string, unknown> = {}) => ({
  memberId,
  amountFen,
  paymentMethod: 'cash' as const,
  ...extra,
});

describe('purchases and points', () => {
  it('earns 1 point per ¥100 by default, rounded down, and shows the new balance', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    const r = await owner.call('purchases.record', sale(m, 26850, { receiptNo: 'R-1', category: '' }));
    expect(r.purchase.pointsEarned).toBe(2);
    expect(r.summary.balance).toBe(2);
    expect(r.summary.usable).toBe(2);
    const events = await owner.call('members.timeline', { id: m });
    expect(events.rows[0]).toMatchObject({ kind: 'purchase', data: { amountFen: 26850, points: 2 } });
    expectLedgerConsistent(h);
  });

  it('computes ¥268.28 at 1 point per ¥1 as exactly 268 points (integers only)', async () => {
    const { h, owner } = await openShop();
    await setRules(owner, { earnPoints: 1, perFen: 100 });
    const m = await newMember(owner);
    const r = await owner.call('purchases.record', sale(m, 26828));
    expect(r.purchase.pointsEarned).toBe(268);
    expect(Number.isInteger(r.summary.balance)).toBe(true);
    await setRules(owner, { earnPoints: 1, perFen: 100, rounding: 'nearest' });
    expect((await owner.call('purchases.record', sale(m, 26850))).purchase.pointsEarned).toBe(269);
    await setRules(owner, { earnPoints: 1, perFen: 100, rounding: 'up' });
    expect((await owner.call('purchases.record', sale(m, 26801))).purchase.pointsEarned).toBe(269);
    expectLedgerConsistent(h);
  });

  it('records one purchase for a double click (the same request id twice)', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    const [a, b] = await Promise.all([
      owner.call('purchases.record', sale(m, 50000), '00000000-0000-4000-8000-000000000001'),
      owner.call('purchases.record', sale(m, 50000), '00000000-0000-4000-8000-000000000001'),
    ]);
    expect(a.purchase.id).toBe(b.purchase.id);
    expect(h.backend.raw.prepare('select count(*) as n from purchases').get()).toEqual({ n: 1 });
    expect((await owner.call('points.get', { memberId: m })).balance).toBe(5);
  });

  it('refunds half, then the rest: the points go back proportionally and never more in total', async () => {
    const { h, owner } = await openShop();
    await setRules(owner, { earnPoints: 1, perFen: 100 });
    const m = await newMember(owner);
    const p = (await owner.call('purchases.record', sale(m, 26850))).purchase;
    expect(p.pointsEarned).toBe(268);
    const half = await owner.call('purchases.refund', { purchaseId: p.id, amountFen: 13425, reason: '退一半' });
    expect(half.pointsReversed).toBe(134);
    expect(half.summary.balance).toBe(134);
    const err = await owner.fail('purchases.refund', { purchaseId: p.id, amountFen: 13426 });
    expect(err.fields?.amountFen?.messageKey).toBe('errors.purchase.refundTooLarge');
    const rest = await owner.call('purchases.refund', { purchaseId: p.id, amountFen: 13425 });
    expect(rest.pointsReversed).toBe(134);
    expect(rest.summary.balance).toBe(0);
    expect(rest.purchase.refundedFen).toBe(26850);
    const again = await owner.fail('purchases.refund', { purchaseId: p.id, amountFen: 1 });
    expect(again.fields?.amountFen?.messageKey).toBe('errors.purchase.fullyRefunded');
    expect(auditRows(h, 'purchases.refunded')).toHaveLength(2);
    expectLedgerConsistent(h);
  });

  it('takes back only what is left when the member spent the points, and records the shortfall', async () => {
    const { h, owner } = await openShop();
    await setRules(owner, { earnPoints: 1, perFen: 100 });
    const m = await newMember(owner);
    const p = (await owner.call('purchases.record', sale(m, 10000))).purchase;
    // Spend 80 of the 100 points on a second purchase.
    await owner.call('purchases.record', sale(m, 10000, { pointsUsed: 80 }));
    const before = await owner.call('points.get', { memberId: m });
    const r = await owner.call('purchases.refund', { purchaseId: p.id, amountFen: 10000 });
    expect(r.pointsReversed).toBe(before.balance);
    expect(r.shortfall).toBe(100 - before.balance);
    expect(r.summary.balance).toBe(0);
    expectLedgerConsistent(h);
  });

  it('pays with points: usable points only, the paid part earns nothing, a refund gives them back', async () => {
    const { h, owner } = await openShop();
    await setRules(owner, { earnPoints: 1, perFen: 100, pointValueFen: 10 });
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 50000));
    const tooMany = await owner.fail('purchases.record', sale(m, 10000, { pointsUsed: 501 }));
    expect(tooMany.fields?.pointsUsed).toMatchObject({
      messageKey: 'errors.points.notEnough',
      params: { usable: 500 },
    });
    const paid = await owner.call('purchases.record', sale(m, 10000, { pointsUsed: 200 }));
    // ¥100 less ¥20 paid with 200 points: 80 points earned.
    expect(paid.purchase.pointsEarned).toBe(80);
    expect(paid.summary.balance).toBe(500 - 200 + 80);
    const r = await owner.call('purchases.refund', { purchaseId: paid.purchase.id, amountFen: 10000 });
    expect(r.pointsReturned).toBe(200);
    expect(r.pointsReversed).toBe(80);
    expect(r.summary.balance).toBe(500);
    await setRules(owner, { earnPoints: 1, perFen: 100, pointValueFen: 10, earnOnPointsAndCoupons: true });
    const all = await owner.call('purchases.record', sale(m, 10000, { pointsUsed: 100, couponFen: 1000 }));
    expect(all.purchase.pointsEarned).toBe(100);
    expectLedgerConsistent(h);
  });

  it('applies excluded categories and the best promotion of the day', async () => {
    const { h } = await openShop();
    let owner = await setDay(h, '2026-03-10');
    await setRules(owner, {
      earnPoints: 1,
      perFen: 100,
      categories: ['烟酒', '零食', '日用'],
      excludedCategories: ['烟酒'],
      promotions: [
        { id: 'p1', name: '三八节双倍', from: '2026-03-08', to: '2026-03-10', categories: [], multiplierPct: 200 },
        { id: 'p2', name: '零食三倍', from: '2026-03-01', to: '2026-03-31', categories: ['零食'], multiplierPct: 300 },
      ],
    });
    const m = await newMember(owner);
    expect((await owner.call('purchases.record', sale(m, 10000, { category: '烟酒' }))).purchase.pointsEarned).toBe(0);
    expect((await owner.call('purchases.record', sale(m, 10000, { category: '日用' }))).purchase.pointsEarned).toBe(
      200,
    );
    expect((await owner.call('purchases.record', sale(m, 10000, { category: '零食' }))).purchase.pointsEarned).toBe(
      300,
    );
    owner = await setDay(h, '2026-03-11');
    expect((await owner.call('purchases.record', sale(m, 10000, { category: '日用' }))).purchase.pointsEarned).toBe(
      100,
    );
  });

  it('keeps points frozen for the freeze period', async () => {
    const { h } = await openShop();
    let owner = await setDay(h, '2026-03-10');
    await setRules(owner, { earnPoints: 1, perFen: 100, freezeDays: 7 });
    const m = await newMember(owner);
    const r = await owner.call('purchases.record', sale(m, 10000));
    expect(r.summary).toMatchObject({ balance: 100, usable: 0, frozen: 100 });
    const err = await owner.fail('purchases.record', sale(m, 1000, { pointsUsed: 1 }));
    expect(err.fields?.pointsUsed?.messageKey).toBe('errors.points.notEnough');
    owner = await setDay(h, '2026-03-17');
    expect(await owner.call('points.get', { memberId: m })).toMatchObject({ usable: 100, frozen: 0 });
  });

  it('refuses bad input with the field named and changes nothing', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    const zero = await owner.fail('purchases.record', sale(m, 0));
    expect(zero.fields?.amountFen?.messageKey).toBe('errors.purchase.amountZero');
    const frac = await owner.fail('purchases.record', sale(m, 100.5));
    expect(frac.fields?.amountFen?.messageKey).toBe('errors.money');
    const method = await owner.fail('purchases.record', { ...sale(m, 100), paymentMethod: 'bitcoin' as 'cash' });
    expect(method.fields?.paymentMethod?.messageKey).toBe('errors.choice');
    const coupon = await owner.fail('purchases.record', sale(m, 100, { couponFen: 200 }));
    expect(coupon.fields?.couponFen?.messageKey).toBe('errors.purchase.partsExceedAmount');
    expect(h.backend.raw.prepare('select count(*) as n from purchases').get()).toEqual({ n: 0 });
  });

  it('lets a clerk record and refund but not adjust points or change rules', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    const m = await newMember(clerk);
    const p = await clerk.call('purchases.record', sale(m, 20000));
    await clerk.call('purchases.refund', { purchaseId: p.purchase.id, amountFen: 10000 });
    expect((await clerk.fail('points.adjust', { memberId: m, points: 10, reason: 'x' })).code).toBe('FORBIDDEN');
    expect((await clerk.fail('points.saveRules', (await clerk.call('points.rules', {})) as never)).code).toBe(
      'FORBIDDEN',
    );
  });

  it('summarises consumption habits from purchases', async () => {
    const { h } = await openShop();
    let owner = await setDay(h, '2026-03-05');
    await setRules(owner, {
      categories: ['零食', '日用', '烟酒', '生鲜'],
      spendBands: [
        { name: '低', fromFen: 0 },
        { name: '中', fromFen: 50000 },
      ],
    });
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 30000, { category: '零食' }));
    await owner.call('purchases.record', sale(m, 10000, { category: '日用' }));
    owner = await setDay(h, '2026-04-20');
    await owner.call('purchases.record', sale(m, 20000, { category: '生鲜' }));
    const refunded = (await owner.call('purchases.record', sale(m, 5000, { category: '烟酒' }))).purchase;
    await owner.call('purchases.refund', { purchaseId: refunded.id, amountFen: 5000 });
    owner = await setDay(h, '2026-05-01');
    const habits = await owner.call('purchases.habits', { memberId: m });
    expect(habits.visitsByMonth.slice(-3)).toEqual([
      { month: '2026-03', visits: 1 },
      { month: '2026-04', visits: 1 },
      { month: '2026-05', visits: 0 },
    ]);
    expect(habits).toMatchObject({
      purchases: 3,
      spendFen: 60000,
      averageTicketFen: 20000,
      spendBand: '中',
      lastVisit: '2026-04-20',
      daysSinceLastVisit: 11,
    });
    expect(habits.topCategories.map((c) => c.category)).toEqual(['零食', '生鲜', '日用']);
  });
});
