import { describe, expect, it } from 'vitest';
import {
  daysOf,
  fillDays,
  netOf,
  shiftFrom,
  shopDayBounds,
  tillTotals,
  type TillMovement,
} from '../../shared/rules/till.js';
import { emptySums } from '../../shared/rules/till.js';

const names = new Map([
  [1, '老板'],
  [2, '小王'],
]);

describe('till totals', () => {
  it('sums each movement into its clerk and payment method, and nets money in less money out', () => {
    const moves: TillMovement[] = [
      { kind: 'topup', staffId: 2, method: 'cash', count: 2, paidFen: 150_000, bonusFen: 10_000 },
      { kind: 'topupVoid', staffId: 1, method: 'cash', count: 1, principalFen: 50_000, bonusFen: 0 },
      { kind: 'topup', staffId: 2, method: 'wechat', count: 1, paidFen: 100_000, bonusFen: 10_000 },
      { kind: 'topupVoid', staffId: 2, method: 'wechat', count: 1, principalFen: 100_000, bonusFen: 10_000 },
      { kind: 'payout', staffId: 1, method: 'alipay', count: 1, payoutFen: 30_000 },
      { kind: 'cardSale', staffId: 2, method: 'cash', count: 1, priceFen: 29_900 },
      { kind: 'cardSale', staffId: 2, method: 'storedValue', count: 1, priceFen: 19_900 },
      { kind: 'cardRefund', staffId: 1, method: 'storedValue', count: 1, refundFen: 9_950 },
      { kind: 'cardRefund', staffId: 1, method: 'cash', count: 1, refundFen: 5_000 },
      { kind: 'storedValue', staffId: 2, spentFen: 46_750 },
      { kind: 'storedValue', staffId: 1, spentFen: -9_950 },
    ];
    const t = tillTotals('a', 'b', moves, names);
    const line = (staffId: number | null, method: string) =>
      t.lines.find((l) => l.staffId === staffId && l.method === method);
    // Clerk id order, and the counter's method order within a clerk.
    expect(t.lines.map((l) => [l.staffId, l.method])).toEqual([
      [1, 'cash'],
      [1, 'alipay'],
      [1, 'storedValue'],
      [2, 'cash'],
      [2, 'wechat'],
      [2, 'storedValue'],
    ]);
    expect(line(2, 'cash')).toEqual({
      staffId: 2,
      staffName: '小王',
      method: 'cash',
      topupFen: 150_000,
      topupCount: 2,
      bonusFen: 10_000,
      cardSalesFen: 29_900,
      cardSalesCount: 1,
      refundsFen: 0,
      refundsCount: 0,
      storedValueSpentFen: 0,
      netFen: 179_900,
    });
    // A voided top-up is a refund of its principal and takes its bonus back.
    expect(line(2, 'wechat')).toMatchObject({
      topupFen: 100_000,
      refundsFen: 100_000,
      refundsCount: 1,
      bonusFen: 0,
      netFen: 0,
    });
    expect(line(1, 'cash')).toMatchObject({ refundsFen: 55_000, refundsCount: 2, netFen: -55_000 });
    expect(line(1, 'alipay')).toMatchObject({ refundsFen: 30_000, netFen: -30_000 });
    // Stored value moves no money at the till: its net is 0 whatever was sold or refunded with it.
    expect(line(2, 'storedValue')).toMatchObject({ cardSalesFen: 19_900, storedValueSpentFen: 46_750, netFen: 0 });
    // A count-card refund that went back to stored value is no money out: not a refund (it would be
    // counted twice, since the stored value it put back is already netted in the spending).
    expect(line(1, 'storedValue')).toMatchObject({
      refundsFen: 0,
      refundsCount: 0,
      storedValueSpentFen: -9_950,
      netFen: 0,
    });

    expect(t.byMethod.map((l) => [l.staffId, l.method, l.netFen])).toEqual([
      [null, 'cash', 124_900],
      [null, 'wechat', 0],
      [null, 'alipay', -30_000],
      [null, 'storedValue', 0],
    ]);
    expect(t.byMethod.find((l) => l.method === 'storedValue')).toMatchObject({
      cardSalesFen: 19_900,
      refundsFen: 0,
      storedValueSpentFen: 36_800,
    });
    expect(t.total).toEqual({
      topupFen: 250_000,
      topupCount: 3,
      bonusFen: 10_000,
      cardSalesFen: 49_800,
      cardSalesCount: 2,
      refundsFen: 185_000,
      refundsCount: 4,
      storedValueSpentFen: 36_800,
      netFen: 94_900,
    });
    // The total's net counts real money only.
    expect(t.total.netFen).toBe(t.byMethod.reduce((s, l) => s + l.netFen, 0));
  });

  it('has no lines for nothing, and names an unknown or absent clerk with null', () => {
    expect(tillTotals('a', 'b', [], names)).toEqual({
      from: 'a',
      to: 'b',
      lines: [],
      byMethod: [],
      total: emptySums(),
    });
    const t = tillTotals(
      'a',
      'b',
      [{ kind: 'topup', staffId: null, method: 'card', count: 1, paidFen: 1, bonusFen: 0 }],
      names,
    );
    expect(t.lines[0]).toMatchObject({ staffId: null, staffName: null, method: 'card', netFen: 1 });
    const u = tillTotals('a', 'b', [{ kind: 'payout', staffId: 9, method: 'other', count: 1, payoutFen: 1 }], names);
    expect(u.lines[0]).toMatchObject({ staffId: 9, staffName: null, netFen: -1 });
  });

  it('makes no line of a count-card refund back to stored value alone', () => {
    const t = tillTotals(
      'a',
      'b',
      [{ kind: 'cardRefund', staffId: 1, method: 'storedValue', count: 1, refundFen: 9_950 }],
      names,
    );
    expect(t.lines).toEqual([]);
    expect(t.total).toEqual(emptySums());
  });

  it('keeps a stored-value line when spending and returns cancel out', () => {
    const t = tillTotals('a', 'b', [{ kind: 'storedValue', staffId: 1, spentFen: 0 }], names);
    expect(t.lines).toHaveLength(1);
    expect(netOf('storedValue', { ...emptySums(), topupFen: 5 })).toBe(0);
    expect(netOf('cash', { ...emptySums(), topupFen: 5, cardSalesFen: 2, refundsFen: 10 })).toBe(-3);
  });
});

describe('shift and shop day bounds', () => {
  it('starts a shop day at its day-start hour on the shop’s wall clock', () => {
    expect(shopDayBounds('2026-03-01', 'Asia/Shanghai', 0)).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-01T16:00:00.000Z',
    });
    expect(shopDayBounds('2026-03-01', 'Asia/Shanghai', 4)).toEqual({
      from: '2026-02-28T20:00:00.000Z',
      to: '2026-03-01T20:00:00.000Z',
    });
    // A year's end, and a leap day.
    expect(shopDayBounds('2024-12-31', 'Asia/Shanghai', 0).to).toBe('2024-12-31T16:00:00.000Z');
    expect(shopDayBounds('2024-02-29', 'Asia/Shanghai', 0).from).toBe('2024-02-28T16:00:00.000Z');
  });

  it('starts a shift at the last handover, never before the shop day', () => {
    const dayStart = '2026-02-28T16:00:00.000Z';
    expect(shiftFrom(null, dayStart)).toBe(dayStart);
    expect(shiftFrom('2026-02-28T12:00:00.000Z', dayStart)).toBe(dayStart);
    expect(shiftFrom('2026-03-01T06:00:00.000Z', dayStart)).toBe('2026-03-01T06:00:00.000Z');
  });
});

describe('report days', () => {
  it('lists every day from–to, across a month and a leap day, with zeros where nothing moved', () => {
    expect(daysOf('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(daysOf('2026-03-02', '2026-03-01')).toEqual([]);
    const row = { day: '2026-03-02', topupFen: 100, bonusFen: 10, spentFen: 5, refundsFen: 0 };
    expect(fillDays('2026-03-01', '2026-03-03', [row])).toEqual([
      { day: '2026-03-01', topupFen: 0, bonusFen: 0, spentFen: 0, refundsFen: 0 },
      row,
      { day: '2026-03-03', topupFen: 0, bonusFen: 0, spentFen: 0, refundsFen: 0 },
    ]);
  });
});
