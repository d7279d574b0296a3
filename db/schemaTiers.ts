import type { Generated } from 'kysely';

/** Membership tiers, growth value and tier history: Kysely's view (db/schema.ts joins them into `DB`). */
export interface TiersTable {
  id: Generated<number>;
  name: string;
  color: string;
  /** 0 is the base tier; ranks of active tiers are unique. */
  rank: number;
  threshold: number;
  retention: number;
  multiplier_pct: number;
  /** Member price in percent of the full price. */
  discount_pct: number;
  birthday_points: number | null;
  complaint_priority: number;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface TierServicesTable {
  id: Generated<number>;
  tier_id: number;
  name: string;
  quantity: number;
  period: string;
  active: Generated<number>;
}

/** A member above the base tier, or on a manual tier (which always ends). */
export interface MemberTiersTable {
  member_id: number;
  tier_id: number;
  /** The shop day the tier was reached or last kept. */
  since: string;
  review_on: string | null;
  manual_until: string | null;
  manual_reason: Generated<string>;
  manual_by: number | null;
  manual_at: string | null;
}

export interface GrowthLedgerTable {
  id: Generated<number>;
  member_id: number;
  kind: 'purchase' | 'refund' | 'activity';
  growth: number;
  /** 'purchase' (for purchases and their refunds) or 'activity'. */
  ref_type: string;
  ref_id: number;
  /** The shop day the growth counts on: a refund's is its purchase's. */
  day: string;
  at: string;
}

export interface TierChangesTable {
  id: Generated<number>;
  member_id: number;
  kind: string;
  from_tier_id: number | null;
  to_tier_id: number;
  /** Growth value in the window when it happened. */
  growth: number;
  reason: Generated<string>;
  ref_type: Generated<string>;
  ref_id: number | null;
  /** The `member_tiers` row an upgrade or manual setting replaced, as JSON (null: none, base tier). */
  prev_state: string | null;
  reverted: Generated<number>;
  staff_id: number | null;
  at: string;
  day: string;
}

export interface TierServiceUsesTable {
  id: Generated<number>;
  member_id: number;
  service_id: number;
  period_key: string;
  note: Generated<string>;
  request_id: string | null;
  staff_id: number | null;
  at: string;
  day: string;
  undone_at: string | null;
  undone_by: number | null;
  undo_reason: Generated<string>;
}
