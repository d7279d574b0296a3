import type { Generated } from 'kysely';

/**
 * Purchases, the points ledger and what is bought or won with points: Kysely's view of the tables
 * of the purchases, points and rewards features (db/schema.ts joins them into `DB`).
 */
export interface PurchasesTable {
  id: Generated<number>;
  member_id: number;
  amount_fen: number;
  /** Points the member paid with, and the fen they settled. */
  points_used: Generated<number>;
  points_used_fen: Generated<number>;
  /** The part settled by a coupon or voucher. */
  coupon_fen: Generated<number>;
  receipt_no: Generated<string>;
  category: Generated<string>;
  items: Generated<string>;
  payment_method: string;
  points_earned: Generated<number>;
  /** The part paid from the member's stored value (its principal and bonus parts are ledger rows). */
  stored_value_fen: Generated<number>;
  /** Cache of the sum of this purchase's refunds (a test checks it). */
  refunded_fen: Generated<number>;
  request_id: string | null;
  import_batch_id: number | null;
  at: string;
  day: string;
  staff_id: number | null;
}

export interface PurchaseRefundsTable {
  id: Generated<number>;
  purchase_id: number;
  member_id: number;
  amount_fen: number;
  points_reversed: number;
  /** Points the refund should have taken back but the member had already spent. */
  points_shortfall: Generated<number>;
  /** Points paid for the purchase that the refund gave back. */
  points_returned: Generated<number>;
  /** Stored value the refund gave back, to the same parts the purchase drew on. */
  wallet_principal_fen: Generated<number>;
  wallet_bonus_fen: Generated<number>;
  reason: Generated<string>;
  request_id: string | null;
  at: string;
  day: string;
  staff_id: number | null;
}

/** One change of a member's points. A row with points > 0 is also a lot (`remaining` not null). */
export interface PointsLedgerTable {
  id: Generated<number>;
  member_id: number;
  kind: string;
  points: number;
  /** What caused it: 'purchase', 'refund', 'redemption', 'activity', 'opening' … and that row's id. */
  ref_type: Generated<string>;
  ref_id: number | null;
  /** A void: the entry it reverses. */
  reverses_id: number | null;
  note: Generated<string>;
  request_id: string | null;
  staff_id: number | null;
  at: string;
  day: string;
  /** Lots: the first business day the points can be spent, the last day they can, what is left. */
  usable_on: string | null;
  expires_on: string | null;
  remaining: number | null;
}

/** Which lots a debit took points from (negative: points a restore put back onto the lot). */
export interface PointsAllocationsTable {
  entry_id: number;
  lot_id: number;
  points: number;
}

export interface CheckinsTable {
  member_id: number;
  day: string;
  streak: number;
  entry_id: number | null;
  at: string;
  staff_id: number | null;
}

export interface ActivitiesTable {
  id: Generated<number>;
  name: string;
  day: string;
  points: number;
  active: Generated<number>;
  created_at: string;
  created_by: number | null;
}

export interface ActivityAttendeesTable {
  activity_id: number;
  member_id: number;
  entry_id: number;
  at: string;
  staff_id: number | null;
}

/** The rewards catalog (积分兑换). */
export interface RewardsTable {
  id: Generated<number>;
  name: string;
  /** goods | virtual | coupon | voucher | service (shared/rewards.ts). */
  kind: string;
  description: Generated<string>;
  points_cost: number;
  /** Coupon: the amount off, in fen. */
  value_fen: number | null;
  /** Discount voucher: the price paid, in percent (85 = 15% off, 八五折). */
  discount_pct: number | null;
  /** Null: unlimited. */
  stock: number | null;
  per_member_limit: number | null;
  /** Business days between which it can be redeemed, inclusive; null: open. */
  available_from: string | null;
  available_to: string | null;
  /** A code is valid this many days from the day it is issued, inclusive; null: no end. */
  code_valid_days: number | null;
  active: Generated<number>;
  /** A small data: URL picture. */
  image: string | null;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  /** Reserved for members of this tier or higher (by rank); null: everyone. */
  min_tier_id: Generated<number | null>;
}

/** A reward a member got: by points, from a draw, as compensation. */
export interface RedemptionsTable {
  id: Generated<number>;
  member_id: number;
  reward_id: number;
  reward_name: string;
  kind: string;
  value_fen: number | null;
  discount_pct: number | null;
  /** redeem | draw | compensation, and that row's id. */
  source: string;
  source_id: number | null;
  points: number;
  entry_id: number | null;
  code: string | null;
  valid_until: string | null;
  status: 'issued' | 'used' | 'cancelled';
  used_at: string | null;
  used_by: number | null;
  cancelled_at: string | null;
  cancelled_by: number | null;
  cancel_reason: Generated<string>;
  cancel_entry_id: number | null;
  request_id: string | null;
  at: string;
  day: string;
  staff_id: number | null;
}

/** A lucky-draw prize (积分抽奖); retired prizes stay for the draws that name them. */
export interface DrawPrizesTable {
  id: Generated<number>;
  name: string;
  kind: 'points' | 'reward' | 'goods' | 'thanks';
  points: number;
  reward_id: number | null;
  /** Parts per 10,000; the active prizes add up to 10,000. */
  probability_bp: number;
  /** Null: unlimited. */
  stock: number | null;
  position: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** One draw: who, what it cost, what was drawn and what the member got. */
export interface DrawsTable {
  id: Generated<number>;
  member_id: number;
  prize_id: number;
  prize_name: string;
  prize_kind: 'points' | 'reward' | 'goods' | 'thanks';
  outcome: 'points' | 'reward' | 'goods' | 'thanks';
  /** 1: the drawn prize was out of stock, the member got "thank you". */
  fell_back: number;
  cost: number;
  points: number;
  cost_entry_id: number | null;
  prize_entry_id: number | null;
  redemption_id: number | null;
  code: string | null;
  request_id: string | null;
  at: string;
  day: string;
  staff_id: number | null;
}
