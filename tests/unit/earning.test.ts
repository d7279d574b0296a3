import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPointsRules } from '../../electron/services/points/rules.js';
import { earnedPoints, lotExpiresOn, refundShare, streakBonus } from '../../shared/rules/earning.js';
import { formatFen } from '../../shared/rules/money.js';

const base = { pointsUsedFen: 0, couponFen: 0, category: '', day: '2026-03-01', tierPct: 100 };

describe('earnedPoints', () => {
  it('defaults to 1 point per ¥100, rounded down', () => {
    expect(earnedPoints(defaultPointsRules, { ...base, amountFen: 26850 }).points).toBe(2);
    expect(earnedPoints(defaultPointsRules, { ...base, amountFen: 9999 }).points).toBe(0);
  });

  it('is exact on ¥268.28-style amounts and never a fraction', () => {
    const perYuan = { ...defaultPointsRules, perFen: 100 };
    expect(earnedPoints(perYuan, { ...base, amountFen: 26828 }).points).toBe(268);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 100, max: 1000 }), (fen, pct) => {
        const p = earnedPoints(perYuan, { ...base, amountFen: fen, tierPct: pct }).points;
        expect(Number.isInteger(p)).toBe(true);
        // Exact floor of fen × pct / 10000, computed without floats.
        expect(BigInt(p)).toBe((BigInt(fen) * BigInt(pct)) / 10000n);
      }),
    );
  });

  it('rounds to nearest or up when the shop says so', () => {
    const r = { ...defaultPointsRules, perFen: 100 };
    expect(earnedPoints({ ...r, rounding: 'nearest' }, { ...base, amountFen: 26850 }).points).toBe(269);
    expect(earnedPoints({ ...r, rounding: 'nearest' }, { ...base, amountFen: 26849 }).points).toBe(268);
    expect(earnedPoints({ ...r, rounding: 'up' }, { ...base, amountFen: 26801 }).points).toBe(269);
  });

  it('applies the tier multiplier and the best promotion, not both promotions', () => {
    const r = {
      ...defaultPointsRules,
      perFen: 100,
      promotions: [
        { id: 'a', name: 'A', from: '2026-03-01', to: '2026-03-01', categories: [], multiplierPct: 150 },
        { id: 'b', name: 'B', from: '2026-03-01', to: '2026-03-31', categories: ['茶'], multiplierPct: 300 },
      ],
    };
    expect(earnedPoints(r, { ...base, amountFen: 10000, tierPct: 120 })).toMatchObject({
      points: 180,
      multiplierPct: 180,
      promotion: 'A',
    });
    expect(earnedPoints(r, { ...base, amountFen: 10000, category: '茶' })).toMatchObject({
      points: 300,
      promotion: 'B',
    });
    expect(earnedPoints(r, { ...base, amountFen: 10000, day: '2026-04-01' }).points).toBe(100);
  });

  it('leaves out the points and coupon parts unless the shop rewards them', () => {
    const r = { ...defaultPointsRules, perFen: 100 };
    expect(earnedPoints(r, { ...base, amountFen: 10000, pointsUsedFen: 2000, couponFen: 1000 }).points).toBe(70);
    expect(
      earnedPoints({ ...r, earnOnPointsAndCoupons: true }, { ...base, amountFen: 10000, pointsUsedFen: 2000 }).points,
    ).toBe(100);
  });

  it('takes an unearned part (stored value, by the shop setting) off the base, whatever else counts', () => {
    const r = { ...defaultPointsRules, perFen: 100 };
    expect(earnedPoints(r, { ...base, amountFen: 10000, unearnedFen: 0 }).points).toBe(100);
    expect(earnedPoints(r, { ...base, amountFen: 10000, unearnedFen: 2550 })).toMatchObject({
      points: 74,
      baseFen: 7450,
    });
    // Off the money part after points and coupon, and off the whole amount when those earn too.
    expect(earnedPoints(r, { ...base, amountFen: 10000, couponFen: 1000, unearnedFen: 4000 }).points).toBe(50);
    expect(
      earnedPoints(
        { ...r, earnOnPointsAndCoupons: true },
        { ...base, amountFen: 10000, couponFen: 1000, unearnedFen: 4000 },
      ).points,
    ).toBe(60);
    // All of it unearned: nothing, and never a negative base.
    expect(earnedPoints(r, { ...base, amountFen: 10000, unearnedFen: 10000 })).toMatchObject({ points: 0, baseFen: 0 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.nat(), (fen, cut) => {
        const unearnedFen = cut % (fen + 1);
        expect(earnedPoints(r, { ...base, amountFen: fen, unearnedFen }).points).toBe(
          earnedPoints(r, { ...base, amountFen: fen - unearnedFen }).points,
        );
      }),
    );
  });
});

describe('refundShare', () => {
  it('never adds up to more than earned, and the last refund settles exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 8 }),
        (earned, amount, shares) => {
          let refunded = 0;
          let taken = 0;
          for (const s of shares) {
            const left = amount - refunded;
            if (left === 0) break;
            refunded += Math.max(1, Math.floor((left * s) / 100));
            const t = refundShare(earned, amount, refunded, taken);
            expect(t).toBeGreaterThanOrEqual(0);
            taken += t;
            expect(taken).toBeLessThanOrEqual(earned);
          }
          taken += refundShare(earned, amount, amount, taken);
          expect(taken).toBe(earned);
        },
      ),
    );
  });

  it('takes half (rounded down) for half the money', () => {
    expect(refundShare(268, 26850, 13425, 0)).toBe(134);
    expect(refundShare(3, 30000, 10000, 0)).toBe(1);
  });
});

describe('lotExpiresOn', () => {
  it('rolling N months: the day before the same date N months on, clamped at month end', () => {
    expect(lotExpiresOn({ kind: 'rolling', months: 12 }, '2026-03-15')).toBe('2027-03-14');
    expect(lotExpiresOn({ kind: 'rolling', months: 1 }, '2026-01-31')).toBe('2026-02-27');
  });
  it('annual: the set date of the following year', () => {
    expect(lotExpiresOn({ kind: 'annual', monthDay: '12-31' }, '2026-01-01')).toBe('2027-12-31');
    expect(lotExpiresOn({ kind: 'annual', monthDay: '12-31' }, '2026-12-31')).toBe('2027-12-31');
    expect(lotExpiresOn({ kind: 'annual', monthDay: '06-30' }, '2026-07-01')).toBe('2027-06-30');
  });
  it('never', () => {
    expect(lotExpiresOn({ kind: 'never' }, '2026-01-01')).toBeNull();
  });
});

describe('streakBonus', () => {
  it('pays on the bonus day and its multiples, the largest when several match', () => {
    const b = [
      { day: 7, points: 5 },
      { day: 30, points: 50 },
    ];
    expect([1, 6, 7, 8, 14, 30, 210].map((s) => streakBonus(b, s))).toEqual([0, 0, 5, 0, 5, 50, 50]);
  });
});

describe('formatFen', () => {
  it('formats fen as yuan by integer arithmetic', () => {
    expect([26850, 5, 0, -5, 100000000].map(formatFen)).toEqual(['268.50', '0.05', '0.00', '-0.05', '1000000.00']);
  });
});
