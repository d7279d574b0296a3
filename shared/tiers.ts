/**
 * Membership tiers (会员等级): what a tier gives, how growth value (成长值) qualifies a member, and
 * what the member page and the reports read. Growth value is separate from points: it is earned
 * from spend (and optionally activities), never spent, and taken back by refunds.
 */

/** Growth counted over the last 12 months (shop days) or over the member's whole history. */
export const growthWindows = ['rolling12', 'lifetime'] as const;
export type GrowthWindow = (typeof growthWindows)[number];

/** At a review a member who misses retention drops to what their growth keeps, or one level only. */
export const dropModes = ['toQualified', 'oneLevel'] as const;
export type DropMode = (typeof dropModes)[number];

export const servicePeriods = ['month', 'quarter', 'year'] as const;
export type ServicePeriod = (typeof servicePeriods)[number];

/** Complaint priority a tier gives (the complaints feature shortens its SLA by it). */
export const complaintPriorities = [0, 1, 2, 3] as const;

export interface TierSettings {
  window: GrowthWindow;
  dropMode: DropMode;
  /** Growth value per whole yuan actually paid (the points and coupon parts do not count). */
  growthPerYuan: number;
  /** Growth value per activity attended; 0 = activities earn none. */
  activityGrowth: number;
}

/** A free service a tier includes, e.g. 2 car washes per quarter. */
export interface TierService {
  id: number;
  name: string;
  quantity: number;
  period: ServicePeriod;
}

export interface TierInfo {
  id: number;
  name: string;
  /** '#rrggbb' */
  color: string;
  /** 0 = the base tier every member starts in. */
  rank: number;
  /** Growth value that upgrades a member to this tier (0 for the base tier). */
  threshold: number;
  /** Growth value in the window at the review date that keeps this tier. */
  retention: number;
  /** Earning multiplier in percent (100 = the base rate). */
  multiplierPct: number;
  /** Member price in percent of the full price (95 = 95折); 100 = no discount. */
  discountPct: number;
  /** Birthday bonus for this tier; null = the points rules' birthday bonus. */
  birthdayPoints: number | null;
  complaintPriority: number;
  services: TierService[];
  /** Members holding this tier now (filled by tiers.config). */
  members: number;
}

export interface TiersConfig {
  settings: TierSettings;
  tiers: TierInfo[];
}

export const tierChangeKinds = [
  'upgrade',
  'retained',
  'downgrade',
  'manualSet',
  'manualEnd',
  /** A refund took back the growth an upgrade stood on. */
  'upgradeReverted',
] as const;
export type TierChangeKind = (typeof tierChangeKinds)[number];

export interface TierChange {
  id: number;
  memberId: number;
  memberName: string;
  memberNo: string;
  kind: TierChangeKind;
  fromTier: string | null;
  toTier: string;
  growth: number;
  reason: string;
  staffName: string | null;
  at: string;
  day: string;
}

export interface ServiceUsage extends TierService {
  /** The current period, e.g. '2026-Q4', '2026-12', '2026'. */
  periodKey: string;
  used: number;
  left: number;
}

export interface ManualTier {
  until: string;
  reason: string;
  byName: string | null;
  at: string;
}

/** Everything the member page and the counter show about a member's tier. */
export interface MemberTier {
  memberId: number;
  tier: TierInfo;
  growth: number;
  lifetimeGrowth: number;
  window: GrowthWindow;
  /** The first day counted in the window (null for lifetime). */
  windowFrom: string | null;
  next: { tier: TierInfo; missing: number } | null;
  /** When the tier is next reviewed and how much growth keeps it (null for the base tier). */
  /** `counted`: growth so far that will still be in the window on the review day. */
  review: { on: string; retention: number; counted: number; missing: number; dropsTo: TierInfo } | null;
  since: string | null;
  manual: ManualTier | null;
  services: ServiceUsage[];
}

/** Members whose tier will drop at a review within the coming days unless they buy. */
export interface AtRiskMember {
  memberId: number;
  memberName: string;
  memberNo: string;
  /** As the role may see it (masked for clerks). */
  phone: string;
  tier: string;
  tierColor: string;
  reviewOn: string;
  growth: number;
  retention: number;
  missing: number;
  dropsTo: string;
}

export interface TierDistributionRow {
  tierId: number;
  name: string;
  color: string;
  members: number;
}

/** What a purchase or refund did to the tier, for the counter to announce. */
export interface TierOutcome {
  growthDelta: number;
  change: { kind: TierChangeKind; from: string; to: string; color: string } | null;
}
