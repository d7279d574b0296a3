import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bpToPercent, effectiveOdds, maskName, pickSlot, type OddsPrize } from '../../shared/rules/draws.js';
import { periodBefore, periodOf, periodRange } from '../../shared/rules/periods.js';

/** A random source that returns the given values in turn. */
const fixed =
  (...values: number[]) =>
  (max: number) => {
    const v = values.shift();
    if (v === undefined || v >= max) throw new Error('test random source exhausted');
    return v;
  };

describe('pickSlot', () => {
  const weights = [100, 900, 4000, 5000];

  it('maps a random value to the prize whose cumulative range holds it', () => {
    expect(pickSlot(weights, fixed(0))).toBe(0);
    expect(pickSlot(weights, fixed(99))).toBe(0);
    expect(pickSlot(weights, fixed(100))).toBe(1);
    expect(pickSlot(weights, fixed(999))).toBe(1);
    expect(pickSlot(weights, fixed(1000))).toBe(2);
    expect(pickSlot(weights, fixed(4999))).toBe(2);
    expect(pickSlot(weights, fixed(5000))).toBe(3);
    expect(pickSlot(weights, fixed(9999))).toBe(3);
  });

  it('gives each prize exactly its basis points of the 10,000 possible values; a 0 chance is never drawn', () => {
    const w = [0, 1, 2499, 0, 7500];
    const counts = w.map(() => 0);
    for (let r = 0; r < 10_000; r++) counts[pickSlot(w, fixed(r))]! += 1;
    expect(counts).toEqual(w);
  });

  it('asks for one value below 10,000 and refuses weights that do not add up to 10,000', () => {
    let asked = 0;
    pickSlot(weights, (max) => {
      asked = max;
      return 0;
    });
    expect(asked).toBe(10_000);
    expect(() => pickSlot([5000, 4999], fixed(0))).toThrow(/9999/);
    expect(() => pickSlot(weights, () => 10_000)).toThrow(/out of range/);
  });
});

/**
 * Pearson's chi-square statistic and its p-value. For an even number of degrees of freedom k the
 * survival function has a closed form, P(X > x) = e^(−x/2) Σ_{i<k/2} (x/2)^i / i!, so no table or
 * library is needed.
 */
function chiSquare(observed: number[], expected: number[]): { x: number; p: number } {
  const x = observed.reduce((a, o, i) => a + (o - expected[i]!) ** 2 / expected[i]!, 0);
  const df = observed.length - 1;
  if (df % 2 !== 0) throw new Error('use an even number of degrees of freedom');
  let term = 1;
  let sum = 1;
  for (let i = 1; i < df / 2; i++) {
    term *= x / 2 / i;
    sum += term;
  }
  return { x, p: Math.exp(-x / 2) * sum };
}

/**
 * 10,000 draws through the real picker with the real `crypto.randomInt`. The test fails only when
 * the frequencies are further from the configured chances than chance alone puts them once in a
 * million runs (p < 1e-6: chi-square > 33.4 with 4 degrees of freedom), and each prize must also
 * fall within 5 standard deviations of its expected count (about 1 in 1.7 million per prize) — so
 * a correct picker essentially never fails it, while a wrong one fails every time (see below).
 */
describe('10,000 simulated draws', () => {
  const weights = [100, 500, 1400, 3000, 5000]; // 1%, 5%, 14%, 30%, 50%
  const n = 10_000;
  const simulate = (w: number[]) => {
    const counts = w.map(() => 0);
    for (let i = 0; i < n; i++) counts[pickSlot(w, randomInt)]! += 1;
    return counts;
  };
  const expected = weights.map((w) => (n * w) / 10_000);

  it('match the configured probabilities within statistical tolerance', () => {
    const observed = simulate(weights);
    expect(observed.reduce((a, b) => a + b, 0)).toBe(n);
    const { p } = chiSquare(observed, expected);
    expect(p).toBeGreaterThan(1e-6);
    for (const [i, w] of weights.entries()) {
      const q = w / 10_000;
      const sigma = Math.sqrt(n * q * (1 - q));
      expect(Math.abs(observed[i]! - expected[i]!), `prize ${i}`).toBeLessThan(5 * sigma);
    }
  });

  it('would catch a picker off by one percentage point on the rarest prize', () => {
    // The same test against draws made with 2% instead of 1% for the first prize.
    const skewed = simulate([200, 400, 1400, 3000, 5000]);
    expect(chiSquare(skewed, expected).p).toBeLessThan(1e-6);
  });
});

describe('effectiveOdds', () => {
  const prize = (id: number, kind: OddsPrize['kind'], bp: number, outOfStock = false): OddsPrize => ({
    id,
    name: `p${id}`,
    kind,
    points: kind === 'points' ? 10 : 0,
    probabilityBp: bp,
    outOfStock,
  });

  it('shows the configured chances while everything is in stock', () => {
    const odds = effectiveOdds([prize(1, 'points', 2000), prize(2, 'thanks', 8000)]);
    expect(odds.map((o) => o.bp)).toEqual([2000, 8000]);
  });

  it('moves an exhausted prize to the first "thank you" prize, or to a line of its own', () => {
    const withThanks = effectiveOdds([
      prize(1, 'points', 2000, true),
      prize(2, 'goods', 3000),
      prize(3, 'thanks', 5000),
    ]);
    expect(withThanks.map((o) => [o.prizeId, o.bp, o.outOfStock])).toEqual([
      [1, 0, true],
      [2, 3000, false],
      [3, 7000, false],
    ]);
    const without = effectiveOdds([prize(1, 'points', 2000, true), prize(2, 'goods', 8000)]);
    expect(without.at(-1)).toEqual({ prizeId: null, name: '', kind: 'thanks', points: 0, bp: 2000, outOfStock: false });
    expect(without.reduce((a, o) => a + o.bp, 0)).toBe(10_000);
  });
});

describe('display helpers', () => {
  it('masks names to their first character and one star', () => {
    expect(maskName('王女士')).toBe('王*');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('Alice Wang')).toBe('A*');
    expect(maskName('𠀋花')).toBe('𠀋*');
    expect(maskName('')).toBe('');
  });

  it('writes basis points as a percentage', () => {
    expect([10_000, 1250, 5, 0, 3333].map(bpToPercent)).toEqual(['100', '12.5', '0.05', '0', '33.33']);
  });
});

describe('periods', () => {
  it('turns months, quarters and years into ranges of business days', () => {
    expect(periodRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodRange('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('finds the period of a day and the ones before it', () => {
    expect(periodOf('2026-03-31', 'month')).toBe('2026-03');
    expect(periodOf('2026-03-31', 'quarter')).toBe('2026-Q1');
    expect(periodOf('2026-10-01', 'quarter')).toBe('2026-Q4');
    expect(periodBefore('2026-01')).toBe('2025-12');
    expect(periodBefore('2026-Q1')).toBe('2025-Q4');
    expect(periodBefore('2026-03', 14)).toBe('2025-01');
    expect(periodBefore('2026')).toBe('2025');
  });
});
