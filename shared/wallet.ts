import type { PaymentMethod, PointsSummary } from './points.js';

/** How money comes in for a top-up or goes out for a refund: every payment method but stored value. */
export const tillMethods = ['cash', 'wechat', 'alipay', 'card', 'other'] as const;
export type TillMethod = (typeof tillMethods)[number];

/** Which part spending takes first: both in proportion to the balances, or the bonus before the principal. */
export const drawOrders = ['proportional', 'bonusFirst'] as const;
export type DrawOrder = (typeof drawOrders)[number];

/** Which part of a stored-value payment earns points. */
export const storedValuePointsModes = ['all', 'principal', 'none'] as const;
export type StoredValuePoints = (typeof storedValuePointsModes)[number];

export const walletKinds = ['topup', 'spend', 'spendReturn', 'payout', 'adjust', 'reversal'] as const;
export type WalletKind = (typeof walletKinds)[number];

/** What a ledger row was written for (`ref_type`). */
export const walletRefTypes = ['topup', 'purchase', 'refund', 'payout', 'visitcard', 'visitcardRefund', ''] as const;
export type WalletRefType = (typeof walletRefTypes)[number];

/** The legal cap on a registered card's balance (单用途商业预付卡管理办法 第二十条): ¥5,000. */
export const legalCapFen = 500_000;

export interface WalletSettings {
  drawOrder: DrawOrder;
  pointsOnStoredValue: StoredValuePoints;
  /** Most principal one member may hold, in fen. Above ¥5,000 the settings warn, naming the rule. */
  capFen: number;
  /** Fee on a card refund, in percent of the principal refunded; 0 unless the published terms say so. */
  refundFeePct: number;
  /** Fee on refunding unused count-card visits, in percent of their pro-rata value. */
  visitcardRefundFeePct: number;
  /** Days ahead that the expiring-soon list of count cards looks. */
  expiringDays: number;
  /** The published refund and bonus terms, shown at top-up and printed on the slip. */
  terms: string;
}

export interface WalletPackage {
  id: number;
  payFen: number;
  bonusFen: number;
  bonusPoints: number;
  active: boolean;
}

export interface WalletConfig {
  settings: WalletSettings;
  packages: WalletPackage[];
  /** The id of the terms now published (each edit of the text is kept). */
  termsId: number | null;
}

/** Two balances: the member's own money and the shop's gift. */
export interface Balance {
  principalFen: number;
  bonusFen: number;
}

export interface WalletSummary extends Balance {
  memberId: number;
  totalFen: number;
  capFen: number;
  /** The member's count cards still usable (not refunded, uses left, not expired). */
  activeVisitcards: number;
}

export interface WalletEntry {
  id: number;
  kind: WalletKind;
  principalFen: number;
  bonusFen: number;
  refType: WalletRefType;
  refId: number | null;
  reversesId: number | null;
  /** Set when a later entry reversed this one. */
  reversedBy: number | null;
  note: string;
  staffName: string | null;
  at: string;
  day: string;
}

export interface TopupInfo {
  id: number;
  memberId: number;
  paidFen: number;
  bonusFen: number;
  bonusPoints: number;
  paymentMethod: TillMethod;
  voided: boolean;
  staffName: string | null;
  at: string;
  day: string;
}

export interface TopupResult {
  topup: TopupInfo;
  summary: WalletSummary;
  /** The published terms as printed on the slip. */
  terms: string;
  points: PointsSummary | null;
}

export interface PayoutResult {
  payoutId: number;
  principalFen: number;
  bonusForfeitedFen: number;
  feeFen: number;
  payoutFen: number;
  payoutMethod: TillMethod;
  summary: WalletSummary;
}

/** The sums of a till close. Refunds and voids are positive outflows. */
export interface TillSums {
  topupFen: number;
  topupCount: number;
  bonusFen: number;
  cardSalesFen: number;
  cardSalesCount: number;
  refundsFen: number;
  refundsCount: number;
  /** Stored value spent on purchases and card sales, net of what purchase refunds returned. */
  storedValueSpentFen: number;
  /** Money that came in less what went out: topups + card sales − refunds (not counting stored value). */
  netFen: number;
}

/** One line of a till close: a clerk's (or, with staffId null, everyone's) sums for one payment method. */
export interface TillLine extends TillSums {
  staffId: number | null;
  staffName: string | null;
  method: PaymentMethod;
}

export interface TillTotals {
  from: string;
  to: string;
  lines: TillLine[];
  /** Per method over all clerks. */
  byMethod: TillLine[];
  total: TillSums;
}

export interface TillClose {
  id: number | null;
  kind: 'shift' | 'day';
  staffId: number | null;
  staffName: string | null;
  day: string;
  closedByName: string | null;
  at: string | null;
  totals: TillTotals;
}

/** A report day, in the till's terms (its figures add up to the till's lines over the day). */
export interface WalletDayRow {
  day: string;
  /** Top-ups received, whole (a voided one stays here and its principal counts as a refund). */
  topupFen: number;
  /** Bonus given less bonus taken back by voids. */
  bonusFen: number;
  spentFen: number;
  /** Money paid back: balance refunds, voided top-ups' principal, count-card refunds not to stored value. */
  refundsFen: number;
}

export interface WalletReport {
  /** The shop's liability now: outstanding principal and bonus over all members. */
  outstanding: Balance & { members: number };
  days: WalletDayRow[];
  byStaff: TillLine[];
  byMethod: TillLine[];
  visitcards: {
    soldCount: number;
    soldFen: number;
    usesCount: number;
    refundedCount: number;
    refundedFen: number;
    /** Visits left on cards still usable today, and their pro-rata value. */
    unusedVisits: number;
    unusedFen: number;
    byProduct: { productId: number; name: string; sold: number; soldFen: number; uses: number; unusedVisits: number }[];
  };
}
