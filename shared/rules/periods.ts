import type { LeaderboardUnit } from '../draws.js';

/**
 * Calendar periods of business days for the leaderboard: "2026-03" (a month), "2026-Q1" (a
 * quarter), "2026" (a year). A period is a closed range of `YYYY-MM-DD` business days, compared as
 * text against the ledger's `day` column.
 */
export const periodPattern = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function periodUnit(period: string): LeaderboardUnit {
  const m = periodPattern.exec(period);
  if (!m) throw new Error(`not a period: ${period}`);
  return m[2] ? 'month' : m[3] ? 'quarter' : 'year';
}

export function periodRange(period: string): { from: string; to: string } {
  const m = periodPattern.exec(period);
  if (!m) throw new Error(`not a period: ${period}`);
  const y = Number(m[1]);
  let first = 1;
  let last = 12;
  if (m[2]) first = last = Number(m[2]);
  else if (m[3]) {
    first = (Number(m[3]) - 1) * 3 + 1;
    last = first + 2;
  }
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDayOfMonth(y, last))}` };
}

/** The period of a unit that holds a business day. */
export function periodOf(day: string, unit: LeaderboardUnit): string {
  const y = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (unit === 'year') return y;
  if (unit === 'quarter') return `${y}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${y}-${pad(month)}`;
}

/** The period `n` steps before this one (n = 1: last month, last quarter, last year). */
export function periodBefore(period: string, n = 1): string {
  const unit = periodUnit(period);
  const y = Number(period.slice(0, 4));
  if (unit === 'year') return String(y - n);
  const size = unit === 'month' ? 12 : 4;
  const index = unit === 'month' ? Number(period.slice(5, 7)) - 1 : Number(period.slice(6)) - 1;
  const k = y * size + index - n;
  const ky = Math.floor(k / size);
  const ki = (k % size) + 1;
  return unit === 'month' ? `${ky}-${pad(ki)}` : `${ky}-Q${ki}`;
}
