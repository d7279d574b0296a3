import type { PaymentMethod } from './points.js';
import type { TillMethod, WalletSummary } from './wallet.js';

export type Validity =
  | { kind: 'days'; days: number }
  /** A fixed last day, YYYY-MM-DD. */
  | { kind: 'until'; until: string }
  | { kind: 'none' };

export interface VisitcardProduct {
  id: number;
  name: string;
  services: string[];
  uses: number;
  priceFen: number;
  validity: Validity;
  /** Most visits one card may use on one shop day; null: no limit. */
  perDayLimit: number | null;
  /** Usable Monday to Friday only (by the shop day). */
  weekdaysOnly: boolean;
  active: boolean;
}

export const visitcardStates = ['active', 'usedUp', 'expired', 'refunded'] as const;
export type VisitcardState = (typeof visitcardStates)[number];

export interface Visitcard {
  id: number;
  memberId: number;
  productId: number;
  name: string;
  services: string[];
  usesTotal: number;
  usesLeft: number;
  priceFen: number;
  perDayLimit: number | null;
  weekdaysOnly: boolean;
  /** Last shop day it can be used; null: no end. */
  expiresOn: string | null;
  state: VisitcardState;
  paymentMethod: PaymentMethod;
  soldDay: string;
  soldAt: string;
  refundFen: number;
  refundedUses: number;
  /** Visits used today (shop day), for the per-day limit. */
  usedToday: number;
}

export interface VisitcardUse {
  id: number;
  visitcardId: number;
  uses: number;
  service: string;
  reversesId: number | null;
  reversedBy: number | null;
  note: string;
  staffName: string | null;
  at: string;
  day: string;
}

export interface SellResult {
  card: Visitcard;
  /** The member's stored value after, when the card was paid from it. */
  wallet: WalletSummary | null;
}

export interface UseResult {
  card: Visitcard;
  use: VisitcardUse;
}

export interface VisitcardRefundResult {
  card: Visitcard;
  refundFen: number;
  feeFen: number;
  /** Where the money went: back to stored value if the card was bought with it, else the payout method. */
  refundMethod: TillMethod | 'storedValue';
  wallet: WalletSummary | null;
}

/** A card in the expiring-soon list: the member's name and masked phone with it. */
export interface ExpiringVisitcard {
  card: Visitcard;
  memberName: string;
  memberPhone: string;
}
