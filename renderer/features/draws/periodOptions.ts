import type { TFunction } from 'i18next';
import type { LeaderboardUnit } from '../../../shared/draws.js';
import { periodBefore, periodOf } from '../../../shared/rules/periods.js';

/** How far back the page offers periods: a year of months, two years of quarters, five years. */
const depth: Record<LeaderboardUnit, number> = { month: 13, quarter: 8, year: 5 };

export function periodLabel(t: TFunction, period: string): string {
  const year = period.slice(0, 4);
  if (period.length === 4) return t('leaderboard.yearLabel', { year });
  if (period[5] === 'Q') return t('leaderboard.quarterLabel', { year, q: period.slice(6) });
  return t('leaderboard.monthLabel', { year, month: Number(period.slice(5, 7)) });
}

/** The periods of a unit up to the one holding `today`, newest first. */
export function periodOptions(t: TFunction, unit: LeaderboardUnit, today: string) {
  const current = periodOf(today, unit);
  return Array.from({ length: depth[unit] }, (_, i) => {
    const period = periodBefore(current, i);
    let label = periodLabel(t, period);
    if (unit === 'month' && i === 0) label = t('leaderboard.thisMonth', { period: label });
    if (unit === 'month' && i === 1) label = t('leaderboard.lastMonth', { period: label });
    return { value: period, label };
  });
}
