/** The points feature's shapes, shared by the main process and the renderer. */
import type { TierOutcome } from './tiers.js';
import type { WalletSummary } from './wallet.js';

export const ledgerKinds = [
  'opening',
  'purchase',
  'refund',
  /** Points a member paid a purchase with; `payReturn` gives them back on a refund. */
  'pay',
  'payReturn',
  'checkin',
  'referral',
  'activity',
  'birthday',
  'adjust',
  'void',
  'redeem',
  'redeemCancel',
  'expire',
  /** A lucky draw's cost (积分抽奖), and the points a draw's prize credits as a new lot. */
  'draw',
  'drawPrize',
  /** Points given to settle a complaint (once per complaint). */
  'compensation',
  /** Bonus points from a stored-value top-up package; taken back if the top-up is voided. */
  'topupBonus',
] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/** Entries a manager may void with a reversing entry; the others are undone by their own act (a refund, a cancellation). */
export const voidableKinds: readonly LedgerKind[] = [
  'opening',
  'checkin',
  'referral',
  'activity',
  'birthday',
  'adjust',
];

export const paymentMethods = ['cash', 'wechat', 'alipay', 'card', 'storedValue', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const roundingModes = ['down', 'nearest', 'up'] as const;
export type Rounding = (typeof roundingModes)[number];

export type ExpiryPolicy =
  | { kind: 'never' }
  /** Each lot lasts N months from the day it was earned. */
  | { kind: 'rolling'; months: number }
  /** Points earned in year Y can be spent until MM-DD of year Y+1. */
  | { kind: 'annual'; monthDay: string };

export interface Promotion {
  id: string;
  name: string;
  /** Business days, inclusive. */
  from: string;
  to: string;
  /** Empty: every category. */
  categories: string[];
  /** 200 = double points. */
  multiplierPct: number;
}

export interface StreakBonus {
  /** The bonus is paid on this day of a streak and every multiple of it (7: days 7, 14, 21 …). */
  day: number;
  points: number;
}

export interface SpendBand {
  name: string;
  /** Spend over the last 12 months from which the band applies. */
  fromFen: number;
}

export interface PointsRules {
  /** `earnPoints` points for every `perFen` of spend: 1 per ¥100 is { 1, 10000 }. */
  earnPoints: number;
  perFen: number;
  rounding: Rounding;
  /** The shop's purchase categories; purchases in an excluded one earn nothing. */
  categories: string[];
  excludedCategories: string[];
  promotions: Promotion[];
  /** Days before earned points can be spent (冻结期). */
  freezeDays: number;
  /** Whether the part of a purchase paid with points or a coupon earns points too. */
  earnOnPointsAndCoupons: boolean;
  /** What one point is worth in fen: paying with points, and the owner's liability figure. */
  pointValueFen: number;
  expiry: ExpiryPolicy;
  checkIn: { points: number; streakBonuses: StreakBonus[] };
  referral: { onRegister: number; onFirstPurchase: number };
  birthdayPoints: number;
  spendBands: SpendBand[];
}

export interface PointsLot {
  id: number;
  kind: LedgerKind;
  points: number;
  remaining: number;
  at: string;
  usableOn: string;
  expiresOn: string | null;
}

export interface PointsSummary {
  memberId: number;
  /** The sum of the member's ledger. */
  balance: number;
  /** What can be spent today (lots past their freeze period). */
  usable: number;
  frozen: number;
  /** Past their last day, waiting for the expiry run (at start-up and each new business day). */
  lapsed: number;
  /** Upcoming expiries, soonest first: how much goes on which day. */
  expiries: { on: string; points: number }[];
  /** Frozen points by the day they become usable, soonest first. */
  thaws: { on: string; points: number }[];
  /** Open lots, soonest-expiring first. */
  lots: PointsLot[];
}

export interface LedgerEntry {
  id: number;
  kind: LedgerKind;
  points: number;
  refType: string;
  refId: number | null;
  reversesId: number | null;
  /** Set when a later entry voided this one. */
  voidedBy: number | null;
  note: string;
  staff: string | null;
  at: string;
  day: string;
  expiresOn: string | null;
  remaining: number | null;
}

export interface PurchaseInfo {
  id: number;
  memberId: number;
  amountFen: number;
  pointsUsed: number;
  pointsUsedFen: number;
  couponFen: number;
  receiptNo: string;
  category: string;
  items: string;
  paymentMethod: PaymentMethod;
  /** The part paid from stored value (the rest by `paymentMethod`). */
  storedValueFen: number;
  pointsEarned: number;
  refundedFen: number;
  /** Points the purchase's refunds took back so far. */
  pointsReversed: number;
  at: string;
  day: string;
  staff: string | null;
}

export interface PurchaseResult {
  purchase: PurchaseInfo;
  summary: PointsSummary;
  /** Growth value earned and the upgrade it brought. */
  tier: TierOutcome;
  /** The member's stored value after, when the purchase drew on it. */
  wallet: WalletSummary | null;
}

export interface RefundResult {
  refundId: number;
  purchase: PurchaseInfo;
  pointsReversed: number;
  /** Points the refund could not take back because the member had spent them. */
  shortfall: number;
  pointsReturned: number;
  summary: PointsSummary;
  /** Growth value taken back and an upgrade it reverted. */
  tier: TierOutcome;
  /** Stored value given back to the parts the purchase drew on; null when it drew on none. */
  wallet: { principalFen: number; bonusFen: number; summary: WalletSummary } | null;
}

export interface ConsumptionHabits {
  /** The last 12 business months, oldest first: "YYYY-MM" and visits (days with a purchase). */
  visitsByMonth: { month: string; visits: number }[];
  purchases: number;
  /** Net of refunds, over the last 12 months. */
  spendFen: number;
  averageTicketFen: number | null;
  spendBand: string | null;
  topCategories: { category: string; spendFen: number }[];
  lastVisit: string | null;
  daysSinceLastVisit: number | null;
}

export interface CheckInResult {
  streak: number;
  /** Everything the check-in paid, bonus included. */
  points: number;
  bonus: number;
  summary: PointsSummary;
}

export interface ActivityInfo {
  id: number;
  name: string;
  day: string;
  points: number;
  active: boolean;
  attendees: number;
  createdAt: string;
}

/** The counter's points card: the summary plus today's check-in state. */
export interface MemberPoints extends PointsSummary {
  streak: number;
  checkedInToday: boolean;
}
