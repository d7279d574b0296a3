import { afterEach, describe, expect, it } from 'vitest';
import { runExpiry } from '../../electron/services/points/expiry.js';
import { pointsFlows } from '../../shared/pointsReport.js';
import { addStaff, closeShops, openShop, ownerAccount, signedIn, type Harness } from './harness.js';
import { expectLedgerConsistent, newMember, setDay, setRules } from './pointsHelpers.js';

afterEach(closeShops);

const sale = (memberId: number, amountFen: number, extra: Record<string, unknown> = {}) => ({
  memberId,
  amountFen,
  paymentMethod: 'cash' as const,
  ...extra,
});

const ledgerSum = (h: Harness) =>
  (h.backend.raw.prepare(`select coalesce(sum(points), 0) as n from points_ledger`).get() as { n: number }).n;

/** Sets the clock to an exact instant (UTC) and signs the owner in again. */
async function at(h: Harness, iso: string) {
  h.clock.set(iso);
  return signedIn(h, ownerAccount.username, ownerAccount.password);
}

describe("owner's points view", () => {
  it('shows the liability as the sum of the ledger × the value of a point, and each month rolls forward', async () => {
    const { h } = await openShop();
    let owner = await setDay(h, '2026-03-10');
    await setRules(owner, { earnPoints: 1, perFen: 100, pointValueFen: 5, expiry: { kind: 'rolling', months: 1 } });
    const a = await newMember(owner);
    const b = await newMember(owner);
    const p1 = await owner.call('purchases.record', sale(a, 30000)); // +300
    await owner.call('purchases.record', sale(b, 12345)); // +123
    await owner.call('points.checkIn', { memberId: a });
    owner = await setDay(h, '2026-04-03');
    const paid = await owner.call('purchases.record', sale(a, 10000, { pointsUsed: 100 })); // −100 pay, +95 on ¥95
    await owner.call('purchases.refund', { purchaseId: paid.purchase.id, amountFen: 5000 }); // +50 back, −47
    await owner.call('purchases.refund', { purchaseId: p1.purchase.id, amountFen: 10000 }); // −100 reversed
    await owner.call('points.adjust', { memberId: b, points: -20, reason: '录错' });
    await owner.call('points.adjust', { memberId: b, points: 7, reason: '补偿' });
    owner = await setDay(h, '2026-05-20');
    const expired = await runExpiry(h.backend);
    expect(expired.points).toBeGreaterThan(0);

    const r = await owner.call('points.report', { year: 2026 });
    expect(r.outstanding).toBe(ledgerSum(h));
    expect(r.pointValueFen).toBe(5);
    expect(r.liabilityFen).toBe(ledgerSum(h) * 5);
    expect(r.months.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    const [mar, apr, may] = r.months.slice(2, 5);
    expect(r.months[1]!.outstandingEnd).toBe(0);
    expect(mar).toMatchObject({ issued: 300 + 123 + 1, redeemed: 0, expired: 0, reversed: 0, outstandingEnd: 424 });
    // Paying with 100 points and getting 50 back on the refund: 50 redeemed, net.
    expect(apr).toMatchObject({ issued: 95 + 7, redeemed: 50, expired: 0, reversed: 47 + 100 + 20 });
    expect(may!.expired).toBe(expired.points);
    let before = 0;
    for (const m of r.months) {
      expect(m.outstandingEnd).toBe(before + m.issued - m.redeemed - m.expired - m.reversed);
      before = m.outstandingEnd;
    }
    expect(r.months[11]!.outstandingEnd).toBe(r.outstanding);
    for (const f of pointsFlows) expect(r.totals[f]).toBe(r.months.reduce((n, m) => n + m[f], 0));
    expect(r.years).toEqual([2026]);
    expectLedgerConsistent(h);
  });

  it('buckets by the shop’s business day: 23:59 and 00:01 Beijing time fall in different months', async () => {
    const { h } = await openShop();
    let owner = await at(h, '2026-01-31T15:59:00.000Z'); // 23:59 on 31 January in Shanghai
    await setRules(owner, { earnPoints: 1, perFen: 100 });
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 1100));
    owner = await at(h, '2026-01-31T16:01:00.000Z'); // 00:01 on 1 February, still 31 January in UTC
    await owner.call('purchases.record', sale(m, 2200));
    const r = await owner.call('points.report', { year: 2026 });
    expect(r.months[0]).toMatchObject({ month: '2026-01', issued: 11, outstandingEnd: 11 });
    expect(r.months[1]).toMatchObject({ month: '2026-02', issued: 22, outstandingEnd: 33 });

    // The last 12 business months end with today's (February), oldest first.
    const last = await owner.call('points.report', { year: null });
    expect(last.months.map((x) => x.month)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(last.months[10]!.issued).toBe(11);
    expect(last.today).toBe('2026-02-01');
  });

  it('is for owners and managers only, checked in the main process', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'manager1', 'manager');
    await addStaff(owner, 'clerk1', 'clerk');
    const manager = await signedIn(h, 'manager1', 'manager1-pass-1');
    expect((await manager.call('points.report', {})).outstanding).toBe(0);
    const clerk = await signedIn(h, 'clerk1', 'clerk1-pass-1');
    expect((await clerk.fail('points.report', {})).code).toBe('FORBIDDEN');
    expect((await owner.fail('points.report', { year: 1999 })).code).toBe('VALIDATION');
  });
});
