import type { PointsSummary } from './points.js';

/**
 * The lucky draw (积分抽奖) and the points leaderboard (积分排行榜): shapes shared by the main
 * process and the renderer. Probabilities are integer basis points (parts per 10,000), so the
 * prizes of a draw add up to exactly 10,000 and no float ever decides who wins.
 */
export const drawTotalBp = 10_000;

/**
 * What a prize gives: points (a new lot through the ledger), a catalog reward (coupon, voucher,
 * goods … issued at no cost), goods named only here and handed over at the counter, or nothing.
 */
export const drawPrizeKinds = ['points', 'reward', 'goods', 'thanks'] as const;
export type DrawPrizeKind = (typeof drawPrizeKinds)[number];

export interface DrawPrize {
  id: number;
  name: string;
  kind: DrawPrizeKind;
  /** Points credited (kind `points`), else 0. */
  points: number;
  /** The catalog reward (kind `reward`), else null. */
  rewardId: number | null;
  probabilityBp: number;
  /** Prizes left; null: unlimited. At 0 the prize's chance falls to "thank you". */
  stock: number | null;
  /** Times it was won so far. */
  won: number;
}

export interface DrawSettings {
  enabled: boolean;
  /** Points one draw costs (0: a free draw). */
  cost: number;
  /** Draws one member may make per shop business day. */
  dailyLimit: number;
}

export interface DrawConfig extends DrawSettings {
  prizes: DrawPrize[];
  /** The chances right now (exhausted prizes counted with "thank you"), as members see them. */
  odds: DrawOddsLine[];
}

/** One line of the odds shown to the member: what can be won now, and how likely. */
export interface DrawOddsLine {
  /** Null: the "thank you" line made up of exhausted prizes when no thank-you prize is set. */
  prizeId: number | null;
  name: string;
  kind: DrawPrizeKind;
  points: number;
  /** The chance now, exhausted prizes' chances counted with "thank you". */
  bp: number;
  /** Out of stock: shown with 0, its chance moved to "thank you". */
  outOfStock: boolean;
}

/** The counter's view before a draw: the rules, the odds and where this member stands today. */
export interface MemberDrawStatus extends DrawSettings {
  odds: DrawOddsLine[];
  usable: number;
  drawsToday: number;
}

/** What a member got: the prize's kind, or `thanks` when the drawn prize had run out. */
export type DrawOutcome = DrawPrizeKind;

export interface DrawInfo {
  id: number;
  memberId: number;
  memberNo: string;
  memberName: string;
  prizeId: number;
  /** The prize as it was at the draw (editing a prize later does not rewrite history). */
  prizeName: string;
  prizeKind: DrawPrizeKind;
  outcome: DrawOutcome;
  /** The drawn prize was out of stock: the member got "thank you". */
  fellBack: boolean;
  cost: number;
  points: number;
  /** A catalog reward's redemption and its code (coupons, vouchers). */
  redemptionId: number | null;
  code: string | null;
  at: string;
  day: string;
  staff: string | null;
}

export interface DrawResult {
  draw: DrawInfo;
  summary: PointsSummary;
  drawsToday: number;
  dailyLimit: number;
}

export const leaderboardUnits = ['month', 'quarter', 'year'] as const;
export type LeaderboardUnit = (typeof leaderboardUnits)[number];
export const leaderboardSizes = [20, 50, 100] as const;

export interface LeaderboardRow {
  rank: number;
  memberId: number;
  /** Display-safe: 张*, never the whole name. */
  name: string;
  /** Display-safe: 138****8000. */
  phone: string;
  points: number;
}

export interface Leaderboard {
  /** "2026-03", "2026-Q1" or "2026". */
  period: string;
  from: string;
  to: string;
  /** The shop's business day now, so the page can offer the periods up to it. */
  today: string;
  rows: LeaderboardRow[];
}
