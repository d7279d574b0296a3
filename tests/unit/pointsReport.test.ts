import { describe, expect, it } from 'vitest';
import { ledgerKinds } from '../../shared/points.js';
import {
  bucketMonths,
  flowAmount,
  flowOf,
  ledgerKindFlows,
  pointsFlows,
  reportMonths,
  sumFlows,
} from '../../shared/pointsReport.js';
import { ledgerKindNames } from '../../shared/io/ledgerFields.js';

describe('ledger kind classification', () => {
  it('classifies every ledger kind, and names it in both languages', () => {
    expect(Object.keys(ledgerKindFlows).sort()).toEqual([...ledgerKinds].sort());
    for (const k of ledgerKinds) {
      expect(pointsFlows).toContain(ledgerKindFlows[k].credit);
      expect(pointsFlows).toContain(ledgerKindFlows[k].debit);
      expect(ledgerKindNames.zh[k]).toBeTruthy();
      expect(ledgerKindNames.en[k]).toBeTruthy();
    }
  });

  it('puts earnings in issued, spending net of returns in redeemed, expiry and take-backs apart', () => {
    expect(flowOf('purchase', 10)).toBe('issued');
    expect(flowOf('opening', 10)).toBe('issued');
    expect(flowOf('adjust', 5)).toBe('issued');
    expect(flowOf('adjust', -5)).toBe('reversed');
    expect(flowOf('pay', -10)).toBe('redeemed');
    expect(flowOf('payReturn', 4)).toBe('redeemed');
    expect(flowOf('redeem', -10)).toBe('redeemed');
    expect(flowOf('redeemCancel', 10)).toBe('redeemed');
    expect(flowOf('expire', -3)).toBe('expired');
    expect(flowOf('refund', -3)).toBe('reversed');
    expect(flowOf('void', -3)).toBe('reversed');
    expect(flowOf('void', 3)).toBe('reversed');
    // A kind from a newer database counts by its sign rather than breaking the report.
    expect(flowOf('somethingNew', 3)).toBe('issued');
    expect(flowOf('somethingNew', -3)).toBe('reversed');
    expect(flowAmount('issued', 7)).toBe(7);
    expect(flowAmount('redeemed', -10) + flowAmount('redeemed', 4)).toBe(6);
  });
});

describe('monthly bucketing', () => {
  it('gives a calendar year, or the 12 business months ending with today’s across a year end', () => {
    expect(reportMonths(2025, '2026-02-14')).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    );
    const last = reportMonths(null, '2026-02-14');
    expect(last[0]).toBe('2025-03');
    expect(last[11]).toBe('2026-02');
    expect(reportMonths(null, '2026-12-31')[0]).toBe('2026-01');
  });

  it('sums flows per month and carries the outstanding balance across months, earlier ones included', () => {
    const sums = [
      { month: '2024-12', kind: 'opening', points: 100 },
      { month: '2025-01', kind: 'purchase', points: 50 },
      { month: '2025-01', kind: 'pay', points: -30 },
      { month: '2025-01', kind: 'payReturn', points: 10 },
      { month: '2025-01', kind: 'adjust', points: 8 },
      { month: '2025-01', kind: 'adjust', points: -5 },
      { month: '2025-03', kind: 'expire', points: -20 },
      { month: '2025-03', kind: 'refund', points: -4 },
      { month: '2026-01', kind: 'checkin', points: 1 },
    ];
    const months = bucketMonths(sums, ['2025-01', '2025-02', '2025-03']);
    expect(months).toEqual([
      { month: '2025-01', issued: 58, redeemed: 20, expired: 0, reversed: 5, outstandingEnd: 133 },
      { month: '2025-02', issued: 0, redeemed: 0, expired: 0, reversed: 0, outstandingEnd: 133 },
      { month: '2025-03', issued: 0, redeemed: 0, expired: 20, reversed: 4, outstandingEnd: 109 },
    ]);
    expect(sumFlows(months)).toEqual({ issued: 58, redeemed: 20, expired: 20, reversed: 9 });
    expect(bucketMonths([], ['2025-01'])).toEqual([
      { month: '2025-01', issued: 0, redeemed: 0, expired: 0, reversed: 0, outstandingEnd: 0 },
    ]);
  });
});
