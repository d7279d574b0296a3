import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { DropMode, GrowthWindow, ServicePeriod } from '../tiers.js';
import { addDays } from './earning.js';

dayjs.extend(utc);

/**
 * Tier arithmetic, on shop days (YYYY-MM-DD in the shop's time zone, already computed by the
 * caller) so the same rules hold in the main process and in tests. Tiers are given lowest first,
 * the base tier (threshold 0) at index 0, thresholds rising.
 */
export interface TierLevel {
  threshold: number;
  retention: number;
}

/** Month arithmetic that keeps the day, clamped to the month's end (29 Feb + 12 months = 28 Feb). */
export function addMonths(day: string, months: number): string {
  return dayjs.utc(day).add(months, 'month').format('YYYY-MM-DD');
}

/**
 * The first shop day a window ending on `day` counts: 12 months back, exclusive — on 2026-12-02
 * growth from 2025-12-03 on counts. Null: the whole history.
 */
export function windowFrom(day: string, window: GrowthWindow): string | null {
  return window === 'lifetime' ? null : addDays(addMonths(day, -12), 1);
}

/** The highest tier whose threshold the growth reaches. */
export function qualifiedRank(tiers: readonly TierLevel[], growth: number): number {
  let rank = 0;
  for (let i = 1; i < tiers.length; i++) if (growth >= tiers[i]!.threshold) rank = i;
  return rank;
}

/** The rank a purchase or activity moves a member to, or null when it does not upgrade them. */
export function upgradeRank(tiers: readonly TierLevel[], currentRank: number, growth: number): number | null {
  const q = qualifiedRank(tiers, growth);
  return q > currentRank ? q : null;
}

/**
 * The rank after a review (保级) with the window's growth at the review date: kept when it reaches
 * the tier's retention; otherwise the highest lower tier whose retention it reaches (the base tier
 * always), or only one level down when the shop says so. Growth that qualifies higher still wins.
 */
export function reviewRank(tiers: readonly TierLevel[], currentRank: number, growth: number, mode: DropMode): number {
  const current = Math.min(currentRank, tiers.length - 1);
  if (growth >= tiers[current]!.retention) return Math.max(current, qualifiedRank(tiers, growth));
  let kept = 0;
  for (let i = current - 1; i > 0; i--)
    if (growth >= tiers[i]!.retention) {
      kept = i;
      break;
    }
  if (mode === 'oneLevel') kept = Math.max(kept, current - 1);
  return Math.max(kept, Math.min(qualifiedRank(tiers, growth), current));
}

/** A tier is reviewed on the anniversary of the day it was reached or last kept. */
export function nextReview(day: string): string {
  return addMonths(day, 12);
}

/** A manual tier holds through its end date and ends the day after. */
export function manualEnded(until: string, today: string): boolean {
  return today > until;
}

/** Growth value a purchase earns: whole yuan actually paid (not the points or coupon parts). */
export function purchaseGrowth(paidFen: number, growthPerYuan: number): number {
  return Math.floor(Math.max(0, paidFen) / 100) * growthPerYuan;
}

/** The period a free service is counted in: '2026-12', '2026-Q4' or '2026'. */
export function periodKey(day: string, period: ServicePeriod): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  switch (period) {
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'year':
      return year;
  }
}

/** Text on a dark or a light tier colour: black or white, whichever contrasts more (WCAG luminance). */
export function textOn(color: string): '#000000' | '#ffffff' {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
