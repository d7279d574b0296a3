import type { Generated } from 'kysely';

/** Stored value, count cards and till closes: Kysely's view (db/schema.ts joins them into `DB`). */
export interface WalletTermsTable {
  id: Generated<number>;
  body: string;
  staff_id: number | null;
  at: string;
}

export interface WalletPackagesTable {
  id: Generated<number>;
  pay_fen: number;
  bonus_fen: number;
  bonus_points: Generated<number>;
  active: Generated<number>;
}

/** Cache of a member's two balances, written with every ledger row (a test checks it). */
export interface WalletAccountsTable {
  member_id: number;
  principal_fen: Generated<number>;
  bonus_fen: Generated<number>;
  updated_at: string;
}

/** One change of a member's stored value; both parts are signed deltas. */
export interface WalletLedgerTable {
  id: Generated<number>;
  member_id: number;
  kind: string;
  principal_fen: number;
  bonus_fen: number;
  ref_type: Generated<string>;
  ref_id: number | null;
  reverses_id: number | null;
  note: Generated<string>;
  request_id: string | null;
  staff_id: number | null;
  at: string;
  day: string;
}

export interface WalletTopupsTable {
  id: Generated<number>;
  member_id: number;
  paid_fen: number;
  bonus_fen: Generated<number>;
  bonus_points: Generated<number>;
  package_id: number | null;
  payment_method: string;
  terms_id: number | null;
  entry_id: number;
  points_entry_id: number | null;
  voided_at: string | null;
  void_entry_id: number | null;
  request_id: string | null;
  staff_id: number | null;
  at: string;
  day: string;
}

/** A card refund (退余额): the remaining principal less the fee, paid out; the bonus forfeited. */
export interface WalletPayoutsTable {
  id: Generated<number>;
  member_id: number;
  principal_fen: number;
  bonus_forfeited_fen: number;
  fee_fen: number;
  payout_fen: number;
  payout_method: string;
  entry_id: number;
  reason: Generated<string>;
  request_id: string | null;
  staff_id: number | null;
  at: string;
  day: string;
}

export interface VisitcardProductsTable {
  id: Generated<number>;
  name: string;
  /** JSON array of the service names the card covers. */
  services: string;
  uses: number;
  price_fen: number;
  validity_kind: string;
  validity_days: number | null;
  valid_until: string | null;
  per_day_limit: number | null;
  weekdays_only: Generated<number>;
  active: Generated<number>;
  created_at: string;
}

/** A count card as sold: the product's terms are copied, so editing the product changes no card. */
export interface VisitcardsTable {
  id: Generated<number>;
  member_id: number;
  product_id: number;
  name: string;
  services: string;
  uses_total: number;
  /** Cache: uses_total − net uses − refunded uses (a test checks it). */
  uses_left: number;
  price_fen: number;
  per_day_limit: number | null;
  weekdays_only: Generated<number>;
  /** The last shop day it can be used; null: no end. */
  expires_on: string | null;
  payment_method: string;
  wallet_entry_id: number | null;
  refunded_at: string | null;
  refunded_uses: Generated<number>;
  refund_fen: Generated<number>;
  refund_method: string | null;
  refund_entry_id: number | null;
  refund_reason: Generated<string>;
  refund_staff_id: number | null;
  refund_day: string | null;
  request_id: string | null;
  staff_id: number | null;
  at: string;
  day: string;
}

/** A visit deducted (+1) or a deduction undone (−1, naming the row it reverses). */
export interface VisitcardUsesTable {
  id: Generated<number>;
  visitcard_id: number;
  member_id: number;
  uses: number;
  service: Generated<string>;
  reverses_id: number | null;
  note: Generated<string>;
  request_id: string | null;
  staff_id: number | null;
  at: string;
  day: string;
}

/** A shift handover or a day close, with the totals it printed (JSON of `TillTotals`). */
export interface TillClosesTable {
  id: Generated<number>;
  kind: string;
  staff_id: number | null;
  day: string;
  from_at: string;
  to_at: string;
  totals: string;
  closed_by: number;
  at: string;
}
