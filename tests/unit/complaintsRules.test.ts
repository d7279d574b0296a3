import { describe, expect, it } from 'vitest';
import {
  complaintActions,
  complaintStatuses,
  type ComplaintAction,
  type ComplaintStatus,
} from '../../shared/complaints.js';
import {
  csatAverage,
  isOverdue,
  nextStatus,
  npsOf,
  percentOf,
  priorityFactorPct,
  shopDayEnd,
  slaDue,
} from '../../shared/rules/complaints.js';

const tz = 'Asia/Shanghai';
const settings = {
  firstResponseHours: { low: 48, normal: 24, high: 4, urgent: 1 },
  resolutionDays: { low: 7, normal: 3, high: 1, urgent: 0 },
  priorityCutPct: 25,
};
/** A Beijing wall-clock time as the UTC instant the app stores. */
const bj = (wall: string) => new Date(`${wall}+08:00`).toISOString();

describe('SLA due times', () => {
  it('a shop day ends at the next day-start hour on the shop’s clock', () => {
    expect(shopDayEnd('2026-03-10', tz, 0)).toBe(bj('2026-03-11T00:00:00'));
    expect(shopDayEnd('2026-03-10', tz, 4)).toBe(bj('2026-03-11T04:00:00'));
    expect(shopDayEnd('2026-12-31', tz, 0)).toBe(bj('2027-01-01T00:00:00'));
  });

  it('counts resolution days from the shop day it was logged: 23:59 and 00:01 with days starting at midnight', () => {
    const before = slaDue(bj('2026-03-10T23:59:00'), 'normal', 0, settings, tz, 0);
    expect(before).toEqual({
      firstResponseDue: bj('2026-03-11T23:59:00'),
      resolutionDue: bj('2026-03-14T00:00:00'),
    });
    const after = slaDue(bj('2026-03-11T00:01:00'), 'normal', 0, settings, tz, 0);
    expect(after.resolutionDue).toBe(bj('2026-03-15T00:00:00'));
    expect(after.firstResponseDue).toBe(bj('2026-03-12T00:01:00'));
  });

  it('with days starting at 04:00, 00:01 still belongs to the day before', () => {
    const lateNight = slaDue(bj('2026-03-11T00:01:00'), 'normal', 0, settings, tz, 4);
    const evening = slaDue(bj('2026-03-10T23:59:00'), 'normal', 0, settings, tz, 4);
    expect(lateNight.resolutionDue).toBe(bj('2026-03-14T04:00:00'));
    expect(evening.resolutionDue).toBe(lateNight.resolutionDue);
    expect(slaDue(bj('2026-03-11T04:00:00'), 'normal', 0, settings, tz, 4).resolutionDue).toBe(
      bj('2026-03-15T04:00:00'),
    );
    // The first response is wall-clock hours, whatever the shop day.
    expect(lateNight.firstResponseDue).toBe(bj('2026-03-12T00:01:00'));
  });

  it('urgent (0 days) is due by the end of the same shop day', () => {
    expect(slaDue(bj('2026-03-10T10:00:00'), 'urgent', 0, settings, tz, 0)).toEqual({
      firstResponseDue: bj('2026-03-10T11:00:00'),
      resolutionDue: bj('2026-03-11T00:00:00'),
    });
    expect(slaDue(bj('2026-03-11T02:30:00'), 'urgent', 0, settings, tz, 4).resolutionDue).toBe(
      bj('2026-03-11T04:00:00'),
    );
  });

  it('crosses month and year ends', () => {
    expect(slaDue(bj('2026-01-31T12:00:00'), 'normal', 0, settings, tz, 0).resolutionDue).toBe(
      bj('2026-02-04T00:00:00'),
    );
    expect(slaDue(bj('2026-04-30T20:00:00'), 'high', 0, settings, tz, 0).resolutionDue).toBe(bj('2026-05-02T00:00:00'));
    const newYear = slaDue(bj('2026-12-30T09:00:00'), 'low', 0, settings, tz, 0);
    expect(newYear).toEqual({
      firstResponseDue: bj('2027-01-01T09:00:00'),
      resolutionDue: bj('2027-01-07T00:00:00'),
    });
    // New Year's Eve after midnight, days starting at 04:00: still 31 December.
    expect(slaDue(bj('2027-01-01T01:00:00'), 'urgent', 0, settings, tz, 4).resolutionDue).toBe(
      bj('2027-01-01T04:00:00'),
    );
  });

  it('knows 28 and 29 February', () => {
    // 2026 is not a leap year: the day after 28 February is 1 March.
    expect(slaDue(bj('2026-02-27T15:00:00'), 'high', 0, settings, tz, 0).resolutionDue).toBe(bj('2026-03-01T00:00:00'));
    expect(slaDue(bj('2026-02-27T15:00:00'), 'normal', 0, settings, tz, 0).resolutionDue).toBe(
      bj('2026-03-03T00:00:00'),
    );
    // 2028 is.
    expect(slaDue(bj('2028-02-28T15:00:00'), 'high', 0, settings, tz, 0).resolutionDue).toBe(bj('2028-03-01T00:00:00'));
    expect(slaDue(bj('2028-02-27T15:00:00'), 'normal', 0, settings, tz, 0).resolutionDue).toBe(
      bj('2028-03-02T00:00:00'),
    );
    expect(slaDue(bj('2028-02-28T23:30:00'), 'normal', 0, settings, tz, 0).firstResponseDue).toBe(
      bj('2028-02-29T23:30:00'),
    );
  });

  it('tier priority cuts both targets by the set percent per level, rounding down, never below one day', () => {
    expect([0, 1, 2, 3].map((p) => priorityFactorPct(p, 25))).toEqual([100, 75, 50, 25]);
    expect(priorityFactorPct(3, 30)).toBe(10);
    expect(priorityFactorPct(3, 40)).toBe(0);
    const at = bj('2026-03-10T10:00:00');
    const due = (priority: number, severity: 'normal' | 'urgent' | 'high' = 'normal') =>
      slaDue(at, severity, priority, settings, tz, 0);
    // 24 h → 18 h, 12 h, 6 h; 3 days → 2.25 → 2, 1.5 → 1, 0.75 → 0 but never below one day: 1.
    expect(due(1)).toEqual({ firstResponseDue: bj('2026-03-11T04:00:00'), resolutionDue: bj('2026-03-13T00:00:00') });
    expect(due(2)).toEqual({ firstResponseDue: bj('2026-03-10T22:00:00'), resolutionDue: bj('2026-03-12T00:00:00') });
    expect(due(3)).toEqual({ firstResponseDue: bj('2026-03-10T16:00:00'), resolutionDue: bj('2026-03-12T00:00:00') });
    // Urgent at priority 3: 15 minutes, and still the same day (its own target is 0 days).
    expect(due(3, 'urgent')).toEqual({
      firstResponseDue: bj('2026-03-10T10:15:00'),
      resolutionDue: bj('2026-03-11T00:00:00'),
    });
    // High at priority 1–3: 1 day × 75 %, 50 %, 25 % rounds down to 0, kept at one day.
    for (const p of [1, 2, 3]) expect(due(p, 'high').resolutionDue).toBe(bj('2026-03-12T00:00:00'));
    // Low (7 days) at priority 3: 1.75 → 1.
    expect(slaDue(at, 'low', 3, settings, tz, 0).resolutionDue).toBe(bj('2026-03-12T00:00:00'));
    // A cut of 100 % (priority 3 at a 40 % cut) still leaves a day, but urgent stays the same day.
    const all = { ...settings, priorityCutPct: 40 };
    expect(slaDue(at, 'normal', 3, all, tz, 0).resolutionDue).toBe(bj('2026-03-12T00:00:00'));
    expect(slaDue(at, 'urgent', 3, all, tz, 0).resolutionDue).toBe(bj('2026-03-11T00:00:00'));
    // 60 minutes less 7% is 55.8: 55 whole minutes.
    const odd = slaDue(at, 'urgent', 1, { ...settings, priorityCutPct: 7 }, tz, 0);
    expect(odd.firstResponseDue).toBe(bj('2026-03-10T10:55:00'));
  });
});

describe('overdue', () => {
  const c = {
    status: 'assigned' as ComplaintStatus,
    firstResponseDue: '2026-03-10T03:00:00.000Z',
    firstResponseAt: null as string | null,
    resolutionDue: '2026-03-12T16:00:00.000Z',
  };
  it('is past a target not yet met, and never once resolved', () => {
    expect(isOverdue(c, '2026-03-10T03:00:00.000Z')).toBe(false);
    expect(isOverdue(c, '2026-03-10T03:00:00.001Z')).toBe(true);
    expect(isOverdue({ ...c, firstResponseAt: '2026-03-10T04:00:00.000Z' }, '2026-03-11T00:00:00.000Z')).toBe(false);
    expect(isOverdue({ ...c, firstResponseAt: '2026-03-10T02:00:00.000Z' }, '2026-03-13T00:00:00.000Z')).toBe(true);
    expect(isOverdue({ ...c, status: 'resolved' }, '2026-03-13T00:00:00.000Z')).toBe(false);
    expect(isOverdue({ ...c, status: 'closed' }, '2026-03-13T00:00:00.000Z')).toBe(false);
  });
});

describe('NPS and CSAT arithmetic', () => {
  it('NPS: 9–10 promote, 7–8 are passive, 0–6 detract; promoters minus detractors in whole percent', () => {
    expect(npsOf([])).toEqual({ promoters: 0, passives: 0, detractors: 0, responses: 0, nps: null });
    expect(npsOf([10, 9, 8, 7, 6, 0])).toEqual({ promoters: 2, passives: 2, detractors: 2, responses: 6, nps: 0 });
    expect(npsOf([9, 10, 10]).nps).toBe(100);
    expect(npsOf([0, 1, 2, 3, 4, 5, 6]).nps).toBe(-100);
    expect(npsOf([7, 8]).nps).toBe(0);
    // 2 − 1 of 3 = 33.3 %; 1 − 2 of 3 = −33.3 %.
    expect(npsOf([10, 10, 6]).nps).toBe(33);
    expect(npsOf([10, 6, 6]).nps).toBe(-33);
    // 2 of 3 promoters = 66.7 %: rounds to 67.
    expect(npsOf([9, 9, 8]).nps).toBe(67);
  });

  it('CSAT: the mean to two decimals, none without scores', () => {
    expect(csatAverage([])).toBeNull();
    expect(csatAverage([4, 5])).toBe(4.5);
    expect(csatAverage([1, 2, 2])).toBe(1.67);
    expect(csatAverage([5, 5, 5, 4])).toBe(4.75);
    expect(csatAverage([3])).toBe(3);
  });

  it('shares in whole percent, none of nothing', () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(5, 5)).toBe(100);
  });
});

describe('the workflow table', () => {
  const table: Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>> = {
    new: { assign: 'assigned' },
    assigned: { assign: 'assigned', start: 'inProgress', resolve: 'resolved' },
    inProgress: { assign: 'inProgress', resolve: 'resolved' },
    resolved: { close: 'closed', reopen: 'inProgress' },
    closed: { reopen: 'inProgress' },
  };
  for (const status of complaintStatuses)
    for (const action of complaintActions)
      it(`${status} + ${action} → ${table[status][action] ?? 'refused'}`, () => {
        expect(nextStatus(status, action)).toBe(table[status][action] ?? null);
      });
});
