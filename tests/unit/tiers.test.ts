import { describe, expect, it } from 'vitest';
import { businessDay } from '../../shared/rules/businessDay.js';
import {
  addMonths,
  manualEnded,
  nextReview,
  periodKey,
  purchaseGrowth,
  qualifiedRank,
  reviewRank,
  textOn,
  upgradeRank,
  windowFrom,
} from '../../shared/rules/tiers.js';

// The default table: 普通 0, 银 1000 (keep 500), 金 5000 (keep 2500), 钻石 20000 (keep 10000).
const tiers = [
  { threshold: 0, retention: 0 },
  { threshold: 1000, retention: 500 },
  { threshold: 5000, retention: 2500 },
  { threshold: 20000, retention: 10000 },
];

describe('thresholds', () => {
  it('qualifies at the threshold exactly, not one below', () => {
    expect(qualifiedRank(tiers, 999)).toBe(0);
    expect(qualifiedRank(tiers, 1000)).toBe(1);
    expect(qualifiedRank(tiers, 4999)).toBe(1);
    expect(qualifiedRank(tiers, 5000)).toBe(2);
    expect(qualifiedRank(tiers, 1_000_000)).toBe(3);
  });

  it('upgrades only upwards, skipping levels when the growth is there', () => {
    expect(upgradeRank(tiers, 0, 999)).toBeNull();
    expect(upgradeRank(tiers, 0, 5000)).toBe(2);
    expect(upgradeRank(tiers, 2, 1000)).toBeNull();
    expect(upgradeRank(tiers, 3, 0)).toBeNull();
  });

  it('counts whole yuan actually paid', () => {
    expect(purchaseGrowth(99_99, 1)).toBe(99);
    expect(purchaseGrowth(100_00, 1)).toBe(100);
    expect(purchaseGrowth(268_50, 2)).toBe(536);
    expect(purchaseGrowth(-5, 1)).toBe(0);
  });
});

describe('window boundaries in shop days', () => {
  it('counts the last 12 months back to the day after the same date a year ago', () => {
    expect(windowFrom('2026-12-02', 'rolling12')).toBe('2025-12-03');
    expect(windowFrom('2026-01-01', 'rolling12')).toBe('2025-01-02');
    expect(windowFrom('2026-12-02', 'lifetime')).toBeNull();
  });

  it('clamps month ends: 29 February', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(windowFrom('2025-02-28', 'rolling12')).toBe('2024-02-29');
    expect(nextReview('2024-02-29')).toBe('2025-02-28');
    expect(nextReview('2025-03-31')).toBe('2026-03-31');
  });

  it('puts a purchase at 23:59 and one at 00:01 Beijing time on different shop days, so in or out of a window', () => {
    // 2025-12-02 23:59 in Shanghai is 15:59 UTC; 2025-12-03 00:01 is 16:01 UTC.
    const late = businessDay('2025-12-02T15:59:00.000Z', 'Asia/Shanghai');
    const early = businessDay('2025-12-02T16:01:00.000Z', 'Asia/Shanghai');
    expect([late, early]).toEqual(['2025-12-02', '2025-12-03']);
    const from = windowFrom('2026-12-02', 'rolling12')!;
    expect(late >= from).toBe(false);
    expect(early >= from).toBe(true);
  });
});

describe('retention at the review date', () => {
  it('keeps the tier at the retention exactly', () => {
    expect(reviewRank(tiers, 2, 2500, 'toQualified')).toBe(2);
    expect(reviewRank(tiers, 2, 2499, 'toQualified')).toBe(1);
  });

  it('drops to the highest lower tier the growth keeps, down to the base tier', () => {
    expect(reviewRank(tiers, 3, 9999, 'toQualified')).toBe(2);
    expect(reviewRank(tiers, 3, 2000, 'toQualified')).toBe(1);
    expect(reviewRank(tiers, 3, 499, 'toQualified')).toBe(0);
    expect(reviewRank(tiers, 1, 0, 'toQualified')).toBe(0);
  });

  it('drops one level at a time when the shop says so', () => {
    expect(reviewRank(tiers, 3, 0, 'oneLevel')).toBe(2);
    expect(reviewRank(tiers, 2, 0, 'oneLevel')).toBe(1);
    expect(reviewRank(tiers, 1, 0, 'oneLevel')).toBe(0);
    // The growth may keep more than one level down: never lower than that.
    expect(reviewRank(tiers, 3, 9999, 'oneLevel')).toBe(2);
  });

  it('never drops a member whose growth qualifies for the tier itself or higher', () => {
    expect(reviewRank(tiers, 1, 6000, 'toQualified')).toBe(2);
    expect(reviewRank(tiers, 0, 0, 'toQualified')).toBe(0);
  });
});

describe('manual tiers', () => {
  it('hold through the end date and end the day after', () => {
    expect(manualEnded('2026-12-31', '2026-12-31')).toBe(false);
    expect(manualEnded('2026-12-31', '2027-01-01')).toBe(true);
  });
});

describe('service periods', () => {
  it('names the month, quarter and year a day falls in', () => {
    expect(periodKey('2026-12-02', 'month')).toBe('2026-12');
    expect(periodKey('2026-03-31', 'quarter')).toBe('2026-Q1');
    expect(periodKey('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodKey('2026-12-31', 'year')).toBe('2026');
  });
});

describe('text on a tier colour', () => {
  it.each([
    ['#ffffff', '#000000'],
    ['#fab005', '#000000'],
    ['#ffd43b', '#000000'],
    ['#868e96', '#000000'],
    ['#000000', '#ffffff'],
    ['#1a237e', '#ffffff'],
    ['#c92a2a', '#ffffff'],
    ['#7950f2', '#ffffff'],
  ])('on %s is %s', (background, text) => {
    expect(textOn(background)).toBe(text);
  });
});
