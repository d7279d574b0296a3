import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refundFee, runningShare, splitSpend, unusedValue } from '../../shared/rules/wallet.js';

const bal = (principalFen: number, bonusFen: number) => ({ principalFen, bonusFen });

describe('splitSpend', () => {
  it('takes both parts in proportion, the odd fen from the bonus', () => {
    // ¥1,000 + ¥100: a ¥268.50 spend takes 26850 × 100/1100 = 2440.9… → 2441 bonus.
    expect(splitSpend(bal(100000, 10000), 26850, 'proportional')).toEqual(bal(24409, 2441));
    expect(splitSpend(bal(3, 1), 1, 'proportional')).toEqual(bal(0, 1));
    expect(splitSpend(bal(100, 0), 40, 'proportional')).toEqual(bal(40, 0));
    expect(splitSpend(bal(0, 50), 40, 'proportional')).toEqual(bal(0, 40));
  });

  it('empties the bonus first when the shop says so', () => {
    expect(splitSpend(bal(100000, 10000), 26850, 'bonusFirst')).toEqual(bal(16850, 10000));
    expect(splitSpend(bal(100000, 10000), 5000, 'bonusFirst')).toEqual(bal(0, 5000));
  });

  it('takes nothing for nothing and refuses more than the balance', () => {
    expect(splitSpend(bal(100, 10), 0, 'proportional')).toEqual(bal(0, 0));
    expect(splitSpend(bal(0, 0), 0, 'bonusFirst')).toEqual(bal(0, 0));
    expect(() => splitSpend(bal(100, 10), 111, 'proportional')).toThrow(RangeError);
    expect(() => splitSpend(bal(0, 0), 1, 'bonusFirst')).toThrow(RangeError);
  });

  it('always adds up to the amount, within each part, never below the exact share of bonus', () => {
    fc.assert(
      fc.property(
        fc.nat(100_000_000),
        fc.nat(100_000_000),
        fc.nat(),
        fc.constantFrom('proportional' as const, 'bonusFirst' as const),
        (p, b, pick, order) => {
          fc.pre(p + b > 0);
          const amount = pick % (p + b + 1);
          const s = splitSpend(bal(p, b), amount, order);
          expect(s.principalFen + s.bonusFen).toBe(amount);
          expect(s.principalFen).toBeGreaterThanOrEqual(0);
          expect(s.bonusFen).toBeGreaterThanOrEqual(0);
          expect(s.principalFen).toBeLessThanOrEqual(p);
          expect(s.bonusFen).toBeLessThanOrEqual(b);
          if (order === 'proportional') {
            // bonus = ceil(amount × b / total): at least the exact share, less than one fen over.
            const total = BigInt(p + b);
            expect(BigInt(s.bonusFen) * total >= BigInt(amount) * BigInt(b)).toBe(true);
            expect((BigInt(s.bonusFen) - 1n) * total < BigInt(amount) * BigInt(b)).toBe(true);
          } else {
            expect(s.bonusFen).toBe(Math.min(b, amount));
          }
        },
      ),
    );
  });
});

describe('runningShare', () => {
  it('gives the share of what is done so far, less what was given, and the rest at the end', () => {
    expect(runningShare(100, 300, 100, 0)).toBe(33);
    expect(runningShare(100, 300, 200, 33)).toBe(33);
    expect(runningShare(100, 300, 300, 66)).toBe(34);
    expect(runningShare(100, 300, 400, 66)).toBe(34);
    expect(runningShare(0, 300, 100, 0)).toBe(0);
  });

  it('never goes below zero and never gives more than the part over any split of refunds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.nat(),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
        (whole, pick, steps) => {
          const part = pick % (whole + 1);
          let done = 0;
          let given = 0;
          for (const [i, pct] of steps.entries()) {
            const last = i === steps.length - 1;
            done = last ? whole : Math.min(whole, done + Math.max(1, Math.floor(((whole - done) * pct) / 100)));
            const n = runningShare(part, whole, done, given);
            expect(n).toBeGreaterThanOrEqual(0);
            given += n;
            expect(given).toBeLessThanOrEqual(part);
          }
          expect(given).toBe(part);
        },
      ),
    );
  });
});

describe('refundFee', () => {
  it('is the percentage rounded down, so a fen in doubt stays with the member', () => {
    expect(refundFee(100000, 0)).toBe(0);
    expect(refundFee(100000, 5)).toBe(5000);
    expect(refundFee(999, 10)).toBe(99);
    expect(refundFee(1, 99)).toBe(0);
    expect(refundFee(12345, 100)).toBe(12345);
    fc.assert(
      fc.property(fc.nat(100_000_000), fc.integer({ min: 0, max: 100 }), (fen, pct) => {
        const fee = refundFee(fen, pct);
        expect(fee * 100).toBeLessThanOrEqual(fen * pct);
        expect((fee + 1) * 100).toBeGreaterThan(fen * pct);
      }),
    );
  });
});

describe('unusedValue', () => {
  it('is the price pro rata to the visits left, rounded down', () => {
    expect(unusedValue(50000, 10, 10)).toBe(50000);
    expect(unusedValue(50000, 10, 3)).toBe(15000);
    expect(unusedValue(10000, 3, 1)).toBe(3333);
    expect(unusedValue(10000, 3, 0)).toBe(0);
    expect(unusedValue(0, 5, 5)).toBe(0);
  });
});
