import { monthOf } from '../features/tiers/shopDay';

export interface Period {
  from: string;
  to: string;
}

const dayMs = 24 * 3600 * 1000;

/** The shop day `n` days before `day` (both YYYY-MM-DD, counted on the calendar, not in hours). */
export function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * dayMs).toISOString().slice(0, 10);
}

/** The report's quick periods as of today: this month so far, the whole last month, the last 90 days. */
export function quickPeriods(today: string): { thisMonth: Period; lastMonth: Period; last90: Period } {
  const month = monthOf(today);
  return {
    thisMonth: { from: month.from, to: today },
    lastMonth: monthOf(daysBefore(month.from, 1)),
    last90: { from: daysBefore(today, 89), to: today },
  };
}
